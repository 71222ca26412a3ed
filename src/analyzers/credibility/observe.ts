// Turns a report (or a plain text when no engine is at hand) into the Observation the model scores.
import { gatherEvidence, type CredibilityInput, type Evidence } from './evidence.js'
import { FEATURES, featureValues, type FeatureSpec } from './features.js'
import type { Observation } from './model.js'

/** Evidence and feature values for one article. */
export function observe(input: CredibilityInput, specs: readonly FeatureSpec[] = FEATURES): { evidence: Evidence; observation: Observation } {
  const evidence = gatherEvidence(input)
  return { evidence, observation: { values: featureValues(evidence, specs), words: evidence.words, text: evidence.body, wordIds: evidence.wordIds } }
}

/** A report-shaped input from bare text: no analyzer ran, so analyzer-based features are unknown. */
export function textOnlyInput(text: string, title: string | null): CredibilityInput {
  return { text, title, signals: [], claims: [], quotes: [], sources: [], entities: [], present: new Set() }
}
