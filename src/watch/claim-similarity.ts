// When two claims say the same thing: a small symmetric pairwise model (models/claim-similarity.json) over the
// claim-matching re-ranker's features, computed in both directions (each claim in turn as the query and as the
// "fact-check"), and the re-ranker's own log-odds both ways, after tweet clean-up. Trained on CLEF 2020 train pairs
// (training/clustering/train.ts); its threshold chosen on the train clustering (training/clustering/evaluate.ts).
import { FactsiftError } from '../errors.js'
import { calibratorFromJSON, applyCalibration, type Calibrator } from '../ml/calibration.js'
import { logisticDecision, logisticFromJSON, type LogisticModel } from '../ml/logistic.js'
import { standardizerFromJSON, type Standardizer } from '../ml/standardize.js'
import { createModelLoader, loadModel, type ModelDefinition, type ModelLoader, type ModelManifest } from '../models/loader.js'
import { buildQueryView, candidateFeatures, FEATURE_NAMES, type QueryView } from '../analyzers/factchecks/rerank-features.js'
import { CLAIM_MATCHING_MODEL, rerankMargins, standardizeClipped, type ClaimMatchingModel } from '../analyzers/factchecks/reranker.js'
import { analyzeText, type AnalyzedText } from '../analyzers/factchecks/text-analysis.js'
import { cleanTweet } from '../analyzers/factchecks/tweet-cleanup.js'
import type { FactCheckRecord } from '../store/factcheck-repository.js'

export const CLAIM_SIMILARITY_MODEL_ID = 'claim-similarity'

/** Re-ranker features that depend on the direction (query → candidate): each enters as min and max of both ways. */
const DIRECTIONAL = ['text-bm25-claim-share', 'idf-coverage-claim', 'claim-coverage', 'bigram-overlap', 'entity-overlap', 'entity-missing', 'author-in-candidate', 'candidate-length'] as const
/** Re-ranker features that are the same both ways (or nearly): taken once. */
const SYMMETRIC = ['jaccard', 'numbers-shared', 'number-mismatch', 'negation-mismatch', 'char4-claim', 'year-match', 'media-both'] as const

/** The pairwise feature names, in vector order; the model file lists them and is rejected when they differ. */
export const PAIR_FEATURE_NAMES: readonly string[] = [
  'matching-logodds-min',
  'matching-logodds-max',
  ...DIRECTIONAL.flatMap((f) => [`${f}-min`, `${f}-max`]),
  ...SYMMETRIC,
  // The candidate list's view (the claim store's BM25, with its IDF): the re-ranker's strongest signals.
  'bm25-relative',
  'reciprocal-rank',
]

/** Where a candidate stands among the claim's BM25 candidates (best first). */
export interface ListContext {
  /** Its BM25 over the best candidate's (0..1). */
  bm25Relative: number
  /** 1 / (rank + 1), rank 0 = best BM25. */
  reciprocalRank: number
}

/** The list context of each candidate (candidates best BM25 first, as the claim store gives them). */
export function listContexts(candidates: readonly { bm25?: number }[]): ListContext[] {
  const max = Math.max(0, ...candidates.map((c) => c.bm25 ?? 0))
  return candidates.map((c, rank) => ({ bm25Relative: max > 0 ? (c.bm25 ?? 0) / max : 1, reciprocalRank: 1 / (rank + 1) }))
}

const index = (name: string) => FEATURE_NAMES.indexOf(name as (typeof FEATURE_NAMES)[number])
const DIRECTIONAL_AT = DIRECTIONAL.map(index)
const SYMMETRIC_AT = SYMMETRIC.map(index)

/** models/claim-similarity.json: P(two claims say the same thing) and where the "same cluster" line sits. */
export interface ClaimSimilarityModel extends ModelManifest {
  features: string[]
  standardizer: Standardizer
  logistic: LogisticModel
  calibration: Calibrator
  /** Join a cluster at or above this calibrated probability (chosen on the train clustering's pairwise F1). */
  threshold: number
}

