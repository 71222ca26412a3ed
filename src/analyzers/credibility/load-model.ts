// models/credibility.json through the generic model loader: validated against this version's features once per file.
import { loadModel, type ModelDefinition, type ModelLoader } from '../../models/loader.js'
import { FEATURES } from './features.js'
import { credibilityModelFromJSON, type CredibilityModel } from './model.js'

export const CREDIBILITY_MODEL: ModelDefinition<CredibilityModel> = {
  id: 'credibility',
  train: 'factsift train credibility',
  validate: (file) => credibilityModelFromJSON(file, FEATURES.map((f) => f.name)),
}

/** The credibility model; throws E_MODEL_INVALID when the file is missing or does not match the code. */
export function loadCredibilityModel(models: ModelLoader): CredibilityModel {
  return loadModel(models, CREDIBILITY_MODEL)
}
