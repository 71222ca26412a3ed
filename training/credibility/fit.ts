// Fits the credibility model: standardise → L2 logistic (interpretable, optionally + n-grams) → Platt on out-of-fold scores.
import { fitIsotonic, fitPlatt, type Calibrator } from '../../src/ml/calibration.js'
import { groupKFold, stratifiedKFold } from '../ml/cross-validation.js'
import { logisticDecision, trainLogistic } from '../../src/ml/logistic.js'
import { SparseVectorBuilder, type SparseVector } from '../../src/ml/sparse-vector.js'
import type { Standardizer } from '../../src/ml/standardize.js'
import { ngramVector, type CharNgramOptions, type SkeletonNgramOptions } from '../../src/analyzers/credibility/ngrams.js'
import type { CredibilityModel, Observation } from '../../src/analyzers/credibility/model.js'

export interface FitOptions {
  /** Interpretable feature names, index-aligned with `Observation.values`. */
  features: readonly string[]
  /**
   * Per feature (index-aligned with `features`): a prior weight > 0 for warning signs, whose learned weight is then
   * also kept ≥ 0; 0 = no prior, free sign. Default: none.
   */
  priors?: readonly number[]
  /** Per feature: a fixed weight used instead of a learned one (NaN or absent = learned). */
  fixed?: readonly number[]
  /** Add hashed word n-grams (the "full" model); default false. */
  ngrams?: boolean
  /** Also hash character n-grams of the body text into the same space (default none). */
  chars?: CharNgramOptions
  /** Also hash skeleton n-grams (function words kept, other words as shapes; skeleton.ts) into the same space (default none). */
  skeleton?: SkeletonNgramOptions
  /** Hash space for n-grams (default 2^18). */
  ngramDims?: number
  /** Multiplier on the unit-length n-gram vector; larger = less regularised relative to the interpretable part. */
  ngramScale?: number
  /** L2 strength on the mean log loss (default 0.01). */
  l2?: number
  calibration?: 'platt' | 'isotonic'
  /**
   * The shipped weights: 'average' (default) = the mean of the calibration-fold models, so the calibrator was fitted on
   * exactly the kind of scores it will see; 'refit' = one more fit on all rows (sharper, but the calibrator then sees
   * scores from less-confident fold models, which costs calibration for the n-gram model).
   */
  final?: 'average' | 'refit'
  /** Folds used to get out-of-fold scores for the calibrator (default 5). */
  calibrationFolds?: number
  seed?: number
  thresholds?: { medium: number; high: number }
}

export const DEFAULT_THRESHOLDS = { medium: 0.4, high: 0.7 } as const

/** The uncalibrated part of a model, as fitted on some rows. */
interface RawModel {
  standardizer: Standardizer
  reference: number[]
  weights: number[]
  bias: number
  ngrams: CredibilityModel['ngrams']
  /** The n-gram weights as a dense array, for scoring held-out rows; not stored. */
  ngramDense: Float64Array | null
}

/**
 * Trains on all rows; returns the model body (the caller adds id, version, dates, metrics). `groups` (the story of each
 * row, see dataset.ts) keeps a story on one side of the calibration folds: with a fake in training and the legitimate
 * article it imitates held out, the shared topic words point the wrong way, the out-of-fold scores come out flatter than
 * on a new story, and Platt scaling learned from them is under-confident.
 */
export function fitCredibility(
  observations: readonly Observation[], labels: readonly number[], options: FitOptions, groups?: readonly string[],
): Omit<CredibilityModel, 'id' | 'version' | 'createdAt' | 'trainedOn' | 'metrics' | 'satire'> {
  const ngramCache = options.ngrams ? observations.map((o) => ngramVector(o.words, options.ngramDims ?? 1 << 18, options.chars, o.text, options.skeleton, o.wordIds)) : null
  // Out-of-fold log-odds so the calibrator sees scores the way unseen articles will produce them.
  const k = options.calibrationFolds ?? 5
  const folds = groups && new Set(groups).size >= k
    ? groupKFold(groups, k)
    : stratifiedKFold(labels, Math.min(k, minClassCount(labels)), (options.seed ?? 1) + 101)
  const outOfFold = new Array<number>(labels.length)
  const subs: RawModel[] = []
  for (const fold of folds) {
    const sub = fitRaw(fold.train.map((i) => observations[i]), fold.train.map((i) => labels[i]), options, ngramCache && fold.train.map((i) => ngramCache[i]))
    for (const i of fold.test) outOfFold[i] = rawLogOdds(sub, observations[i], ngramCache?.[i])
    subs.push(sub)
  }
  const calibration: Calibrator = options.calibration === 'isotonic' ? fitIsotonic(outOfFold, labels) : fitPlatt(outOfFold, labels)
  const full = fitRaw(observations, labels, options, options.final === 'refit' ? ngramCache : null)
  const raw = options.final === 'refit' ? full : averageModels(subs, full, options)
  const { ngramDense: _unused, ...stored } = raw
  return { features: [...options.features], ...stored, calibration, thresholds: { ...(options.thresholds ?? DEFAULT_THRESHOLDS) } }
}

