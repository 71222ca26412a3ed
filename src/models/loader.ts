// Models are files with a manifest (see STYLE.md). One way to load any of them: read models/<id>.json once → check the
// manifest → the model's own validation → cache; a missing or malformed file is E_MODEL_INVALID, worded alike for all.
import { readFileSync, existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import { FactsiftError } from '../errors.js'

/** The manifest every model file carries. */
export interface ModelManifest {
  id: string
  version: number
  createdAt: string
  trainedOn: string
  metrics?: Record<string, unknown>
}

/** The manifest as it is checked on load and on write: `metrics` is required too. */
export interface ModelFileManifest extends ModelManifest {
  metrics: Record<string, unknown>
}

/** Reads model files; analyzers receive one through Services and load models from it with `loadModel`. */
export interface ModelLoader {
  /** The parsed file `models/<id>.json` (not yet validated), or null when it does not exist. Cached. */
  load<T extends ModelManifest>(id: string): T | null
  readonly directory: string
}

/** What a model is: its id, how to make its file, and the checks that turn the parsed file into the model code uses. */
export interface ModelDefinition<T> {
  id: string
  /** The command that trains the model, named when the file is missing. */
  train: string
  /** Model-specific checks on a file whose manifest is valid; returns what callers use. Throws E_MODEL_INVALID. */
  validate(file: ModelFileManifest, source: string): T
}

/** The models/ folder shipped with the package (two levels above dist/models/ or src/models/). */
export function defaultModelDirectory(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'models')
}

export function createModelLoader(directory: string = defaultModelDirectory()): ModelLoader {
  const cache = new Map<string, ModelManifest | null>()
  return {
    directory,
    load<T extends ModelManifest>(id: string): T | null {
      if (!cache.has(id)) cache.set(id, readJson(join(directory, `${id}.json`), id))
      return cache.get(id) as T | null
    },
  }
}

// Validated models per definition, keyed by the parsed file: a loader reads a file once, so this validates it once.
const validated = new WeakMap<ModelDefinition<unknown>, WeakMap<object, unknown>>()

/** The model `definition` describes, from `models`: validated once per file and cached; E_MODEL_INVALID when missing or malformed. */
export function loadModel<T>(models: ModelLoader, definition: ModelDefinition<T>): T {
  const source = join(models.directory, `${definition.id}.json`)
  const file = models.load(definition.id)
  if (!file) throw new FactsiftError('E_MODEL_INVALID', `model ${definition.id}: ${source} is missing; train it with ${definition.train}`)
  let cache = validated.get(definition) as WeakMap<object, T> | undefined
  if (!cache) {
    cache = new WeakMap()
    validated.set(definition, cache)
  }
  if (cache.has(file)) return cache.get(file)!
  validateManifest(file, definition.id, source)
  const model = definition.validate(file, source)
  cache.set(file, model)
  return model
}

/** Throws E_MODEL_INVALID unless `value` has id (= `id`), version, createdAt, trainedOn and metrics. */
export function validateManifest(value: unknown, id: string, source: string): asserts value is ModelFileManifest {
  const m = value as Partial<ModelFileManifest> | null
  const problems: string[] = []
  if (!m || typeof m !== 'object' || Array.isArray(m)) problems.push('not an object')
  else {
    if (m.id !== id) problems.push(`id is ${JSON.stringify(m.id)}, expected ${JSON.stringify(id)}`)
    if (!Number.isInteger(m.version) || m.version! < 1) problems.push('version must be a positive integer')
    if (typeof m.createdAt !== 'string' || Number.isNaN(Date.parse(m.createdAt))) problems.push('createdAt must be an ISO date')
    if (typeof m.trainedOn !== 'string' || m.trainedOn.length === 0) problems.push('trainedOn must be a non-empty string')
    if (!m.metrics || typeof m.metrics !== 'object' || Array.isArray(m.metrics)) problems.push('metrics must be an object')
  }
  if (problems.length) throw new FactsiftError('E_MODEL_INVALID', `model ${id}: ${source}: ${problems.join('; ')}`)
}

function readJson(path: string, id: string): ModelManifest | null {
  if (!existsSync(path)) return null
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ModelManifest
  } catch {
    throw new FactsiftError('E_MODEL_INVALID', `model ${id}: ${path} is not valid JSON`)
  }
}
