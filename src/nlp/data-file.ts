// Reads the JSON tables under data/ (shipped with the package) and the user's extension files, once per path.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { FactsiftError } from '../errors.js'

const cache = new Map<string, Record<string, unknown>>()

/** The path of a table shipped in the package's data/ folder (two levels above src/nlp or dist/nlp). */
export function bundledDataPath(file: string): string {
  return fileURLToPath(new URL(`../../data/${file}`, import.meta.url))
}

/**
 * Parses a JSON object file (cached by path). Keys starting with "$" are comments and are dropped.
 * A missing or malformed file is a configuration error (E_CONFIG) naming the path.
 */
export function readTableFile(path: string): Record<string, unknown> {
  const cached = cache.get(path)
  if (cached) return cached
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    throw new FactsiftError('E_CONFIG', `cannot read table ${path}: ${reason}`)
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new FactsiftError('E_CONFIG', `table ${path} must be a JSON object of name → entry`)
  }
  const table = withoutComments(parsed as Record<string, unknown>)
  cache.set(path, table)
  return table
}

/** Drops "$comment"-style keys. */
export function withoutComments(table: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(table)) if (!key.startsWith('$')) out[key] = value
  return out
}

/** A string array field of an entry, or [] when absent; anything else is an E_CONFIG error. */
export function stringList(entry: Record<string, unknown>, field: string, where: string): string[] {
  const value = entry[field]
  if (value === undefined) return []
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new FactsiftError('E_CONFIG', `${where}: "${field}" must be an array of strings`)
  }
  return value as string[]
}

/** Per-source cache of built tables: by file path (or the bundled table alone), and by table object. */
export interface TableCache<T> {
  byPath: Map<string, T>
  byObject: WeakMap<object, T>
}

export function createTableCache<T>(): TableCache<T> {
  return { byPath: new Map(), byObject: new WeakMap() }
}

/**
 * The bundled table `file` merged with the user's `extra` (a JSON path or a table object; same names replace), built
 * once per path or object with `build(merged, where)`, where `where` names the source in error messages.
 */
export function mergedTable<T>(
  file: string,
  extra: string | object | undefined,
  label: string,
  cache: TableCache<T>,
  build: (merged: Record<string, unknown>, where: string) => T,
): T {
  const cached = typeof extra === 'object' ? cache.byObject.get(extra) : cache.byPath.get(extra ?? '')
  if (cached) return cached
  const merged: Record<string, unknown> = { ...readTableFile(bundledDataPath(file)) }
  if (typeof extra === 'string') Object.assign(merged, readTableFile(extra))
  else if (extra) Object.assign(merged, withoutComments(extra as Record<string, unknown>))
  const table = build(merged, typeof extra === 'string' ? extra : label)
  if (typeof extra === 'object') cache.byObject.set(extra, table)
  else cache.byPath.set(extra ?? '', table)
  return table
}
