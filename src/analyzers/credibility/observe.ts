// Turns a report into the Observation the model scores.
import { gatherEvidence, type CredibilityInput, type Evidence } from './evidence.js'
import { FEATURES, featureValues, type FeatureSpec } from './features.js'
import type { Observation } from './model.js'

/** Evidence and feature values for one article. */
export function observe(input: CredibilityInput, specs: readonly FeatureSpec[] = FEATURES): { evidence: Evidence; observation: Observation } {
  const evidence = gatherEvidence(input)
  return { evidence, observation: { values: featureValues(evidence, specs), words: evidence.words, text: evidence.body, wordIds: evidence.wordIds } }
}
