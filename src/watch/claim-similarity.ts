// When two claims say the same thing: small symmetric pairwise boosted trees (models/claim-similarity.json) over the
// claim-matching re-ranker's features, computed in both directions (each claim in turn as the query and as the
// "fact-check"), the re-ranker's own log-odds both ways and word overlap weighted by the claim store's IDF, after tweet
// clean-up. Trained on CLEF 2020 train pairs
// (training/clustering/train.ts); its threshold chosen on the train clustering (training/clustering/evaluate.ts).
import { FactsiftError } from '../errors.js'
import { calibratorFromJSON, applyCalibration, type Calibrator } from '../ml/calibration.js'
import { compileGradientBoosting, gradientBoostingFromJSON, type GradientBoostingModel } from '../ml/gradient-boosting.js'
import { createModelLoader, loadModel, type ModelDefinition, type ModelLoader, type ModelManifest } from '../models/loader.js'
import { buildQueryView, candidateFeatures, FEATURE_NAMES, IDF_PRIOR_RECORDS, type QueryView } from '../analyzers/factchecks/rerank-features.js'
import { CLAIM_MATCHING_MODEL, rerankMargins, type ClaimMatchingModel } from '../analyzers/factchecks/reranker.js'
import { analyzeText, type AnalyzedText } from '../analyzers/factchecks/text-analysis.js'
import { cleanTweet } from '../analyzers/factchecks/tweet-cleanup.js'
import type { FactCheckRecord } from '../store/factcheck-repository.js'
import type { ClusterCandidate, ClusterTermStats } from '../store/claim-repository.js'

export const CLAIM_SIMILARITY_MODEL_ID = 'claim-similarity'

/** Re-ranker features that depend on the direction (query → candidate): each enters as min and max of both ways. */
const DIRECTIONAL = ['text-bm25-claim-share', 'idf-coverage-claim', 'claim-coverage', 'bigram-overlap', 'entity-overlap', 'entity-missing', 'author-in-candidate', 'candidate-length'] as const
/** Re-ranker features that are the same both ways (or nearly): taken once. */
const SYMMETRIC = ['jaccard', 'numbers-shared', 'number-mismatch', 'negation-mismatch', 'char4-claim', 'year-match', 'media-both'] as const

/** IDF-weighted overlap features (idfFeatures), computed per call with the store's term statistics. */
const IDF_FEATURE_NAMES = ['idf-jaccard', 'idf-cover-min', 'idf-cover-max', 'rarest-shared', 'idf-unshared-max'] as const

/** The pairwise feature names, in vector order; the model file lists them and is rejected when they differ. */
export const PAIR_FEATURE_NAMES: readonly string[] = [
  'matching-logodds-min',
  'matching-logodds-max',
  ...DIRECTIONAL.flatMap((f) => [`${f}-min`, `${f}-max`]),
  ...SYMMETRIC,
  // Word overlap weighted by the claim store's IDF (rare words decide: "Obama's daughter Malia is pregnant" and "Malia
  // and Sasha were arrested" share the rare name but differ in rarer content).
  ...IDF_FEATURE_NAMES,
  // The candidate list's view (the claim store's BM25, with its IDF): the re-ranker's strongest signals.
  'bm25-relative',
  'reciprocal-rank',
]

/**
 * Pair features a model may list besides the default ones (appended to the vector pairFeatures returns; a model file
 * names the features it uses, any subset of PAIR_FEATURE_NAMES and these): the smaller IDF mass one claim has and the
 * other lacks (both say something the other does not), the same over named entities only, and "both name someone and
 * share no name" (two missing-child notices with different names).
 */
export const EXTRA_FEATURE_NAMES = ['idf-unshared-min', 'entity-unshared-min', 'entities-disjoint'] as const
/** Every feature pairFeatures computes, in its vector order. */
export const KNOWN_PAIR_FEATURES: readonly string[] = [...PAIR_FEATURE_NAMES, ...EXTRA_FEATURE_NAMES]

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
  /** Gradient-boosted trees over the pair features (two classes: different, same); margin = same − different. */
  gbdt: GradientBoostingModel
  calibration: Calibrator
  /** Join a cluster at or above this calibrated probability (chosen on the train clustering's pairwise F1). */
  threshold: number
}

