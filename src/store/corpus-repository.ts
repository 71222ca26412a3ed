// The user's reference corpus for lateral reading: owned by the lateral-reading feature; see src/corpus/.
export interface CorpusArticle {
  /** Stable key: the URL, else a content hash. */
  key: string
  title: string
  body: string
  url: string | null
  outlet: string | null
  publishedAt: string | null
}

export interface CorpusSearchOptions {
  limit: number
  /** Only these outlets (compared by canonical name: "AP" finds "Associated Press"). */
  outlets?: string[]
  /** Only articles published on or after this ISO date. */
  publishedAfter?: string
  /** Only articles published on or before this ISO date (a date alone includes that whole day). */
  publishedBefore?: string
}

export interface CorpusUpsertCounts {
  inserted: number
  updated: number
  /** Articles whose key existed with identical content: nothing was written. */
  unchanged?: number
}

export interface CorpusStats {
  articles: number
  /** Distinct outlets (by canonical name). */
  distinctOutlets?: number
  /** Outlets with the most articles (up to 50), most first. */
  outlets: { outlet: string; articles: number }[]
  /** Articles with no outlet (neither given nor derivable from a URL). */
  withoutOutlet?: number
  /** Earliest and latest publication dates, when any article has one. */
  earliest?: string | null
  latest?: string | null
}

export interface CorpusRepository {
  /** Inserts or updates by key; returns counts. */
  upsertMany(articles: CorpusArticle[]): Promise<CorpusUpsertCounts>
  count(): Promise<number>
  /** Full-text candidates (BM25 over title and body), best first; `bm25` is higher for better matches. */
  search(text: string, options: CorpusSearchOptions): Promise<{ article: CorpusArticle; bm25: number }[]>
  stats(): Promise<CorpusStats>
  /** One article by key, or null. */
  get?(key: string): Promise<CorpusArticle | null>
}
