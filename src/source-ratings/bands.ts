// Rating bands (low / mixed / high) and the scores user-list labels stand for.

export type RatingBand = 'low' | 'mixed' | 'high'

/** score < low → 'low'; < high → 'mixed'; else 'high'. */
export interface BandThresholds {
  low: number
  high: number
}

/**
 * The default thresholds: the quartiles of Lin et al.'s 11,520 domain scores (25th percentile 0.379, 75th 0.694),
 * rounded. Low holds the fabricators and hyper-partisan sites (infowars.com 0.05, occupydemocrats.com 0.18,
 * breitbart.com 0.30, rt.com 0.29, dailymail.co.uk 0.38); high the wires and papers of record (reuters.com 1.00,
 * nytimes.com 0.86, washingtonpost.com 0.82, bbc.co.uk 0.72); mixed the rest (foxnews.com 0.53, cnn.com 0.66).
 * training/source-ratings/derive.ts writes them into data/source-ratings.json, which is where the runtime reads them.
 */
export const DEFAULT_BANDS: BandThresholds = { low: 0.4, high: 0.7 }

/** The band of a 0–1 score. */
export function bandOf(score: number, bands: BandThresholds = DEFAULT_BANDS): RatingBand {
  if (score < bands.low) return 'low'
  if (score < bands.high) return 'mixed'
  return 'high'
}

export type RatingLabel = 'reliable' | 'mixed' | 'unreliable' | 'satire'

/**
 * The score a label in a user list stands for: the middle of its band under the default thresholds (high 0.7–1 →
 * 0.85, mixed 0.4–0.7 → 0.55, low 0–0.4 → 0.2). Satire scores as unreliable, as the credibility model counts satire
 * by default (its facts are not meant to be true); the rating keeps `label: 'satire'` so a report can say so.
 */
export const LABEL_SCORES: Readonly<Record<RatingLabel, number>> = {
  reliable: 0.85,
  mixed: 0.55,
  unreliable: 0.2,
  satire: 0.2,
}

/** A label as a user may write it (any case; "reliable", "unreliable", "mixed", "satire"), else null. */
export function parseLabel(text: string): RatingLabel | null {
  const t = text.trim().toLowerCase()
  return t === 'reliable' || t === 'mixed' || t === 'unreliable' || t === 'satire' ? t : null
}
