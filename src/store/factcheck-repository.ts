// Published fact-checks (ClaimReview): owned by the fact-check memory feature; see src/factchecks/.
export type NormalizedRating = 'false' | 'mostly-false' | 'mixed' | 'mostly-true' | 'true' | 'unrated'

export interface FactCheckRecord {
  /** Stable key: the review URL, else a content hash. */
  key: string
  claim: string
  claimant: string | null
  rating: string
  ratingNormalized: NormalizedRating
  factChecker: string | null
  url: string | null
  reviewedAt: string | null
  language: string | null
  /** Title of the fact-check article, when known (CLEF verified claims have one). */
  title: string | null
  /** An identifier the source data gave the record (CLEF `vclaim_id`, schema.org `identifier`), when any. */
  externalId?: string | null
}

export interface UpsertCounts {
  inserted: number
  updated: number
  /** Records whose key existed with identical content: nothing was written. */
  unchanged?: number
}

export interface FactCheckStats {
  factChecks: number
  byRating: Record<NormalizedRating, number>
  /** Fact-checkers with the most records, most first. */
  factCheckers: { factChecker: string; factChecks: number }[]
}

export interface FactCheckRepository {
  /** Inserts or updates by key; returns counts. */
  upsertMany(records: FactCheckRecord[]): Promise<UpsertCounts>
  count(): Promise<number>
  /** Full-text candidates, best first; `bm25` is the BM25 score (higher is better) over claim and title. */
  search(text: string, limit: number): Promise<{ record: FactCheckRecord; bm25: number }[]>
  /** Every record, in key order, for export. */
  iterate(): AsyncIterable<FactCheckRecord>
  /** One record by key, or null. */
  get?(key: string): Promise<FactCheckRecord | null>
  /** Counts by normalized rating and by fact-checker. */
  stats?(): Promise<FactCheckStats>
  /** How many records contain each word (after the index's own stemming), and the record count: IDF for re-ranking. */
  termStats?(words: readonly string[]): Promise<{ total: number; df: number[] }>
}
