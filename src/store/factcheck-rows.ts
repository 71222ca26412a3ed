// Fact-check rows shared by the SQLite and PostgreSQL fact-check repositories: the record columns and row ↔ record.
import type { FactCheckRecord, NormalizedRating } from './factcheck-repository.js'

/** The record columns of a factchecks row. */
export interface FactCheckRow {
  key: string
  claim: string
  claimant: string | null
  rating: string
  rating_normalized: NormalizedRating
  fact_checker: string | null
  url: string | null
  reviewed_at: string | null
  language: string | null
  title: string | null
  external_id: string | null
}

export const FACTCHECK_COLUMNS = ['key', 'claim', 'claimant', 'rating', 'rating_normalized', 'fact_checker', 'url', 'reviewed_at', 'language', 'title', 'external_id'] as const

/** Stored values in column order after the key (claim … external_id); both stores' change hashes are made of them too. */
export function factCheckRowValues(r: FactCheckRecord): (string | null)[] {
  return [r.claim, r.claimant, r.rating, r.ratingNormalized, r.factChecker, r.url, r.reviewedAt, r.language, r.title, r.externalId ?? null]
}

export function fromFactCheckRow(row: FactCheckRow): FactCheckRecord {
  return {
    key: row.key,
    claim: row.claim,
    claimant: row.claimant,
    rating: row.rating,
    ratingNormalized: row.rating_normalized,
    factChecker: row.fact_checker,
    url: row.url,
    reviewedAt: row.reviewed_at,
    language: row.language,
    title: row.title,
    externalId: row.external_id,
  }
}
