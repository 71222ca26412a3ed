// The stance model file (models/stance.json) and the classifier built from it: features → GBDT + MLP → calibrated stance.
import { loadModel, validateManifest, type ModelDefinition, type ModelFileManifest, type ModelLoader } from '../../../models/loader.js'
import type { Stance } from '../../../report/types.js'
import { FactsiftError } from '../../../errors.js'
import { compileGradientBoosting, gradientBoostingFromJSON, type GradientBoostingModel, type MarginFunction } from '../../../ml/gradient-boosting.js'
import { mlpFromJSON, predictMlp, type MlpModel } from '../../../ml/mlp.js'
import { standardize, standardizerFromJSON, type Standardizer } from '../../../ml/standardize.js'
import { applyTemperature } from '../../../ml/temperature-scaling.js'
import { softmaxInPlace } from '../../../ml/math.js'
import { STANCES } from './labels.js'
import { idfTable, type IdfJson } from './idf.js'
import { STANCE_FEATURES } from './pair-features.js'
import { BASELINE_FEATURES } from './baseline-features.js'
import { createStanceFeaturizer, type StanceFeaturizer } from './featurizer.js'
import type { TextProfile } from './profile.js'

export const STANCE_MODEL_ID = 'stance'

/** An ensemble of learners over one feature vector: the mean of their class probabilities, then temperature scaling. */
export interface StanceEnsemble {
  features: string[]
  gbdt: GradientBoostingModel
  mlp?: { standardizer: Standardizer; model: MlpModel }
  temperature: number
}

export interface StanceModelFile extends ModelFileManifest {
  labels: string[]
  idf: IdfJson
  classifier: StanceEnsemble
  /** The official-baseline-style features with the same learner, kept to report the baseline in `eval stance`. */
  baseline?: StanceEnsemble
}

export interface StancePrediction {
  stance: Stance
  /** Calibrated probability of `stance`. */
  score: number
  /** Calibrated probabilities in STANCES order. */
  probabilities: number[]
}

export interface StanceClassifier {
  readonly featurizer: StanceFeaturizer
  classify(headline: TextProfile, body: TextProfile): StancePrediction
}

/** Validates a parsed model file: manifest, labels, feature names and each learner's shape. */
export function stanceModelFromJSON(value: unknown, source = 'models/stance.json'): StanceModelFile {
  validateManifest(value, STANCE_MODEL_ID, source)
  const model = value as StanceModelFile
  const fail = (why: string) => new FactsiftError('E_MODEL_INVALID', `model stance: ${source}: ${why}`)
  if (!Array.isArray(model.labels) || model.labels.join() !== STANCES.join()) throw fail(`labels must be ${STANCES.join(', ')}`)
  if (!model.idf || typeof model.idf.terms !== 'object' || !Number.isFinite(model.idf.unknown)) throw fail('idf must be { documents, unknown, terms }')
  checkEnsemble(model.classifier, STANCE_FEATURES, 'classifier', fail)
  if (model.baseline !== undefined) checkEnsemble(model.baseline, BASELINE_FEATURES, 'baseline', fail)
  return model
}

function checkEnsemble(e: StanceEnsemble, names: readonly string[], what: string, fail: (why: string) => Error): void {
  if (!e || !Array.isArray(e.features) || e.features.join() !== names.join()) {
    throw fail(`${what}.features differ from this version's features; retrain with npm run train:stance`)
  }
  gradientBoostingFromJSON(e.gbdt, `model stance: ${what}.gbdt`)
  if (e.gbdt.features !== names.length || e.gbdt.classes !== STANCES.length) throw fail(`${what}.gbdt has the wrong shape`)
  if (e.mlp) {
    const mlp = mlpFromJSON(e.mlp.model, `model stance: ${what}.mlp`)
    standardizerFromJSON(e.mlp.standardizer, `model stance: ${what}.mlp.standardizer`)
    if (mlp.inputDims !== names.length || mlp.classes !== STANCES.length) throw fail(`${what}.mlp has the wrong shape`)
  }
  if (!(e.temperature > 0)) throw fail(`${what}.temperature must be positive`)
}

/** Uncalibrated ensemble log-probabilities (the temperature's input). */
export function ensembleMargins(e: StanceEnsemble, x: ArrayLike<number>): number[] {
  const gb = compiled(e)(x)
  softmaxInPlace(gb)
  const probabilities = Array.from(gb)
  if (e.mlp) {
    const mlp = predictMlp(e.mlp.model, standardize(e.mlp.standardizer, x))
    for (let k = 0; k < probabilities.length; k++) probabilities[k] = (probabilities[k]! + mlp[k]!) / 2
  }
  return probabilities.map((p) => Math.log(Math.max(p, 1e-12)))
}

/** Calibrated class probabilities of one feature vector. */
export function ensembleProbabilities(e: StanceEnsemble, x: ArrayLike<number>): number[] {
  return applyTemperature(ensembleMargins(e, x), e.temperature)
}

// Compiled trees per ensemble object: model files are loaded once and kept, so this is built once per model.
const compiledTrees = new WeakMap<StanceEnsemble, MarginFunction>()

function compiled(e: StanceEnsemble): MarginFunction {
  let margins = compiledTrees.get(e)
  if (!margins) {
    margins = compileGradientBoosting(e.gbdt)
    compiledTrees.set(e, margins)
  }
  return margins
}

/** A classifier over a validated model file; bodies are profiled once per key (LRU of `cacheSize`). */
export function createStanceClassifier(model: StanceModelFile, cacheSize?: number): StanceClassifier {
  const featurizer = createStanceFeaturizer(idfTable(model.idf), cacheSize)
  return {
    featurizer,
    classify(headline, body) {
      const probabilities = ensembleProbabilities(model.classifier, featurizer.features(headline, body))
      let best = 0
      for (let k = 1; k < probabilities.length; k++) if (probabilities[k] > probabilities[best]) best = k
      return { stance: STANCES[best]!, score: probabilities[best]!, probabilities }
    },
  }
}

/** models/stance.json, for loadModel. */
export const STANCE_MODEL: ModelDefinition<StanceModelFile> = {
  id: STANCE_MODEL_ID,
  train: 'npm run train:stance',
  validate: (file, source) => stanceModelFromJSON(file, source),
}

/** The shipped stance model through the services' loader, validated once; throws E_MODEL_INVALID when missing or malformed. */
export function loadStanceModel(models: ModelLoader): StanceModelFile {
  return loadModel(models, STANCE_MODEL)
}
