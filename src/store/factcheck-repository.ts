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
}

export interface FactCheckRepository {
  /** Inserts or updates by key; returns counts. */
  upsertMany(records: FactCheckRecord[]): Promise<{ inserted: number; updated: number }>
  count(): Promise<number>
  /** Full-text candidates (BM25), best first. */
  search(text: string, limit: number): Promise<{ record: FactCheckRecord; bm25: number }[]>
  /** Every record, in key order, for export. */
  iterate(): AsyncIterable<FactCheckRecord>
}
