// Per-feature standardisation (z-scores) for dense features, fitted on training rows only and stored with a model.
import { FactsiftError } from '../errors.js'

/** x' = (x − mean) / scale; features with zero spread get scale 1. */
export interface Standardizer {
  mean: number[]
  scale: number[]
}

export function fitStandardizer(rows: readonly ArrayLike<number>[]): Standardizer {
  if (rows.length === 0) throw new FactsiftError('E_BAD_ARGUMENT', 'cannot fit a standardizer on zero rows')
  const dims = rows[0].length
  const mean = new Array<number>(dims).fill(0)
  const scale = new Array<number>(dims).fill(0)
  for (const row of rows) for (let j = 0; j < dims; j++) mean[j] += row[j] / rows.length
  for (const row of rows) for (let j = 0; j < dims; j++) scale[j] += (row[j] - mean[j]) ** 2 / rows.length
  for (let j = 0; j < dims; j++) scale[j] = scale[j] > 1e-24 ? Math.sqrt(scale[j]) : 1
  return { mean, scale }
}

/** A standardised copy of `row`. */
export function standardize(s: Standardizer, row: ArrayLike<number>): Float64Array {
  const out = new Float64Array(s.mean.length)
  for (let j = 0; j < out.length; j++) out[j] = (row[j] - s.mean[j]) / s.scale[j]
  return out
}

export function standardizerFromJSON(value: unknown, what = 'standardizer'): Standardizer {
  const s = value as Partial<Standardizer> | null
  if (!s || !Array.isArray(s.mean) || !Array.isArray(s.scale) || s.mean.length !== s.scale.length || !s.mean.every(Number.isFinite) || !s.scale.every((v) => Number.isFinite(v) && v > 0)) {
    throw new FactsiftError('E_MODEL_INVALID', `${what}: expected { mean: number[], scale: number[] (positive) } of equal length`)
  }
  return { mean: s.mean, scale: s.scale }
}
