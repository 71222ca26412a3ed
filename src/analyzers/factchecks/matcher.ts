// Published fact-checks for a claim: BM25 candidates from the store, re-ranked by the trained model, kept above the
// calibrated threshold. This is what ctx.services.factchecks is.
import { loadModel, type ModelLoader } from '../../models/loader.js'
import type { FactCheckMatch } from '../../report/types.js'
import type { FactCheckMatcher } from '../../services/search.js'
import type { Store } from '../../store/types.js'
import { retrieveCandidates } from './candidates.js'
import { calibrate, CLAIM_MATCHING_MODEL, rerankMargins, type ClaimMatchingModel } from './reranker.js'

export interface FactCheckMatcherOptions {
  /** Overrides the model's calibrated threshold (0–1): lower shows more, weaker matches. */
  threshold?: number
}

/** A scored candidate, for callers that want the whole re-ranked list (search command, evaluation). */
export interface RankedFactCheck extends FactCheckMatch {
  /** Re-ranker log-odds; the order of the list. */
  margin: number
  bm25: number
}

/** models/claim-matching.json, validated once; throws E_MODEL_INVALID when it is missing or malformed. */
export function loadClaimMatchingModel(models: ModelLoader): ClaimMatchingModel {
  return loadModel(models, CLAIM_MATCHING_MODEL)
}

/** Every candidate for `claimText`, re-ranked (best first), with calibrated scores; no threshold applied. */
export async function rankFactChecks(store: Store, model: ClaimMatchingModel, claimText: string): Promise<RankedFactCheck[]> {
  const set = await retrieveCandidates(store.factchecks, claimText, model.depth)
  const margins = rerankMargins(model, set.features)
  const scores = calibrate(model, margins)
  return set.candidates
    .map((candidate, i) => ({
      claim: candidate.record.claim,
      rating: candidate.record.rating,
      url: candidate.record.url ?? '',
      factChecker: candidate.record.factChecker ?? '',
      score: scores[i]!,
      ratingNormalized: candidate.record.ratingNormalized,
      reviewedAt: candidate.record.reviewedAt,
      margin: margins[i]!,
      bm25: candidate.bm25,
    }))
    .sort((a, b) => b.margin - a.margin)
}

/** The matcher analyzers use (ctx.services.factchecks): matches above the calibrated threshold, best first. */
export function createFactCheckMatcher(store: Store, models: ModelLoader, options: FactCheckMatcherOptions = {}): FactCheckMatcher {
  let model: ClaimMatchingModel | null = null
  return {
    async match(claimText: string, limit = 3): Promise<FactCheckMatch[]> {
      model ??= loadClaimMatchingModel(models)
      const threshold = options.threshold ?? model.threshold
      const ranked = await rankFactChecks(store, model, claimText)
      return ranked
        .filter((r) => r.score >= threshold)
        .slice(0, limit)
        .map(({ margin: _margin, bm25: _bm25, ...match }) => ({ ...match, score: round(match.score) }))
    },
  }
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000
}
