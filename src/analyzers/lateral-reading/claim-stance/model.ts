// The claim-stance model file (models/claim-stance.json) and the classifier built from it: pair features → trees →
// temperature-scaled probabilities of supports / refutes / nei.
import { FactsiftError } from '../../../errors.js'
import { compileGradientBoosting, gradientBoostingFromJSON, type GradientBoostingModel, type MarginFunction } from '../../../ml/gradient-boosting.js'
import { loadModel, validateManifest, type ModelDefinition, type ModelFileManifest, type ModelLoader } from '../../../models/loader.js'
import { predictSoftmax, softmaxFromJSON, type SoftmaxModel } from '../../../ml/softmax.js'
import { applyTemperature } from '../../../ml/temperature-scaling.js'
import { BASELINE_FEATURES, baselineFeatures } from './baseline.js'
import { FEATURE_NAMES, pairFeatures } from './features.js'
import { CLAIM_STANCES, type ClaimStance } from './labels.js'
import { LEXICAL_DIMS, LEXICAL_FEATURES, lexicalMargins } from './lexical.js'
import { prepareText, type PreparedText } from './text.js'

export const CLAIM_STANCE_MODEL_ID = 'claim-stance'

/** Every input column of the trees: the hand features, then the word model's three log-probabilities. */
export const MODEL_FEATURES: readonly string[] = [...FEATURE_NAMES, ...LEXICAL_FEATURES]

export interface ClaimStanceModelFile extends ModelFileManifest {
  labels: string[]
  features: string[]
  lexical: SoftmaxModel
  trees: GradientBoostingModel
  temperature: number
  /** Word overlap + negation cue (BASELINE_FEATURES) with a softmax, so every evaluation reports the baseline too. */
  baseline: { features: string[]; softmax: SoftmaxModel }
  /**
   * Strict support: below `minKeyCovered` (the `keyCovered` feature: the claim's figures, years and names all asserted,
   * times the share of its other content words present) a sentence shares the claim's topic, not its proposition, and
   * all but `keep` of the support probability moves to nei. Absent in files before version 3.
   */
  supportsGate?: { minKeyCovered: number; keep: number }
}

const KEY_COVERED = FEATURE_NAMES.indexOf('keyCovered')

/** Applies the model's strict-support gate to probabilities (CLAIM_STANCES order) given the pair's trees input. */
export function gateSupports(gate: ClaimStanceModelFile['supportsGate'], probabilities: number[], input: Float64Array): number[] {
  if (!gate || input[KEY_COVERED]! >= gate.minKeyCovered) return probabilities
  const moved = probabilities[0]! * (1 - gate.keep)
  return [probabilities[0]! - moved, probabilities[1]!, probabilities[2]! + moved]
}

export interface ClaimStancePrediction {
  stance: ClaimStance
  /** Calibrated probability of `stance`. */
  score: number
  /** Calibrated probabilities in CLAIM_STANCES order. */
  probabilities: number[]
}

export interface ClaimStanceClassifier {
  /** Prepares a text once (a claim is compared with many sentences). */
  prepare(text: string): PreparedText
  classify(claim: PreparedText | string, evidence: PreparedText | string): ClaimStancePrediction
  /** The same pair scored by the stored baseline. */
  baseline(claim: PreparedText | string, evidence: PreparedText | string): ClaimStancePrediction
}

/** Validates a parsed model file: manifest, labels, feature names and each learner's shape. */
export function claimStanceModelFromJSON(value: unknown, source = 'models/claim-stance.json'): ClaimStanceModelFile {
  validateManifest(value, CLAIM_STANCE_MODEL_ID, source)
  const m = value as ClaimStanceModelFile
  const fail = (why: string) => new FactsiftError('E_MODEL_INVALID', `model claim-stance: ${source}: ${why}`)
  if (!Array.isArray(m.labels) || m.labels.join() !== CLAIM_STANCES.join()) throw fail(`labels must be ${CLAIM_STANCES.join(', ')}`)
  if (!Array.isArray(m.features) || m.features.join() !== MODEL_FEATURES.join()) throw fail("features differ from this version's; retrain with npm run train:claim-stance")
  softmaxFromJSON(m.lexical, 'model claim-stance: lexical')
  if (m.lexical.dims !== LEXICAL_DIMS || m.lexical.classes !== 3) throw fail('lexical has the wrong shape')
  gradientBoostingFromJSON(m.trees, 'model claim-stance: trees')
  if (m.trees.features !== MODEL_FEATURES.length || m.trees.classes !== 3) throw fail('trees have the wrong shape')
  if (!(m.temperature > 0)) throw fail('temperature must be positive')
  if (!m.baseline || m.baseline.features?.join() !== BASELINE_FEATURES.join()) throw fail('baseline.features differ from this version')
  softmaxFromJSON(m.baseline.softmax, 'model claim-stance: baseline')
  if (m.baseline.softmax.dims !== BASELINE_FEATURES.length || m.baseline.softmax.classes !== 3) throw fail('baseline has the wrong shape')
  const gate = m.supportsGate
  if (gate !== undefined && !(gate.minKeyCovered >= 0 && gate.minKeyCovered <= 1 && gate.keep >= 0 && gate.keep <= 1)) throw fail('supportsGate needs minKeyCovered and keep in [0, 1]')
  return m
}

/** The trees' input for one pair (exported for training, which builds the same vectors). */
export function modelInput(model: Pick<ClaimStanceModelFile, 'lexical'>, claim: PreparedText, evidence: PreparedText): Float64Array {
  const dense = pairFeatures(claim, evidence)
  const out = new Float64Array(MODEL_FEATURES.length)
  out.set(dense)
  out.set(lexicalMargins(model.lexical, claim, evidence), dense.length)
  return out
}

function prediction(probabilities: number[]): ClaimStancePrediction {
  let best = 0
  for (let k = 1; k < probabilities.length; k++) if (probabilities[k]! > probabilities[best]!) best = k
  return { stance: CLAIM_STANCES[best]!, score: probabilities[best]!, probabilities }
}

/** A classifier over a validated model file; the trees are compiled once. */
export function createClaimStanceClassifier(model: ClaimStanceModelFile): ClaimStanceClassifier {
  const margins: MarginFunction = compileGradientBoosting(model.trees)
  const prep = (t: PreparedText | string) => (typeof t === 'string' ? prepareText(t) : t)
  return {
    prepare: prepareText,
    classify(claim, evidence) {
      const input = modelInput(model, prep(claim), prep(evidence))
      return prediction(gateSupports(model.supportsGate, applyTemperature(margins(input), model.temperature), input))
    },
    baseline(claim, evidence) {
      return prediction(predictSoftmax(model.baseline.softmax, baselineFeatures(prep(claim), prep(evidence))))
    },
  }
}

/** The claim-stance model through the generic loader (manifest, validation, cache, coded errors). */
export const CLAIM_STANCE_MODEL: ModelDefinition<ClaimStanceModelFile> = {
  id: CLAIM_STANCE_MODEL_ID,
  train: 'npm run train:claim-stance',
  validate: (file, source) => claimStanceModelFromJSON(file, source),
}

/** The shipped model, validated; null when models/claim-stance.json is absent (lateral reading then uses FNC-1 alone). */
export function loadClaimStanceModel(models: ModelLoader): ClaimStanceModelFile | null {
  return models.load(CLAIM_STANCE_MODEL_ID) ? loadModel(models, CLAIM_STANCE_MODEL) : null
}