function fitRaw(observations: readonly Observation[], labels: readonly number[], options: FitOptions, ngramVectors: SparseVector[] | null): RawModel {
  const f = options.features.length
  const standardizer = fitStandardizerIgnoringNaN(observations.map((o) => o.values), f)
  const dims = options.ngramDims ?? 1 << 18
  const scale = options.ngramScale ?? 1
  const examples = observations.map((o, i) => {
    const builder = new SparseVectorBuilder()
    const z = standardized(standardizer, o.values)
    for (let j = 0; j < f; j++) if (z[j] !== 0) builder.add(j, z[j])
    if (ngramVectors) {
      const x = ngramVectors[i]
      for (let k = 0; k < x.indices.length; k++) builder.add(f + x.indices[k], scale * x.values[k])
    }
    return builder.build()
  })
  const totalDims = f + (ngramVectors ? dims : 0)
  const priorMean = new Float64Array(totalDims)
  // A feature never observed in training (its analyzer did not run) keeps weight 0: no data, no prior, no scale.
  const observed = options.features.map((_, j) => observations.some((o) => !Number.isNaN(o.values[j])))
  options.priors?.forEach((p, j) => (priorMean[j] = observed[j] ? p : 0))
  // Warning signs may not lower the risk: a weight that comes out negative is pinned to 0 (its column dropped) and the
  // model refitted, until every constrained weight is ≥ 0.
  // Fixed-weight features leave the learner: their part of the log-odds becomes a per-row offset.
  const fixed = options.features.map((_, j) => (observed[j] ? (options.fixed?.[j] ?? Number.NaN) : Number.NaN))
  const pinned = new Set<number>(fixed.flatMap((w, j) => (Number.isNaN(w) ? [] : [j])))
  for (const j of pinned) priorMean[j] = 0
  const offsets = observations.map((o) => {
    const z = standardized(standardizer, o.values)
    return [...pinned].reduce((sum, j) => sum + fixed[j] * z[j], 0)
  })
  const fit = (rows: SparseVector[]) => trainLogistic(rows, labels, { dims: totalDims, l2: options.l2 ?? 0.01, classWeights: 'balanced', priorMean, offsets })
  let model = fit(examples.map((x) => dropColumns(x, pinned)))
  for (;;) {
    const wrong = (options.priors ?? []).map((p, j) => (p > 0 && model.weights[j] < 0 ? j : -1)).filter((j) => j >= 0 && !pinned.has(j))
    if (wrong.length === 0) break
    for (const j of wrong) {
      pinned.add(j)
      priorMean[j] = 0
    }
    model = fit(examples.map((x) => dropColumns(x, pinned)))
  }
  fixed.forEach((w, j) => {
    if (!Number.isNaN(w)) model.weights[j] = w
  })
  let ngrams: RawModel['ngrams'] = null
  let ngramDense: Float64Array | null = null
  if (ngramVectors) {
    ngramDense = Float64Array.from(model.weights.slice(f))
    const indices: number[] = []
    const weights: number[] = []
    for (let k = 0; k < dims; k++) {
      const w = ngramDense[k]!
      if (Math.abs(w) > 1e-6) {
        indices.push(k)
        weights.push(w)
      }
    }
    ngrams = { dims, scale, indices, weights, ...(options.chars ? { chars: { ...options.chars } } : {}), ...(options.skeleton ? { skeleton: { ...options.skeleton } } : {}) }
  }
  const reference = standardizer.mean.map((m, j) => ((options.priors?.[j] ?? 0) > 0 || !Number.isNaN(fixed[j]) ? 0 : m))
  return { standardizer, reference, weights: model.weights.slice(0, f), bias: model.bias, ngrams, ngramDense }
}

