// `factsift train credibility`: analyze every row with the engine, fit the shipped recipe, return the model file object.
import { basename, dirname } from 'node:path'
import { readCredibilityJsonl, targetOf, type SatirePolicy } from './dataset.js'
import { fitOptionsFor, type ModelVariant } from './defaults.js'
import { crossValidate } from './evaluate.js'
import { analyzersById, observeRows } from './extract.js'
import { fitCredibility } from './fit.js'
import type { CredibilityModel } from '../../src/analyzers/credibility/model.js'

export interface TrainRequest {
  data: string[]
  variant: ModelVariant
  satire: SatirePolicy
  seed: number
  /** Analyzer ids to run before scoring; default: the registry. */
  analyzers?: string[]
  /** ISO date for the manifest (default now). */
  createdAt?: string
  onProgress?: (message: string) => void
}

export async function trainCredibilityModel(request: TrainRequest): Promise<CredibilityModel> {
  const perFile = request.data.map((path) => ({ path, rows: readCredibilityJsonl(path) }))
  const rows = perFile.flatMap((f) => f.rows)
  const { defaultAnalyzers } = await import('../../src/analyzers/registry.js')
  const analyzers = request.analyzers ? await analyzersById(request.analyzers) : defaultAnalyzers().filter((a) => a.id !== 'credibility')
  const observations = await observeRows(rows, {
    analyzers,
    onProgress: (done, total) => (done === total || done % 100 === 0) && request.onProgress?.(`analyzed ${done}/${total}`),
  })
  const labels = rows.map((r) => targetOf(r.label, request.satire))
  const options = fitOptionsFor(request.variant, request.seed)
  request.onProgress?.('5-fold cross-validation by story for the model card')
  const stories = rows.map((r) => r.group)
  const cv = crossValidate(observations, labels, 5, options, stories)
  request.onProgress?.('fitting on all rows')
  const body = fitCredibility(observations, labels, options, stories)
  return {
    id: 'credibility',
    version: 3,
    createdAt: request.createdAt ?? new Date().toISOString(),
    trainedOn: perFile.map((f) => `${basename(dirname(f.path))}/${basename(f.path)} (${f.rows.length} rows)`).join(', '),
    metrics: { variant: request.variant, cv5ByStory: cv.model, baseline: cv.baseline },
    analyzers: analyzers.map((a) => a.id),
    ...body,
    satire: request.satire,
  }
}
