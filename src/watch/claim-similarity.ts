// When two claims say the same thing: the claim-matching re-ranker's lexical view (content stems, entities, numbers,
// negation, character 4-grams; src/analyzers/factchecks/text-analysis.ts) turned into one symmetric similarity, and the
// threshold chosen on CLEF-derived pairs (training/clustering/evaluate.ts; README there).
import { analyzeText, charCosine, overlap, type AnalyzedText } from '../analyzers/factchecks/text-analysis.js'
import { cleanTweet } from '../analyzers/factchecks/tweet-cleanup.js'

/**
 * Chosen on the CLEF 2020 train split (the threshold with the best pairwise F1 of the clustering); dev figures in
 * training/clustering/README.md. Rerun: `npx tsx training/clustering/evaluate.ts`.
 */
export const CLUSTER_THRESHOLD = 0.33

const cache = new Map<string, AnalyzedText>()
/** Analyzed text, cached (representatives are compared again and again). */
export function analyzedClaim(text: string): AnalyzedText {
  let hit = cache.get(text)
  if (!hit) {
    if (cache.size > 20_000) cache.clear()
    hit = analyzeText(cleanTweet(text).text)
    cache.set(text, hit)
  }
  return hit
}

/**
 * 0..1: the mean of content-stem coverage of the shorter claim (a headline-length claim inside a longer sentence is the
 * same claim) and character 4-gram cosine (spelling variants), less penalties for different numbers and for a negation
 * on one side only.
 */
export function claimSimilarity(a: AnalyzedText, b: AnalyzedText): number {
  if (a.stems.size === 0 || b.stems.size === 0) return 0
  const shared = overlap(a.stems, b.stems)
  const smaller = Math.min(a.stems.size, b.stems.size)
  // A claim of one or two content words is covered by any text that mentions them: its coverage counts less.
  const coverage = (shared / smaller) * Math.min(1, smaller / 4)
  const dice = (2 * shared) / (a.stems.size + b.stems.size)
  const chars = charCosine(a, b)
  let score = 0.35 * coverage + 0.35 * dice + 0.3 * chars
  if (a.numbers.size > 0 && b.numbers.size > 0 && overlap(a.numbers, b.numbers) === 0) score -= 0.15
  if ((a.negations > 0) !== (b.negations > 0)) score -= 0.1
  return Math.max(0, Math.min(1, score))
}

/** The best candidate at or above the threshold. */
export function chooseCluster(
  text: string,
  candidates: readonly { id: string; representative: string }[],
  threshold = CLUSTER_THRESHOLD,
): { id: string; similarity: number } | null {
  const mine = analyzedClaim(text)
  let best: { id: string; similarity: number } | null = null
  for (const c of candidates) {
    const similarity = claimSimilarity(mine, analyzedClaim(c.representative))
    if (similarity >= threshold && (!best || similarity > best.similarity)) best = { id: c.id, similarity: Math.round(similarity * 1000) / 1000 }
  }
  return best
}
