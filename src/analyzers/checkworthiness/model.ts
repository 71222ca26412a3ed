// The check-worthiness model file: manifest, feature options, learner weights, calibration and news rules, validated on load.
import { FactsiftError } from '../../errors.js'
import type { ModelManifest } from '../../models/loader.js'
import { calibratorFromJSON, type Calibrator } from '../../ml/calibration.js'
import { mlpFromJSON, type MlpModel } from '../../ml/mlp.js'
import { standardizerFromJSON, type Standardizer } from '../../ml/standardize.js'
import { wordTableFromJSON, type WordTableJSON } from '../../ml/word-vectors.js'
import { CUE_NAMES } from './cues.js'
import { featureDims, type FeatureOptions } from './features.js'
import { NEWS_RULE_NAMES, type NewsRules } from './news-rules.js'

export const MODEL_ID = 'checkworthiness'
export const MODEL_VERSION = 3

/** Logistic regression weights stored sparsely (zeros after rounding are left out). */
export interface SparseLogistic {
  dims: number
  bias: number
  indices: number[]
  values: number[]
}

/** A small MLP over the dense cue blocks (unit, previous, next), standardized first. */
export interface CueMlp {
  standardizer: Standardizer
  network: MlpModel
}

/** How component scores are mixed into one raw debate score: Σ weight · (score − mean) / scale. */
export interface BlendPart {
  weight: number
  mean: number
  scale: number
}

export interface CheckworthinessModel extends ModelManifest {
  id: typeof MODEL_ID
  features: FeatureOptions & { cueNames: string[] }
  logistic: SparseLogistic
  mlp?: CueMlp
  blend: { logistic: BlendPart; mlp?: BlendPart }
  /** Maps the production logit (debate score + news rules) to P(check-worthy), fitted on held-back debate data. */
  calibration: Calibrator
  /** Rule weights added to the debate score for articles, and the prior shift from debate to news base rates. */
  news: NewsRules
  /** The sentence-vector block's weights collapsed to one score per word; present exactly when features.embeddingDims > 0. */
  wordTable?: WordTableJSON
}

function fail(message: string): never {
  throw new FactsiftError('E_MODEL_INVALID', `model ${MODEL_ID}: ${message}`)
}

function isNumberArray(value: unknown, length?: number): value is number[] {
  return Array.isArray(value) && (length === undefined || value.length === length) && value.every(Number.isFinite)
}

function blendPart(value: unknown, what: string): BlendPart {
  const b = value as Partial<BlendPart> | null
  if (!b || !Number.isFinite(b.weight) || !Number.isFinite(b.mean) || !(Number(b.scale) > 0)) fail(`${what} needs weight, mean, scale > 0`)
  return b as BlendPart
}

/** Checks a parsed model file against what this code computes (feature layout, sizes) and returns it typed. */
export function validateCheckworthinessModel(value: unknown): CheckworthinessModel {
  const m = value as Partial<CheckworthinessModel> | null
  if (!m || m.id !== MODEL_ID) fail('wrong id')
  if (m.version !== MODEL_VERSION) fail(`version ${String(m.version)} is not supported (expected ${MODEL_VERSION})`)
  const f = m.features
  if (!f || typeof f.cues !== 'boolean' || !Number.isInteger(f.hashBits) || f.hashBits < 8 || f.hashBits > 22) fail('features.hashBits must be an integer in [8, 22]')
  if (!Array.isArray(f.cueNames) || f.cueNames.join('|') !== CUE_NAMES.join('|')) fail('the cue list differs from this version of the code; retrain')
  const embeddingDims = f.embeddingDims ?? 0
  if (!Number.isInteger(embeddingDims) || embeddingDims < 0) fail('features.embeddingDims must be a non-negative integer')
  if (embeddingDims > 0) {
    if (!Number.isFinite(f.embeddingScale)) fail('features.embeddingScale must be a number')
    if (!m.wordTable) fail('wordTable must be present when features.embeddingDims > 0')
    wordTableFromJSON(m.wordTable, `model ${MODEL_ID} wordTable`)
  } else if (m.wordTable) fail('wordTable given but features.embeddingDims is 0')
  const dims = featureDims(f)
  const lr = m.logistic
  if (!lr || lr.dims !== dims || !Number.isFinite(lr.bias) || !isNumberArray(lr.indices) || !isNumberArray(lr.values, lr.indices.length)) {
    fail(`logistic needs dims = ${dims}, bias, and indices/values of equal length`)
  }
  if (!lr.indices.every((i) => Number.isInteger(i) && i >= 0 && i < dims)) fail('logistic index out of range')
  // The sentence-vector block is scored through wordTable; weights stored inside it would be silently ignored.
  if (embeddingDims > 0 && lr.indices.some((i) => i >= dims - embeddingDims)) fail('the sentence-vector block must be stored in wordTable, not as logistic weights')
  if (m.mlp) {
    standardizerFromJSON(m.mlp.standardizer, `model ${MODEL_ID} mlp.standardizer`)
    const net = mlpFromJSON(m.mlp.network, `model ${MODEL_ID} mlp.network`)
    if (net.inputDims !== 3 * CUE_NAMES.length || m.mlp.standardizer.mean.length !== net.inputDims) fail('mlp input size differs from the cue blocks')
  }
  if (!m.blend) fail('missing blend')
  blendPart(m.blend.logistic, 'blend.logistic')
  if (m.mlp) blendPart(m.blend.mlp, 'blend.mlp')
  calibratorFromJSON(m.calibration, `model ${MODEL_ID} calibration`)
  const news = m.news
  if (!news || !Number.isFinite(news.modelWeight) || !Number.isFinite(news.priorShift) || !news.rules) fail('missing news rules')
  for (const name of NEWS_RULE_NAMES) if (!Number.isFinite(news.rules[name])) fail(`news.rules.${name} must be a number`)
  return m as CheckworthinessModel
}