export function claimSimilarityModelFromJSON(value: ModelManifest): ClaimSimilarityModel {
  const m = value as Partial<ClaimSimilarityModel>
  if (!Array.isArray(m.features) || m.features.length === 0 || m.features.some((f) => !KNOWN_PAIR_FEATURES.includes(f))) {
    throw new FactsiftError('E_MODEL_INVALID', 'model claim-similarity: its feature list differs from this version of the code; retrain it')
  }
  if (!(typeof m.threshold === 'number' && m.threshold >= 0 && m.threshold <= 1)) throw new FactsiftError('E_MODEL_INVALID', 'model claim-similarity: threshold is missing or out of range')
  const gbdt = gradientBoostingFromJSON(m.gbdt, 'claim-similarity trees')
  if (gbdt.features !== m.features.length || gbdt.classes !== 2) {
    throw new FactsiftError('E_MODEL_INVALID', 'model claim-similarity: weights do not match the feature count')
  }
  return { ...(value as ClaimSimilarityModel), gbdt, calibration: calibratorFromJSON(m.calibration, 'claim-similarity calibration') }
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

/** No statistics (an empty store): every word weighs the same, and the IDF features reduce to plain overlaps. */
export const EMPTY_TERM_STATS: ClusterTermStats = { total: 0, df: new Map() }

/**
 * The stems whose document frequency the IDF features need: the claim's and its candidates' member texts' (the policy's
 * `statsTerms`, read by the claim store in one lookup).
 */
export function statsTermsOf(text: string, candidates: readonly Pick<ClusterCandidate, 'representative' | 'members'>[]): string[] {
  const out = new Set(claimView(text).analyzed.stems)
  for (const c of candidates) for (const m of c.members && c.members.length > 0 ? c.members : [c.representative]) for (const t of claimView(m).analyzed.stems) out.add(t)
  return [...out]
}

/**
 * IDF-weighted overlap of two claims' stems, with the store's IDF (as the matcher: IDF_PRIOR_RECORDS records assumed
 * besides the store's, so a word is not "common" in a store of a handful of claims): weighted Jaccard, the share of each
 * claim's IDF mass the other covers (min, max), the rarest shared word's IDF and the larger IDF mass one claim has and
 * the other lacks (both over the IDF of an unseen word, so they mean the same at any store size). Tried and dropped
 * (out-of-fold pair precision/recall no better): the smaller unshared mass, "both name someone and share no name".
 */
export function idfFeatures(a: ClaimView, b: ClaimView, stats: ClusterTermStats): number[] {
  const top = Math.log((stats.total + IDF_PRIOR_RECORDS + 1) / 0.5)
  const idf = (t: string) => Math.log((stats.total + IDF_PRIOR_RECORDS + 1) / ((stats.df.get(t) ?? 0) + 0.5)) / top
  let shared = 0, onlyA = 0, onlyB = 0, rarest = 0
  for (const t of a.analyzed.stems) {
    const w = idf(t)
    if (b.analyzed.stems.has(t)) {
      shared += w
      rarest = Math.max(rarest, w)
    } else onlyA += w
  }
  for (const t of b.analyzed.stems) if (!a.analyzed.stems.has(t)) onlyB += idf(t)
  const coverA = shared + onlyA > 0 ? shared / (shared + onlyA) : 0
  const coverB = shared + onlyB > 0 ? shared / (shared + onlyB) : 0
  const union = shared + onlyA + onlyB
  return [union > 0 ? shared / union : 0, Math.min(coverA, coverB), Math.max(coverA, coverB), rarest, Math.max(onlyA, onlyB)]
}

/** EXTRA_FEATURE_NAMES of two claims (same IDF as idfFeatures). */
export function extraFeatures(a: ClaimView, b: ClaimView, stats: ClusterTermStats): number[] {
  const top = Math.log((stats.total + IDF_PRIOR_RECORDS + 1) / 0.5)
  const idf = (t: string) => Math.log((stats.total + IDF_PRIOR_RECORDS + 1) / ((stats.df.get(t) ?? 0) + 0.5)) / top
  const unshared = (from: ReadonlySet<string>, other: ReadonlySet<string>) => {
    let sum = 0
    for (const t of from) if (!other.has(t)) sum += idf(t)
    return sum
  }
  const ea = a.analyzed.entities, eb = b.analyzed.entities
  let sharedEntity = false
  for (const t of ea) if (eb.has(t)) sharedEntity = true
  return [
    Math.min(unshared(a.analyzed.stems, b.analyzed.stems), unshared(b.analyzed.stems, a.analyzed.stems)),
    Math.min(unshared(ea, eb), unshared(eb, ea)),
    ea.size > 0 && eb.size > 0 && !sharedEntity ? 1 : 0,
  ]
}

/**
 * The feature vector (PAIR_FEATURE_NAMES order) of two claims: symmetric, the IDF overlaps, then the candidate's list
 * context.
 */
export function pairFeatures(a: ClaimView, b: ClaimView, matching: Pick<ClaimMatchingModel, 'standardizer' | 'logistic'>, context: ListContext, stats: ClusterTermStats = EMPTY_TERM_STATS): number[] {
  return [...textFeatures(a, b, matching), ...idfFeatures(a, b, stats), context.bm25Relative, context.reciprocalRank, ...extraFeatures(a, b, stats)]
}

/** Where each of a model's features sits in pairFeatures' vector (KNOWN_PAIR_FEATURES order). */
export function featureColumns(features: readonly string[]): number[] {
  return features.map((f) => KNOWN_PAIR_FEATURES.indexOf(f))
}

/** The part of the pair features that depends on the two texts only (cached per pair). */
function textFeatures(a: ClaimView, b: ClaimView, matching: Pick<ClaimMatchingModel, 'standardizer' | 'logistic'>): number[] {
  const ab = candidateFeatures(a.query, [{ record: b.record, bm25: 1, rank: 0 }])[0]!
  const ba = candidateFeatures(b.query, [{ record: a.record, bm25: 1, rank: 0 }])[0]!
  const [mab, mba] = rerankMargins(matching, [ab, ba]) as [number, number]
  const out = [Math.min(mab, mba), Math.max(mab, mba)]
  for (const i of DIRECTIONAL_AT) out.push(Math.min(ab[i]!, ba[i]!), Math.max(ab[i]!, ba[i]!))
  for (const i of SYMMETRIC_AT) out.push(Math.max(ab[i]!, ba[i]!))
  return out
}

/** Scores claim pairs: P(same claim), calibrated on CLEF 2020 train pairs. */
export interface ClaimSimilarity {
  readonly threshold: number
  /** P(same claim) of `a` and the candidate `b`, given where `b` stands among `a`'s candidates and the store's IDF. */
  similarity(a: string, b: string, context?: ListContext, stats?: ClusterTermStats): number
}

export function createClaimSimilarity(models: ModelLoader = createModelLoader()): ClaimSimilarity {
  const model = loadModel(models, CLAIM_SIMILARITY_MODEL)
  const matching = loadModel(models, CLAIM_MATCHING_MODEL)
  const pairs = new Map<string, number[]>()
  const margins = compileGradientBoosting(model.gbdt)
  // The model's features picked from the full vector (the default list: the vector as it is, no extras computed).
  const columns = featureColumns(model.features)
  const defaultOrder = model.features.join(',') === PAIR_FEATURE_NAMES.join(',')
  const extras = columns.some((c) => c >= PAIR_FEATURE_NAMES.length)
  return {
    threshold: model.threshold,
    similarity(a: string, b: string, context: ListContext = { bm25Relative: 1, reciprocalRank: 1 }, stats: ClusterTermStats = EMPTY_TERM_STATS): number {
      const va = claimView(a)
      const vb = claimView(b)
      if (va.analyzed.stems.size === 0 || vb.analyzed.stems.size === 0) return 0
      // The text part of the features is cached per pair; the IDF overlaps (the store changes) and the list context are
      // added per call.
      const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`
      let features = pairs.get(key)
      if (features === undefined) {
        features = textFeatures(va, vb, matching)
        if (pairs.size > 50_000) pairs.clear()
        pairs.set(key, features)
      }
      const full = [...features, ...idfFeatures(va, vb, stats), context.bm25Relative, context.reciprocalRank]
      if (extras) full.push(...extraFeatures(va, vb, stats))
      const m = margins(defaultOrder ? full : columns.map((c) => full[c]!))
      return applyCalibration(model.calibration, m[1]! - m[0]!)
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

/**
 * How a cluster's member scores make its score: the best member, the mean of its best two (one member: that one), or
 * the worst (complete link over the compared members: no chaining through one close member).
 */
export type MemberAggregate = 'max' | 'top2' | 'min'

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
  stats: ClusterTermStats = EMPTY_TERM_STATS,
  margin = 0,
): { id: string; similarity: number } | null {
  const line = threshold ?? similarity.threshold
  let best: { id: string; similarity: number } | null = null
  let runnerUp = 0
  const contexts = listContexts(candidates)
  for (const [i, c] of candidates.entries()) {
    const texts = c.members && c.members.length > 0 ? c.members : [c.representative]
    const scores = texts.map((m) => similarity.similarity(text, m, contexts[i], stats)).sort((a, b) => b - a)
    const s = aggregate === 'min' ? scores[scores.length - 1]! : aggregate === 'top2' && scores.length > 1 ? (scores[0]! + scores[1]!) / 2 : scores[0]!
    if (s >= line && (!best || s > best.similarity)) {
      if (best) runnerUp = Math.max(runnerUp, best.similarity)
      best = { id: c.id, similarity: Math.round(s * 1000) / 1000 }
    } else runnerUp = Math.max(runnerUp, s)
  }
  // margin > 0 (an experiment, training/clustering/README.md): a claim whose best cluster barely beats another one (a
  // crowded topic) stays apart.
  return best && best.similarity - runnerUp >= margin ? best : null
}