/**
 * The mean of linear models fitted with different standardisers, expressed with `base`'s standardiser (its mean,
 * scale and reference): averaged in raw feature units, so each model's log-odds are averaged exactly.
 */
function averageModels(subs: readonly RawModel[], base: RawModel, options: FitOptions): RawModel {
  const f = options.features.length
  const rawWeights = new Array<number>(f).fill(0)
  let bias = 0
  for (const sub of subs) {
    let b = sub.bias
    for (let j = 0; j < f; j++) {
      const w = sub.weights[j]! / sub.standardizer.scale[j]!
      rawWeights[j]! += w / subs.length
      b -= w * sub.standardizer.mean[j]!
    }
    bias += b / subs.length
  }
  const weights = rawWeights.map((w, j) => {
    const fixed = options.fixed?.[j]
    return fixed !== undefined && !Number.isNaN(fixed) && base.weights[j] === fixed ? fixed : w * base.standardizer.scale[j]!
  })
  for (let j = 0; j < f; j++) bias += weights[j]! * base.standardizer.mean[j]! / base.standardizer.scale[j]!
  let ngrams: RawModel['ngrams'] = null
  let ngramDense: Float64Array | null = null
  if (subs[0]!.ngrams) {
    const { dims, scale, chars, skeleton } = subs[0]!.ngrams
    ngramDense = new Float64Array(dims)
    for (const sub of subs) for (let k = 0; k < dims; k++) ngramDense[k]! += sub.ngramDense![k]! / subs.length
    const indices: number[] = []
    const values: number[] = []
    for (let k = 0; k < dims; k++) {
      if (Math.abs(ngramDense[k]!) > 1e-6) {
        indices.push(k)
        values.push(ngramDense[k]!)
      }
    }
    ngrams = { dims, scale, indices, weights: values, ...(chars ? { chars } : {}), ...(skeleton ? { skeleton } : {}) }
  }
  return { standardizer: base.standardizer, reference: base.reference, weights, bias, ngrams, ngramDense }
}

function dropColumns(x: SparseVector, columns: ReadonlySet<number>): SparseVector {
  const keep: number[] = []
  for (let k = 0; k < x.indices.length; k++) if (!columns.has(x.indices[k])) keep.push(k)
  return { indices: Int32Array.from(keep, (k) => x.indices[k]), values: Float32Array.from(keep, (k) => x.values[k]) }
}

/** Mean and spread over the known (non-NaN) values; a feature never observed gets mean 0, scale 1 (so weight 0). */
function fitStandardizerIgnoringNaN(rows: readonly number[][], f: number): Standardizer {
  const mean = new Array<number>(f).fill(0)
  const scale = new Array<number>(f).fill(1)
  for (let j = 0; j < f; j++) {
    const known = rows.map((r) => r[j]).filter((v) => !Number.isNaN(v))
    if (known.length === 0) continue
    const m = known.reduce((a, b) => a + b, 0) / known.length
    const variance = known.reduce((a, b) => a + (b - m) ** 2, 0) / known.length
    mean[j] = m
    scale[j] = variance > 1e-12 ? Math.sqrt(variance) : 1
  }
  return { mean, scale }
}

function standardized(s: Standardizer, values: readonly number[]): number[] {
  return values.map((v, j) => (Number.isNaN(v) ? 0 : (v - s.mean[j]) / s.scale[j]))
}

function rawLogOdds(model: RawModel, o: Observation, ngramVector?: SparseVector): number {
  const z = standardized(model.standardizer, o.values)
  let sum = model.bias + logisticDecision({ dims: z.length, weights: model.weights, bias: 0 }, z)
  if (model.ngrams && model.ngramDense && ngramVector) {
    for (let k = 0; k < ngramVector.indices.length; k++) sum += model.ngrams.scale * ngramVector.values[k] * model.ngramDense[ngramVector.indices[k]]
  }
  return sum
}

function minClassCount(labels: readonly number[]): number {
  const ones = labels.reduce((a, b) => a + b, 0)
  return Math.max(2, Math.min(ones, labels.length - ones))
}
