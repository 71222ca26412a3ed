// The shipped check-worthiness model, loaded through the generic model loader and kept as a ready scorer.
import { loadModel, type ModelDefinition, type ModelLoader } from '../../models/loader.js'
import { MODEL_ID, validateCheckworthinessModel } from './model.js'
import { createScorer, type CheckworthinessScorer } from './scorer.js'

export const CHECKWORTHINESS_MODEL: ModelDefinition<CheckworthinessScorer> = {
  id: MODEL_ID,
  train: 'npm run train:checkworthiness',
  validate: (file) => createScorer(validateCheckworthinessModel(file)),
}

/** The scorer for `models/checkworthiness.json`; throws E_MODEL_INVALID when the file is missing or malformed. */
export function loadScorer(models: ModelLoader): CheckworthinessScorer {
  return loadModel(models, CHECKWORTHINESS_MODEL)
}
