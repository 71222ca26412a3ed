// Who published it, as risk evidence the text does not carry: the publisher's rating stacked on the text model's
// log-odds for articles with a URL, and a note when every rated outlet the article cites is rated low.
import type { OutletRating, ReportDocument, RiskReason, Source } from '../../report/types.js'
import { logit, sigmoid } from '../../ml/math.js'

/**
 * logit P(unreliable) = bias + textLogOdds·w₁ + (rating − 0.5)·w₂ + unrated·w₃, for articles with a URL.
 * Fitted on the 207 FakeNewsNet PolitiFact rows with a URL (../shared/data/credibility-fakenewsnet, 196 of them on a
 * rated domain), on the shipped text model's log-odds, by `npm run measure:source-ratings` (training/source-ratings/
 * measure.ts + stack.ts: L2 0.01). Cross-validated there (5-fold by row, the folds `factsift eval credibility` uses):
 * AUC text only 0.733 → with the source 0.784 on all 238 rows (0.742 → 0.798 on the URL rows); 5-fold by publisher
 * 0.733 → 0.777. The issue's 0.93 target is not reached: even in-sample the best combination found reaches 0.913.
 * Refit when the text model changes: `fittedFor` must match models/credibility.json (checked by a test).
 */
export const SOURCE_STACK = Object.freeze({
  bias: -0.4266,
  textLogOdds: 0.3417,
  ratingMinusHalf: -2.4568,
  unrated: 0.7286,
  fittedFor: Object.freeze({ id: 'credibility', version: 3, createdAt: '2026-11-25T00:00:00.000Z' }),
})

export interface SourceEvidence {
  /** P(unreliable) with the publisher's rating, replacing the text-only probability (null: no URL, text only). */
  probability: number | null
  reasons: RiskReason[]
}

const isRated = (r: Source['rating'] | undefined): r is OutletRating => !!r && !('unrated' in r)

function ratingText(r: OutletRating): string {
  return `rated ${Math.round(r.score * 100) / 100} of 1 (${r.citation})`
}

/**
 * The publisher's effect on P(unreliable) given the text model's raw log-odds and calibrated probability. Only an
 * article whose publisher came from its http(s) URL is scored with the source (the stacker was fitted on such rows);
 * the rest keep the text-only probability exactly.
 */
export function sourceEvidence(document: Pick<ReportDocument, 'url' | 'publisher'>, sources: readonly Source[], text: { logOdds: number; probability: number }): SourceEvidence {
  const reasons: RiskReason[] = []
  let probability: number | null = null
  const publisher = document.publisher
  if (publisher && publisher.via === 'url' && document.url && /^https?:\/\//i.test(document.url)) {
    const rated = isRated(publisher.rating) ? publisher.rating : null
    const s = SOURCE_STACK
    probability = sigmoid(s.bias + s.textLogOdds * text.logOdds + (rated ? s.ratingMinusHalf * (rated.score - 0.5) : s.unrated))
    const weight = Math.round((logit(probability, 1e-6) - logit(text.probability, 1e-6)) * 100) / 100
    const who = publisher.domain ?? publisher.name ?? 'an unknown site'
    reasons.push({
      signal: 'publisher-rating',
      weight: weight === 0 ? 0 : weight,
      message: rated ? `Published by ${who}, ${ratingText(rated)}` : `Published by ${who}, which no ratings list rates`,
    })
  }
  // Cited outlets (and linked sites) other than the publisher itself: a note when every rated one is rated low.
  const own = publisher?.domain ?? null
  const cited = sources.filter((src) => isRated(src.rating) && (src.kind === 'outlet' || src.kind === 'document') && src.domain !== own)
  if (cited.length > 0 && cited.every((src) => (src.rating as OutletRating).band === 'low')) {
    const names = cited.slice(0, 3).map((src) => `${src.name} (${ratingText(src.rating as OutletRating)})`)
    reasons.push({
      signal: 'low-rated-sources',
      // A note: no labelled set pairs articles with the outlets they cite, so there is nothing to fit a weight on.
      weight: 0,
      message: `Every rated outlet it cites is rated low: ${names.join(', ')}${cited.length > 3 ? ` and ${cited.length - 3} more` : ''}`,
    })
  }
  return { probability, reasons }
}
