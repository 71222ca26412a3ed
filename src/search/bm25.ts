// BM25 as SQLite FTS5's bm25() computes it: the one formula behind both stores' rankings and the re-ranker's field scores.
import { letterDigitRuns } from '../nlp/words.js'

/** FTS5's constants: term-frequency saturation and length normalization. */
export const BM25_K1 = 1.2
export const BM25_B = 0.75

/** FTS5's idf: ln((N − n + 0.5) / (n + 0.5)) for `df` of `total` documents, floored at 1e-6 (very common terms). */
export function bm25Idf(total: number, df: number): number {
  const idf = Math.log((total - df + 0.5) / (df + 0.5))
  return idf <= 0 ? 1e-6 : idf
}

/** One query term's share of a document's score: idf · f·(k1+1) / (f + k1·(1 − b + b·D/avgD)), f its (weighted) frequency. */
export function bm25TermScore(idf: number, frequency: number, length: number, averageLength: number): number {
  return (idf * (frequency * (BM25_K1 + 1))) / (frequency + BM25_K1 * (1 - BM25_B + (BM25_B * length) / averageLength))
}

/** A document's length D as FTS5's unicode61 tokenizer counts it (runs of letters and digits) over all its columns. */
export function tokenCount(...parts: (string | null | undefined)[]): number {
  let n = 0
  for (const part of parts) if (part) n += letterDigitRuns(part).length
  return n
}
