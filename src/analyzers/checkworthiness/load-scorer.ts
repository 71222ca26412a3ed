// Loads the shipped check-worthiness model through the model loader once, validates it and keeps its scorer.
import type { ModelLoader } from '../../models/loader.js'
import { FactsiftError } from '../../errors.js'
import { MODEL_ID, validateCheckworthinessModel } from './model.js'
import { createScorer, type CheckworthinessScorer } from './scorer.js'

const scorers = new WeakMap<object, CheckworthinessScorer>()

/** The scorer for `models/checkworthiness.json`; throws E_MODEL_INVALID when the file is missing or malformed. */
export function loadScorer(models: ModelLoader): CheckworthinessScorer {
  const raw = models.load(MODEL_ID)
  if (!raw) {
    throw new FactsiftError('E_MODEL_INVALID', `model ${MODEL_ID}: ${models.directory}/${MODEL_ID}.json is missing (train it with npm run train:checkworthiness)`)
  }
  let scorer = scorers.get(raw)
  if (!scorer) {
    scorer = createScorer(validateCheckworthinessModel(raw))
    scorers.set(raw, scorer)
  }
  return scorer
}
