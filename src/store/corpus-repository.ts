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
  outlets?: string[]
  publishedAfter?: string
  publishedBefore?: string
}

export interface CorpusRepository {
  upsertMany(articles: CorpusArticle[]): Promise<{ inserted: number; updated: number }>
  count(): Promise<number>
  search(text: string, options: CorpusSearchOptions): Promise<{ article: CorpusArticle; bm25: number }[]>
  stats(): Promise<{ articles: number; outlets: { outlet: string; articles: number }[] }>
}
