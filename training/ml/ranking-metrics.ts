// Ranking metrics over one ranked list (AP, P@k, R-precision, RR) and their means over many queries.

/** Relevance of the items of one ranking, best-ranked first: truthy (true or ≥ 1) means relevant. */
export type Relevance = ArrayLike<number | boolean>

export interface AveragePrecisionOptions {
  /** Only the top k items count (AP@k). Default: the whole list. */
  k?: number
  /**
   * Relevant items in the gold standard, including any the ranking never retrieved. Default: the relevant items
   * in the list. AP divides by this number (as trec_eval/trectools do, so missed items lower the score).
   */
  totalRelevant?: number
}

function isRelevant(value: number | boolean): boolean {
  return value === true || (typeof value === 'number' && value >= 1)
}

function countRelevant(relevance: Relevance, upTo = relevance.length): number {
  let n = 0
  for (let i = 0; i < Math.min(upTo, relevance.length); i++) if (isRelevant(relevance[i])) n++
  return n
}

/** Σ over relevant ranks r ≤ k of P@r, divided by the number of relevant items; 0 when there are none. */
export function averagePrecision(relevance: Relevance, options: AveragePrecisionOptions = {}): number {
  const total = options.totalRelevant ?? countRelevant(relevance)
  if (total === 0) return 0
  const depth = Math.min(options.k ?? relevance.length, relevance.length)
  let hits = 0
  let sum = 0
  for (let i = 0; i < depth; i++) {
    if (isRelevant(relevance[i])) {
      hits++
      sum += hits / (i + 1)
    }
  }
  return sum / total
}

/** One query's ranking plus, optionally, how many relevant items exist for it. */
export interface RankedQuery {
  relevance: Relevance
  totalRelevant?: number
}

/** Mean of averagePrecision over queries (each may carry its own totalRelevant); 0 for no queries. */
export function meanAveragePrecision(queries: readonly (RankedQuery | Relevance)[], k?: number): number {
  if (queries.length === 0) return 0
  let sum = 0
  for (const q of queries) {
    const query = 'relevance' in q ? (q as RankedQuery) : { relevance: q as Relevance }
    sum += averagePrecision(query.relevance, { k, totalRelevant: query.totalRelevant })
  }
  return sum / queries.length
}

/**
 * MAP@k as scored in CLEF CheckThat! 2020 Task 2 (trectools `get_map(depth=k)`): per query, the precisions at the
 * relevant ranks within the top k, summed and divided by ALL relevant items of the query; averaged over queries.
 */
export function mapAtK(queries: readonly (RankedQuery | Relevance)[], k: number): number {
  return meanAveragePrecision(queries, k)
}

/** Relevant items among the top k, divided by k (a list shorter than k counts the missing places as misses). */
export function precisionAtK(relevance: Relevance, k: number): number {
  if (k <= 0) return 0
  return countRelevant(relevance, k) / k
}

/** Precision at rank R, where R is the number of relevant items (default: those in the list). */
export function rPrecision(relevance: Relevance, totalRelevant?: number): number {
  const r = totalRelevant ?? countRelevant(relevance)
  return r === 0 ? 0 : precisionAtK(relevance, r)
}

/** 1 / rank of the first relevant item within the top k (default all); 0 when none is found. */
export function reciprocalRank(relevance: Relevance, k = relevance.length): number {
  for (let i = 0; i < Math.min(k, relevance.length); i++) if (isRelevant(relevance[i])) return 1 / (i + 1)
  return 0
}

/** Mean reciprocal rank over queries; 0 for no queries. */
export function meanReciprocalRank(rankings: readonly Relevance[], k?: number): number {
  if (rankings.length === 0) return 0
  return rankings.reduce((sum, r) => sum + reciprocalRank(r, k), 0) / rankings.length
}

/** Indices of `scores` from highest to lowest; equal scores keep their input order. */
export function rankByScore(scores: ArrayLike<number>): number[] {
  return Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b)
}
