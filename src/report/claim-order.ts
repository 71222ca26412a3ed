// The order a fact-checker reads claims in: repeats of claims fact-checkers rated false first, then claims the user's
// reference coverage contradicts, then by check-worthiness (and position).
import type { Claim, FactCheckMatch } from './types.js'

export type ClaimVerdict = NonNullable<Claim['verdict']>

/** Normalized ratings that make a matched claim a known-false repeat ("Misleading" normalizes to mostly-false). */
const FALSE_RATINGS = new Set(['false', 'mostly-false'])
const TRUE_RATINGS = new Set(['true', 'mostly-true'])

/** The verdict a claim's best fact-check match gives it, if any. */
export function verdictOfMatches(matches: readonly FactCheckMatch[]): ClaimVerdict | undefined {
  const best = matches[0]
  if (!best?.ratingNormalized) return undefined
  if (FALSE_RATINGS.has(best.ratingNormalized)) return 'rated-false'
  if (TRUE_RATINGS.has(best.ratingNormalized)) return 'rated-true'
  if (best.ratingNormalized === 'mixed') return 'rated-mixed'
  return undefined
}

const RANK: Record<ClaimVerdict, number> = { 'rated-false': 0, contradicted: 1, 'rated-mixed': 2, 'rated-true': 2, corroborated: 2 }

/** Sort comparator: verdict rank, then check-worthiness (highest first), then position in the text. */
export function compareClaims(a: Claim, b: Claim): number {
  const ra = a.verdict ? RANK[a.verdict] : 2
  const rb = b.verdict ? RANK[b.verdict] : 2
  return ra - rb || b.checkworthiness - a.checkworthiness || a.start - b.start
}
