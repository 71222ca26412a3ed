// Stage two of matching: the trained re-ranker (standardized features → logistic regression → calibrated probability).
import { FactsiftError } from '../../errors.js'
import type { ModelDefinition, ModelManifest } from '../../models/loader.js'
import { calibratorFromJSON, applyCalibration, type Calibrator } from '../../ml/calibration.js'
import { logisticDecision, logisticFromJSON, type LogisticModel } from '../../ml/logistic.js'
import { standardize, standardizerFromJSON, type Standardizer } from '../../ml/standardize.js'
import { FEATURE_NAMES } from './rerank-features.js'

export const CLAIM_MATCHING_MODEL_ID = 'claim-matching'

/** models/claim-matching.json: how to score candidates and where the "it's a match" line sits. */
export interface ClaimMatchingModel extends ModelManifest {
  features: string[]
  /** BM25 candidates re-ranked per claim. */
  depth: number
  standardizer: Standardizer
  logistic: LogisticModel
  /** Maps the logistic log-odds to P(this fact-check checks this claim). */
  calibration: Calibrator
  /** Matches with a calibrated probability below this are not reported. */
  threshold: number
}

/** Validates a loaded model file; throws E_MODEL_INVALID when it does not fit this code. */
export function claimMatchingModelFromJSON(value: ModelManifest): ClaimMatchingModel {
  const m = value as Partial<ClaimMatchingModel>
  if (!Array.isArray(m.features) || m.features.join(',') !== FEATURE_NAMES.join(',')) {
    throw new FactsiftError('E_MODEL_INVALID', 'model claim-matching: its feature list differs from this version of the code; retrain it')
  }
  if (!Number.isInteger(m.depth) || (m.depth as number) < 1 || !(typeof m.threshold === 'number' && m.threshold >= 0 && m.threshold <= 1)) {
    throw new FactsiftError('E_MODEL_INVALID', 'model claim-matching: depth and threshold are missing or out of range')
  }
  const standardizer = standardizerFromJSON(m.standardizer, 'claim-matching standardizer')
  const logistic = logisticFromJSON(m.logistic, 'claim-matching logistic model')
  if (standardizer.mean.length !== FEATURE_NAMES.length || logistic.dims !== FEATURE_NAMES.length) {
    throw new FactsiftError('E_MODEL_INVALID', 'model claim-matching: weights do not match the feature count')
  }
  return { ...(value as ClaimMatchingModel), standardizer, logistic, calibration: calibratorFromJSON(m.calibration, 'claim-matching calibration') }
}

/** models/claim-matching.json, for loadModel. */
export const CLAIM_MATCHING_MODEL: ModelDefinition<ClaimMatchingModel> = {
  id: CLAIM_MATCHING_MODEL_ID,
  train: 'npm run train:claim-matching',
  validate: (file) => claimMatchingModelFromJSON(file),
}

/** Standardized features are clipped to ±4: a linear model must not extrapolate far beyond what it was trained on. */
export const FEATURE_CLIP = 4

/** z-scores of one feature row, clipped to ±FEATURE_CLIP. */
export function standardizeClipped(standardizer: Standardizer, row: readonly number[]): Float64Array {
  const z = standardize(standardizer, row)
  for (let i = 0; i < z.length; i++) z[i] = Math.max(-FEATURE_CLIP, Math.min(FEATURE_CLIP, z[i]!))
  return z
}

/** The log-odds of each candidate being the fact-check of the claim. */
export function rerankMargins(model: Pick<ClaimMatchingModel, 'standardizer' | 'logistic'>, features: readonly number[][]): number[] {
  return features.map((row) => logisticDecision(model.logistic, standardizeClipped(model.standardizer, row)))
}

/** Calibrated probabilities for the margins. */
export function calibrate(model: Pick<ClaimMatchingModel, 'calibration'>, margins: readonly number[]): number[] {
  return margins.map((m) => applyCalibration(model.calibration, m))
}