export function claimSimilarityModelFromJSON(value: ModelManifest): ClaimSimilarityModel {
  const m = value as Partial<ClaimSimilarityModel>
  if (!Array.isArray(m.features) || m.features.join(',') !== PAIR_FEATURE_NAMES.join(',')) {
    throw new FactsiftError('E_MODEL_INVALID', 'model claim-similarity: its feature list differs from this version of the code; retrain it')
  }
  if (!(typeof m.threshold === 'number' && m.threshold >= 0 && m.threshold <= 1)) throw new FactsiftError('E_MODEL_INVALID', 'model claim-similarity: threshold is missing or out of range')
  const standardizer = standardizerFromJSON(m.standardizer, 'claim-similarity standardizer')
  const logistic = logisticFromJSON(m.logistic, 'claim-similarity logistic model')
  if (standardizer.mean.length !== PAIR_FEATURE_NAMES.length || logistic.dims !== PAIR_FEATURE_NAMES.length) {
    throw new FactsiftError('E_MODEL_INVALID', 'model claim-similarity: weights do not match the feature count')
  }
  return { ...(value as ClaimSimilarityModel), standardizer, logistic, calibration: calibratorFromJSON(m.calibration, 'claim-similarity calibration') }
}

/** models/claim-similarity.json, for loadModel. */
export const CLAIM_SIMILARITY_MODEL: ModelDefinition<ClaimSimilarityModel> = {
  id: CLAIM_SIMILARITY_MODEL_ID,
  train: 'npx tsx training/clustering/train.ts',
  validate: (file) => claimSimilarityModelFromJSON(file),
}

/** A claim cleaned (tweet markup off) and analyzed once, as query and as candidate. */
export interface ClaimView {
  text: string
  query: QueryView
  record: FactCheckRecord
  analyzed: AnalyzedText
}

// Without the store's document frequencies every word weighs the same (as the matcher does without term stats): the
// features then mean the same in an empty claim store and a full one.
const NO_STATS = { total: 1, df: [] as number[] }

const cache = new Map<string, ClaimView>()
/** The cleaned, analyzed claim, cached (representatives are compared again and again). */
export function claimView(text: string): ClaimView {
  let hit = cache.get(text)
  if (!hit) {
    if (cache.size > 20_000) cache.clear()
    const tweet = cleanTweet(text)
    const analyzed = analyzeText(tweet.text)
    const record: FactCheckRecord = { key: '', claim: tweet.text, claimant: null, rating: '', ratingNormalized: 'unrated' as FactCheckRecord['ratingNormalized'], factChecker: null, url: null, reviewedAt: null, language: null, title: null }
    hit = { text: tweet.text, query: buildQueryView(analyzed, NO_STATS, tweet.author, tweet.date, tweet.media), record, analyzed }
    cache.set(text, hit)
  }
  return hit
}

/** Backwards-compatible name: the analyzed text of a claim. */
export function analyzedClaim(text: string): AnalyzedText {
  return claimView(text).analyzed
}

/** The feature vector (PAIR_FEATURE_NAMES order) of two claims: symmetric, then the candidate's list context. */
export function pairFeatures(a: ClaimView, b: ClaimView, matching: Pick<ClaimMatchingModel, 'standardizer' | 'logistic'>, context: ListContext): number[] {
  const ab = candidateFeatures(a.query, [{ record: b.record, bm25: 1, rank: 0 }])[0]!
  const ba = candidateFeatures(b.query, [{ record: a.record, bm25: 1, rank: 0 }])[0]!
  const [mab, mba] = rerankMargins(matching, [ab, ba]) as [number, number]
  const out = [Math.min(mab, mba), Math.max(mab, mba)]
  for (const i of DIRECTIONAL_AT) out.push(Math.min(ab[i]!, ba[i]!), Math.max(ab[i]!, ba[i]!))
  for (const i of SYMMETRIC_AT) out.push(Math.max(ab[i]!, ba[i]!))
  out.push(context.bm25Relative, context.reciprocalRank)
  return out
}

