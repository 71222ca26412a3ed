// The credibility model file and how it scores one article: calibrated probability plus per-feature contributions.
import { FactsiftError } from '../../errors.js'
import { applyCalibration, calibratorFromJSON, type Calibrator } from '../../ml/calibration.js'
import type { ModelFileManifest } from '../../models/loader.js'
import { standardizerFromJSON, type Standardizer } from '../../ml/standardize.js'
import { ngramDot, type CharNgramOptions, type SkeletonNgramOptions, type WordIds } from './ngrams.js'

/** models/credibility.json. P(unreliable) = calibration(bias + Σ wⱼ·zⱼ + n-gram term), zⱼ standardised features. */
export interface CredibilityModel extends ModelFileManifest {
  id: 'credibility'
  /** Interpretable feature names, in the order of `weights`; checked against the code's feature table on load. */
  features: string[]
  standardizer: Standardizer
  /**
   * Per feature, the value a reason is measured from: 0 for warning signs (a clean article), the training mean for
   * the rest. Only explanations use it; the score does not depend on it.
   */
  reference: number[]
  weights: number[]
  bias: number
  /**
   * Hashed n-gram weights (sparse), or null for the interpretable-only model. With `chars`, the hashed vector also
   * holds character n-grams of the body text, with `skeleton` skeleton n-grams of the words (ngrams.ts `ngramVector`).
   */
  ngrams: { dims: number; scale: number; indices: number[]; weights: number[]; chars?: CharNgramOptions; skeleton?: SkeletonNgramOptions } | null
  calibration: Calibrator
  /** score < medium → low; < high → medium; else high. */
  thresholds: { medium: number; high: number }
  satire: 'unreliable' | 'reliable'
  /** The analyzers that ran on the training data (features of others had no data and weigh 0). */
  analyzers?: string[]
}

/** One article's features: interpretable values (NaN = unknown), its lower-cased words and body text (for n-grams). */
export interface Observation {
  values: number[]
  words: string[]
  /** The body text (character n-grams); absent = none. */
  text?: string
  /** `words` as ids into its distinct words (speed only: n-gram hashing per distinct word); absent = hashed per word. */
  wordIds?: WordIds
}

export interface Contribution {
  feature: string
  /** Raw feature value (NaN when unknown). */
  value: number
  /** Its share of the log-odds before calibration, measured from the feature's reference: wⱼ·(xⱼ − refⱼ)/scaleⱼ; 0 when unknown. */
  logOdds: number
}

export interface CredibilityScore {
  probability: number
  logOdds: number
  contributions: Contribution[]
  /** The n-gram term of the log-odds (0 without n-grams). */
  wordingLogOdds: number
}

/** Scores one observation; unknown feature values are imputed with the training mean (contribute 0). */
export function scoreObservation(
  model: Pick<CredibilityModel, 'features' | 'standardizer' | 'reference' | 'weights' | 'bias' | 'ngrams' | 'calibration'>,
  observation: Observation,
): CredibilityScore {
  const contributions: Contribution[] = []
  let logOdds = model.bias
  for (let j = 0; j < model.features.length; j++) {
    const value = observation.values[j]
    const known = !Number.isNaN(value)
    const { mean, scale } = model.standardizer
    logOdds += known ? (model.weights[j] * (value - mean[j])) / scale[j] : 0
    const part = known ? (model.weights[j] * (value - model.reference[j])) / scale[j] : 0
    contributions.push({ feature: model.features[j], value, logOdds: part === 0 ? 0 : part }) // no -0 in reports
  }
  let wordingLogOdds = 0
  if (model.ngrams) {
    wordingLogOdds = model.ngrams.scale * ngramDot(observation.words, model.ngrams.dims, ngramWeights(model.ngrams), model.ngrams.chars, observation.text, model.ngrams.skeleton, observation.wordIds)
    logOdds += wordingLogOdds
  }
  return { probability: applyCalibration(model.calibration, logOdds), logOdds, contributions, wordingLogOdds }
}

/** low / medium / high from the model's thresholds. */
export function riskLabel(model: Pick<CredibilityModel, 'thresholds'>, probability: number): 'low' | 'medium' | 'high' {
  if (probability >= model.thresholds.high) return 'high'
  if (probability >= model.thresholds.medium) return 'medium'
  return 'low'
}

/** Validates a parsed model file against the current feature table (throws E_MODEL_INVALID). */
export function credibilityModelFromJSON(value: unknown, expectedFeatures: readonly string[]): CredibilityModel {
  const m = value as Partial<CredibilityModel> | null
  const fail = (why: string): never => {
    throw new FactsiftError('E_MODEL_INVALID', `model credibility: ${why}`)
  }
  if (!m || !Array.isArray(m.features)) return fail('features missing')
  if (m.features.join(',') !== expectedFeatures.join(',')) fail('its features do not match this version of the code; retrain with `factsift train credibility`')
  standardizerFromJSON(m.standardizer, 'model credibility: standardizer')
  if (m.standardizer!.mean.length !== m.features.length) fail('standardizer size differs from the feature count')
  if (!Array.isArray(m.reference) || m.reference.length !== m.features.length || !m.reference.every(Number.isFinite)) fail('reference must be one number per feature')
  if (!Array.isArray(m.weights) || m.weights.length !== m.features.length || !m.weights.every(Number.isFinite)) fail('weights must be one number per feature')
  if (!Number.isFinite(m.bias)) fail('bias must be a number')
  if (m.ngrams !== null) {
    const n = m.ngrams
    if (!n || !Number.isInteger(n.dims) || !Number.isFinite(n.scale) || !Array.isArray(n.indices) || !Array.isArray(n.weights) || n.indices.length !== n.weights.length) {
      fail('ngrams must be null or { dims, scale, indices[], weights[] }')
    }
    for (let i = 1; i < n!.indices.length; i++) if (!(n!.indices[i] > n!.indices[i - 1])) fail('ngram indices must be strictly increasing')
    const c = n!.chars
    if (c !== undefined && !(c && Number.isInteger(c.min) && Number.isInteger(c.max) && c.min >= 1 && c.min <= c.max && c.max <= 8 && Number.isFinite(c.weight))) {
      fail('ngrams.chars must be { min, max, weight } with 1 ≤ min ≤ max ≤ 8')
    }
    const k = n!.skeleton
    if (k !== undefined && !(k && Number.isFinite(k.weight))) fail('ngrams.skeleton must be { weight }')
  }
  calibratorFromJSON(m.calibration, 'model credibility: calibration')
  const t = m.thresholds
  if (!t || !(t.medium > 0 && t.medium < t.high && t.high < 1)) fail('thresholds must satisfy 0 < medium < high < 1')
  if (m.satire !== 'unreliable' && m.satire !== 'reliable') fail('satire must be "unreliable" or "reliable"')
  return m as CredibilityModel
}

const denseNgrams = new WeakMap<object, Float32Array>()

/** The stored sparse n-gram weights expanded once per model into a dense array, so scoring is O(words). */
function ngramWeights(ngrams: NonNullable<CredibilityModel['ngrams']>): Float32Array {
  let dense = denseNgrams.get(ngrams)
  if (!dense) {
    dense = new Float32Array(ngrams.dims)
    for (let i = 0; i < ngrams.indices.length; i++) dense[ngrams.indices[i]] = ngrams.weights[i]
    denseNgrams.set(ngrams, dense)
  }
  return dense
}
