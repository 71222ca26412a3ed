// Maps ratings as fact-checkers publish them ("Pants on Fire!", "Four Pinocchios", 2 of 5) onto one six-step scale.
import type { NormalizedRating } from '../store/factcheck-repository.js'
import table from './rating-scale.json' with { type: 'json' }

/** The normalized scale, from most false to most true, then unrated. */
export const NORMALIZED_RATINGS: readonly NormalizedRating[] = ['false', 'mostly-false', 'mixed', 'mostly-true', 'true', 'unrated']

/** A schema.org Rating, as far as normalization needs it. */
export interface NumericRating {
  ratingValue: number
  bestRating?: number
  worstRating?: number
}

const exact = new Map(Object.entries(table.exact as Record<string, NormalizedRating>))
const patterns = (table.patterns as [string, NormalizedRating][]).map(([source, label]) => [new RegExp(source, 'u'), label] as const)
const cuts = table.numeric as [number, NormalizedRating][]

/** Lower-cases, folds curly quotes and strips surrounding punctuation so "FALSE." and "false" look the same. */
function fold(rating: string): string {
  return rating
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'“”.!:;,*-]+|[\s"'“”.!:;,*]+$/gu, '')
}

/** True when `value` is one of the six normalized labels. */
export function isNormalizedRating(value: unknown): value is NormalizedRating {
  return typeof value === 'string' && (NORMALIZED_RATINGS as readonly string[]).includes(value)
}

/**
 * The normalized label for a published rating: the exact table first, then the ordered patterns, then a numeric
 * rating when given; 'unrated' when nothing fits.
 */
export function normalizeRating(rating: string | null | undefined, numeric?: NumericRating | null): NormalizedRating {
  const folded = rating ? fold(rating) : ''
  if (folded) {
    const hit = exact.get(folded)
    if (hit) return hit
  }
  if (folded && !/^\d+(\.\d+)?$/.test(folded)) {
    for (const [pattern, label] of patterns) if (pattern.test(folded)) return label
  }
  if (numeric && Number.isFinite(numeric.ratingValue)) return normalizeNumeric(numeric)
  return 'unrated'
}

function normalizeNumeric({ ratingValue, bestRating = 5, worstRating = 1 }: NumericRating): NormalizedRating {
  if (!(bestRating > worstRating)) return 'unrated'
  const fraction = (ratingValue - worstRating) / (bestRating - worstRating)
  if (fraction < 0 || fraction > 1) return 'unrated'
  for (const [upper, label] of cuts) if (fraction < upper) return label
  return 'true'
}
