// Stage one of matching: clean the claim, fetch BM25 candidates from the store, and compute their re-ranker features.
import type { FactCheckRepository } from '../../store/factcheck-repository.js'
import { buildQueryView, candidateFeatures, type Candidate, type QueryView } from './rerank-features.js'
import { cleanTweet } from './tweet-cleanup.js'
import { analyzeText } from './text-analysis.js'

/** A claim's BM25 candidates, best first, each with its feature vector. */
export interface CandidateSet {
  query: QueryView
  /** The text sent to full-text search (the cleaned claim plus a tweet author's name). */
  searchText: string
  candidates: Candidate[]
  features: number[][]
}

/** Retrieves up to `depth` candidates for `claimText` and computes their features. */
export async function retrieveCandidates(repo: FactCheckRepository, claimText: string, depth: number): Promise<CandidateSet> {
  const tweet = cleanTweet(claimText)
  const searchText = tweet.author ? `${tweet.text} ${tweet.author}` : tweet.text
  const hits = await repo.search(searchText, depth)
  const candidates = hits.map((hit, rank) => ({ record: hit.record, bm25: hit.bm25, rank }))
  const analyzed = analyzeText(tweet.text)
  // Without document frequencies every word weighs the same (IDF of an unseen word).
  const stats = repo.termStats ? await repo.termStats(analyzed.words) : { total: 1, df: [] }
  const query = buildQueryView(analyzed, stats, tweet.author, tweet.date, tweet.media)
  return { query, searchText, candidates, features: candidateFeatures(query, candidates) }
}
