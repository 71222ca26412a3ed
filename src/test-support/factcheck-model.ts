// A small hand-set re-ranker for tests (weights on coverage and n-gram similarity), so tests need no trained model file.
import type { ModelLoader } from '../models/loader.js'
import { FEATURE_NAMES } from '../analyzers/factchecks/rerank-features.js'
import { CLAIM_MATCHING_MODEL_ID, type ClaimMatchingModel } from '../analyzers/factchecks/reranker.js'

/** Log-odds ≈ 6·(idf coverage) + 4·(char 4-gram similarity) − 5: a near-copy of a stored claim scores well above 0.5. */
export function testClaimMatchingModel(threshold = 0.5): ClaimMatchingModel {
  const weights = FEATURE_NAMES.map((name) => (name === 'idf-coverage-both' ? 6 : name === 'char4-claim' ? 4 : 0))
  return {
    id: CLAIM_MATCHING_MODEL_ID,
    version: 1,
    createdAt: '2026-11-24',
    trainedOn: 'hand-set weights for tests',
    metrics: {},
    features: [...FEATURE_NAMES],
    depth: 10,
    standardizer: { mean: FEATURE_NAMES.map(() => 0), scale: FEATURE_NAMES.map(() => 1) },
    logistic: { dims: FEATURE_NAMES.length, weights, bias: -5 },
    calibration: { kind: 'platt', a: 1, b: 0 },
    threshold,
  }
}

/** A ModelLoader serving only the test model. */
export function testModelLoader(model: ClaimMatchingModel | null = testClaimMatchingModel()): ModelLoader {
  return {
    directory: '(test)',
    load: <T,>(id: string) => (id === CLAIM_MATCHING_MODEL_ID ? (model as unknown as T) : null),
  }
}
