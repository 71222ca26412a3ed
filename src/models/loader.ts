// Loads model files from models/ once and caches them; analyzers receive the loader through Services.
import { readFileSync, existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import { FactsiftError } from '../errors.js'

/** The manifest every model file carries (see STYLE.md: models are files with a manifest). */
export interface ModelManifest {
  id: string
  version: number
  createdAt: string
  trainedOn: string
  metrics?: Record<string, unknown>
}

export interface ModelLoader {
  /** The parsed model file `models/<id>.json`, or null when the file does not exist. Cached. */
  load<T extends ModelManifest>(id: string): T | null
  readonly directory: string
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
      if (!cache.has(id)) cache.set(id, readModelFile(join(directory, `${id}.json`), id))
      return cache.get(id) as T | null
    },
  }
}

function readModelFile(path: string, id: string): ModelManifest | null {
  if (!existsSync(path)) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new FactsiftError('E_MODEL_INVALID', `model ${id}: ${path} is not valid JSON`)
  }
  const manifest = parsed as Partial<ModelManifest>
  if (manifest.id !== id || typeof manifest.version !== 'number' || typeof manifest.createdAt !== 'string') {
    throw new FactsiftError('E_MODEL_INVALID', `model ${id}: ${path} lacks a valid manifest (id, version, createdAt)`)
  }
  return manifest as ModelManifest
}
