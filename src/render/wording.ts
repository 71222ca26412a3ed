// Words shared by the renderers (text, HTML): findings are data, and these turn them into phrases.
import type { Evidence, EvidenceSummary, OutletRatingResult, RatingBand } from '../report/types.js'

/** The stance as a verb phrase: "agrees", "disagrees", "discusses", "is unrelated". */
export const STANCE_VERBS: Record<Evidence['stance'], string> = {
  agree: 'agrees',
  disagree: 'disagrees',
  discuss: 'discusses',
  unrelated: 'is unrelated',
}

/** "corroborated by 2 outlets, contradicted by 1, discussed by 3". */
export function evidenceSummaryText(summary: EvidenceSummary): string {
  const outlets = (n: number) => `${n} outlet${n === 1 ? '' : 's'}`
  return `corroborated by ${outlets(summary.corroboratedBy)}, contradicted by ${outlets(summary.contradictedBy)}, discussed by ${outlets(summary.discussedBy)}`
}

/**
 * A reason's weight as every surface prints it (text, HTML, web UI: one unit): "+0.58", "-0.73"; "note" for a caution
 * (weight 0). The unit is the reason's contribution to the score's log-odds, explained by REASON_WEIGHT_LEGEND.
 */
export function reasonWeightText(weight: number): string {
  return weight === 0 ? 'note' : `${weight > 0 ? '+' : '-'}${Math.abs(weight).toFixed(2)}`
}

/** What a reason's weight means, printed under the reasons in text, HTML and the web UI. */
export const REASON_WEIGHT_LEGEND =
  'Weights: how much each reason moves the risk, in log-odds (+0.69 doubles the odds of "unreliable", -0.69 halves them); "note" is a caution that does not change the score.'

/** A share as a whole percentage: 0.734 → "73%". */
export function percent(value: number): string {
  return `${Math.round(value * 100)}%`
}

/**
 * An outlet's rating as a badge: "0.82 of 1, high" with where it comes from ("lin2023: Lin et al. 2023", or the
 * user list's citation alone when it names the list); "unrated" said outright.
 */
export function ratingBadge(rating: OutletRatingResult): { text: string; provenance: string | null; band: RatingBand | 'unrated' } {
  if ('unrated' in rating) return { text: 'unrated', provenance: null, band: 'unrated' }
  const score = Math.round(rating.score * 100) / 100
  const label = rating.label ? ` (${rating.label})` : ''
  return {
    text: `${score} of 1, ${rating.band}${label}`,
    provenance: rating.citation.includes(rating.list) ? rating.citation : `${rating.list}: ${rating.citation}`,
    band: rating.band,
  }
}

/** "0.82 of 1, high [lin2023: Lin et al. 2023]" or "unrated", for plain text. */
export function ratingBadgeText(rating: OutletRatingResult): string {
  const b = ratingBadge(rating)
  return b.provenance ? `${b.text} [${b.provenance}]` : b.text
}
