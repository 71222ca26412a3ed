// Model files: JSON with a manifest first, stable key order, rounded numbers, written atomically. They are read back
// (manifest checked, model validated, cached) by loadModel in src/models/loader.ts.
import { FactsiftError } from '../errors.js'
import { validateManifest, type ModelFileManifest } from '../models/loader.js'
import { writeFileAtomic } from '../util/atomic-write.js'

const MANIFEST_KEYS = ['id', 'version', 'createdAt', 'trainedOn', 'metrics'] as const

export interface SerializeOptions {
  /** Significant digits kept for non-integer numbers (default 6); integers are written exactly. */
  digits?: number
}

/** Rounds to `digits` significant digits; integers and zero pass through; non-finite numbers are rejected. */
export function roundNumber(value: number, digits = 6): number {
  if (!Number.isFinite(value)) throw new FactsiftError('E_MODEL_INVALID', `cannot store a non-finite number (${value}) in a model file`)
  if (Number.isInteger(value)) return value
  return Number(value.toPrecision(digits))
}

/**
 * The model as JSON text: manifest keys first in a fixed order, every other key sorted, arrays of plain values on one
 * line (weight vectors stay compact), numbers rounded. The same model always gives the same bytes.
 */
export function serializeModel<T extends ModelFileManifest>(model: T, options: SerializeOptions = {}): string {
  return `${render(model, '', options.digits ?? 6, true)}\n`
}

/** Validates the manifest and writes the model file atomically (temp file + rename). */
export function writeModelFile<T extends ModelFileManifest>(path: string, model: T, options: SerializeOptions = {}): void {
  validateManifest(model, model.id, path)
  writeFileAtomic(path, serializeModel(model, options))
}

function render(value: unknown, indent: string, digits: number, top = false): string {
  if (value === null) return 'null'
  if (typeof value === 'number') return JSON.stringify(roundNumber(value, digits))
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value)
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) value = Array.from(value as unknown as ArrayLike<number>)
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    if (value.every((v) => v === null || typeof v !== 'object')) return `[${value.map((v) => render(v, inner, digits)).join(',')}]`
    return `[\n${value.map((v) => inner + render(v, inner, digits)).join(',\n')}\n${indent}]`
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>
    const keys = Object.keys(record).filter((k) => record[k] !== undefined)
    const first = top ? MANIFEST_KEYS.filter((k) => keys.includes(k)) : []
    const rest = keys.filter((k) => !(first as string[]).includes(k)).sort()
    const ordered = [...first, ...rest]
    if (ordered.length === 0) return '{}'
    return `{\n${ordered.map((k) => `${inner}${JSON.stringify(k)}: ${render(record[k], inner, digits)}`).join(',\n')}\n${indent}}`
  }
  throw new FactsiftError('E_MODEL_INVALID', `cannot store a ${typeof value} in a model file`)
}
