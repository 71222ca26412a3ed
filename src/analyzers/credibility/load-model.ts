// Loads models/credibility.json through the shared model loader and validates it once per loader.
import { FactsiftError } from '../../errors.js'
import type { ModelLoader } from '../../models/loader.js'
import { FEATURES } from './features.js'
import { credibilityModelFromJSON, type CredibilityModel } from './model.js'

const validated = new WeakMap<object, CredibilityModel>()

/** The credibility model; throws E_MODEL_INVALID when the file is missing or does not match the code. */
export function loadCredibilityModel(models: ModelLoader): CredibilityModel {
  const raw = models.load('credibility')
  if (!raw) {
    throw new FactsiftError('E_MODEL_INVALID', `model credibility: ${models.directory}/credibility.json is missing (train it with factsift train credibility)`)
  }
  let model = validated.get(raw)
  if (!model) {
    model = credibilityModelFromJSON(raw, FEATURES.map((f) => f.name))
    validated.set(raw, model)
  }
  return model
}