/** Scores claim pairs: P(same claim), calibrated on CLEF 2020 train pairs. */
export interface ClaimSimilarity {
  readonly threshold: number
  /** P(same claim) of `a` and the candidate `b`, given where `b` stands among `a`'s candidates. */
  similarity(a: string, b: string, context?: ListContext): number
}

export function createClaimSimilarity(models: ModelLoader = createModelLoader()): ClaimSimilarity {
  const model = loadModel(models, CLAIM_SIMILARITY_MODEL)
  const matching = loadModel(models, CLAIM_MATCHING_MODEL)
  const pairs = new Map<string, number[]>()
  return {
    threshold: model.threshold,
    similarity(a: string, b: string, context: ListContext = { bm25Relative: 1, reciprocalRank: 1 }): number {
      const va = claimView(a)
      const vb = claimView(b)
      if (va.analyzed.stems.size === 0 || vb.analyzed.stems.size === 0) return 0
      // The symmetric part of the linear score is cached per pair; the list context is added per call.
      const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`
      let features = pairs.get(key)
      if (features === undefined) {
        features = pairFeatures(va, vb, matching, context)
        if (pairs.size > 50_000) pairs.clear()
        pairs.set(key, features)
      }
      const row = features.slice()
      row[row.length - 2] = context.bm25Relative
      row[row.length - 1] = context.reciprocalRank
      return applyCalibration(model.calibration, logisticDecision(model.logistic, standardizeClipped(model.standardizer, row)))
    },
  }
}

let shared: ClaimSimilarity | null = null
/** The shipped model (models/ beside the package), loaded once. */
export function defaultClaimSimilarity(): ClaimSimilarity {
  shared ??= createClaimSimilarity()
  return shared
}

/** The threshold of the shipped model (the calibrated probability at which a claim joins a cluster). */
export function clusterThreshold(): number {
  return defaultClaimSimilarity().threshold
}

/** How a cluster's member scores make its score: the best member, or the mean of its best two (one member: that one). */
export type MemberAggregate = 'max' | 'top2'

/**
 * The clustering's knobs, chosen on the CLEF 2020 train clustering (training/clustering/README.md): 10 BM25 candidates
 * (30 changed nothing), each compared through its first 3 distinct member texts (representative included; 5 and 10 no
 * better), the cluster scoring the mean of its best two; member terms not indexed (indexing them lowered train F1).
 */
export const CLUSTER_CANDIDATES = 10
/** Member texts compared per candidate cluster (ClusterPolicy.members). */
export const MEMBERS_COMPARED = 3
export const MEMBER_AGGREGATE: MemberAggregate = 'top2'

/**
 * The best candidate at or above the threshold (default: the model's). A candidate cluster scores by its member texts
 * (ClusterCandidate.members, else its representative), each with the candidate's place in the BM25 list.
 */
export function chooseCluster(
  text: string,
  candidates: readonly { id: string; representative: string; bm25?: number; members?: readonly string[] }[],
  threshold?: number,
  similarity: ClaimSimilarity = defaultClaimSimilarity(),
  aggregate: MemberAggregate = MEMBER_AGGREGATE,
): { id: string; similarity: number } | null {
  const line = threshold ?? similarity.threshold
  let best: { id: string; similarity: number } | null = null
  const contexts = listContexts(candidates)
  for (const [i, c] of candidates.entries()) {
    const texts = c.members && c.members.length > 0 ? c.members : [c.representative]
    const scores = texts.map((m) => similarity.similarity(text, m, contexts[i])).sort((a, b) => b - a)
    const s = aggregate === 'top2' && scores.length > 1 ? (scores[0]! + scores[1]!) / 2 : scores[0]!
    if (s >= line && (!best || s > best.similarity)) best = { id: c.id, similarity: Math.round(s * 1000) / 1000 }
  }
  return best
}
