// Loads a training entry point from training/ (outside src/: it only writes model files and is not in the built package).
import { FactsiftError } from '../../../errors.js'

/**
 * Imports `training/<path>` (e.g. 'stance/pipeline.ts'); outside a source checkout run through tsx it is an E_CONFIG
 * error that names the npm script to use instead.
 */
export async function importTrainingModule<T>(path: string, npmScript: string): Promise<T> {
  const entry = new URL(`../../../../training/${path}`, import.meta.url)
  try {
    return (await import(entry.href)) as T
  } catch {
    throw new FactsiftError('E_CONFIG', `training needs a source checkout run through tsx (npm run ${npmScript}); cannot load ${entry.pathname}`)
  }
}
