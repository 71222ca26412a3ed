// Features of one (claim, candidate fact-check) pair for the re-ranker: BM25, overlaps, mismatches, n-gram similarity.
import { bm25TermScore } from '../../search/bm25.js'
import { stem } from '../../search/terms.js'
import type { FactCheckRecord } from '../../store/factcheck-repository.js'
import { analyzeText, charCosine, overlap, type AnalyzedText } from './text-analysis.js'

/** The feature names, in vector order; a model file lists them and is rejected when they differ. */
export const FEATURE_NAMES = [
  'bm25-share',
  'bm25-relative',
  'bm25-gap-share',
  'bm25-zscore',
  'reciprocal-rank',
  'text-bm25-claim-share',
  'text-bm25-title-share',
  'text-bm25-relative',
  'idf-coverage-claim',
  'idf-coverage-title',
  'idf-coverage-both',
  'claim-coverage',
  'title-coverage',
  'jaccard',
  'bigram-overlap',
  'entity-overlap',
  'entity-missing',
  'numbers-shared',
  'number-mismatch',
  'negation-mismatch',
  'char4-claim',
  'char4-title',
  'author-in-candidate',
  'year-match',
  'media-candidate',
  'media-both',
  'candidate-length',
  'query-length',
] as const

export type FeatureName = (typeof FEATURE_NAMES)[number]

/**
 * The sign a feature's weight must have (+1: more of it can only make a match likelier; −1: less likely; 0: free).
 * Training drops a feature whose weight comes out the wrong way: correlated similarity features otherwise get weights
 * of opposite signs that cancel on tweets and misfire on a claim copied nearly word for word.
 */
export const FEATURE_SIGNS: Readonly<Record<FeatureName, -1 | 0 | 1>> = {
  'bm25-share': 1,
  'bm25-relative': 1,
  'bm25-gap-share': -1,
  'bm25-zscore': 1,
  'reciprocal-rank': 1,
  'text-bm25-claim-share': 1,
  'text-bm25-title-share': 1,
  'text-bm25-relative': 1,
  'idf-coverage-claim': 1,
  'idf-coverage-title': 1,
  'idf-coverage-both': 1,
  'claim-coverage': 1,
  'title-coverage': 1,
  jaccard: 1,
  'bigram-overlap': 1,
  'entity-overlap': 1,
  'entity-missing': -1,
  'numbers-shared': 1,
  'number-mismatch': -1,
  'negation-mismatch': -1,
  'char4-claim': 1,
  'char4-title': 1,
  'author-in-candidate': 1,
  'year-match': 1,
  'media-candidate': 0,
  'media-both': 1,
  'candidate-length': 0,
  'query-length': 0,
}

/** The claim being matched, analyzed once for all its candidates. */
export interface QueryView {
  analyzed: AnalyzedText
  /** Stem → inverse document frequency in the store (stems the store never saw get the largest value). */
  idf: Map<string, number>
  /** Author of a pasted tweet (signature), whose name often appears in the fact-check. */
  author: AnalyzedText | null
  /** Years the claim mentions or was posted in. */
  years: Set<string>
  /** The claim came with a picture or video (a pasted tweet's pic.twitter.com link). */
  media: boolean
}

/** A retrieved fact-check with its BM25 score and rank (0 = best). */
export interface Candidate {
  record: FactCheckRecord
  bm25: number
  rank: number
}

/**
 * Records assumed to exist besides the store's, none containing the query's words: in a store of a handful of
 * fact-checks every word would otherwise look common (IDF near 0) and a word-for-word repeat would score like noise.
 * Against 10,000+ records it changes little.
 */
export const IDF_PRIOR_RECORDS = 1000

/** The claim's view for feature computation; `stats.df[i]` is the document frequency of `analyzed.words[i]`. */
export function buildQueryView(
  analyzed: AnalyzedText,
  stats: { total: number; df: readonly number[] },
  author: string | null,
  date: string | null,
  media = false,
): QueryView {
  const idf = new Map<string, number>()
  analyzed.words.forEach((word, i) => {
    const value = Math.log((stats.total + IDF_PRIOR_RECORDS + 1) / ((stats.df[i] ?? 0) + 0.5))
    const s = stem(word)
    idf.set(s, Math.max(idf.get(s) ?? 0, value))
  })
  const years = new Set([...analyzed.numbers].filter(isYear))
  const posted = date?.match(/\b(19|20)\d\d\b/)?.[0]
  if (posted) years.add(posted)
  return { analyzed, idf, author: author ? analyzeText(author) : null, years, media }
}

const MEDIA_WORDS = new Set(['photo', 'photograph', 'pictur', 'imag', 'video', 'footag', 'meme', 'clip'])

function isYear(n: string): boolean {
  return n.length === 4 && (n.startsWith('19') || n.startsWith('20'))
}

/** Typical content-word counts of a claim and a title, for BM25 length normalization without corpus statistics. */
const AVG_CLAIM = 12
const AVG_TITLE = 8

/** BM25 of the query's content stems against one field (binary term frequency: fields are short). */
function fieldBm25(query: QueryView, field: AnalyzedText, average: number): number {
  let score = 0
  for (const s of query.analyzed.stems) if (field.stems.has(s)) score += bm25TermScore(query.idf.get(s) ?? 0, 1, field.stems.size, average)
  return score
}

function idfShare(query: QueryView, target: ReadonlySet<string>, total: number): number {
  if (total === 0) return 0
  let hit = 0
  for (const s of query.analyzed.stems) if (target.has(s)) hit += query.idf.get(s) ?? 0
  return hit / total
}

/** The feature vector (FEATURE_NAMES order) of every candidate of one query. */
export function candidateFeatures(query: QueryView, candidates: readonly Candidate[]): number[][] {
  if (candidates.length === 0) return []
  const scores = candidates.map((c) => c.bm25)
  const max = Math.max(...scores)
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length
  const sd = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / scores.length) || 1
  let idfTotal = 0
  for (const s of query.analyzed.stems) idfTotal += query.idf.get(s) ?? 0
  // Scores are divided by the query's total IDF so they mean the same in a store of 50 fact-checks and of 1M:
  // raw BM25 grows with the store (IDF ~ log N), and a model trained on one size would misjudge the other.
  const norm = Math.max(idfTotal, 1e-6)
  const q = query.analyzed
  // Without a headline the claim stands in for it: CLEF records always have one, many ClaimReviews do not, and an
  // empty title would read as a mismatch.
  const analyzed = candidates.map((c) => {
    const claim = analyzeText(c.record.claim)
    return { claim, title: c.record.title ? analyzeText(c.record.title) : claim }
  })
  const textScores = analyzed.map(({ claim, title }) => fieldBm25(query, claim, AVG_CLAIM) + 0.6 * fieldBm25(query, title, AVG_TITLE))
  const textMax = Math.max(...textScores)
  return candidates.map((candidate, index) => {
    const { claim, title } = analyzed[index]!
    const both = new Set([...claim.stems, ...title.stems])
    const bothBigrams = new Set([...claim.bigrams, ...title.bigrams])
    const bothEntities = new Set([...claim.entities, ...title.entities])
    const bothNumbers = new Set([...claim.numbers, ...title.numbers])
    const shared = overlap(q.stems, both)
    const union = q.stems.size + both.size - shared
    const entityShared = overlap(q.entities, bothEntities)
    const numbersShared = overlap(q.numbers, bothNumbers)
    const candidateYears = [...bothNumbers].filter(isYear)
    const yearMatch = candidateYears.length === 0 || query.years.size === 0 ? 0 : candidateYears.some((y) => query.years.has(y)) ? 1 : -1
    let aboutMedia = 0
    for (const s of both) if (MEDIA_WORDS.has(s)) aboutMedia = 1
    const authorHit = query.author && query.author.stems.size > 0 ? overlap(query.author.stems, both) / query.author.stems.size : 0
    return [
      candidate.bm25 / norm,
      max > 0 ? candidate.bm25 / max : 0,
      (max - candidate.bm25) / norm,
      (candidate.bm25 - mean) / sd,
      1 / (candidate.rank + 1),
      fieldBm25(query, claim, AVG_CLAIM) / norm,
      fieldBm25(query, title, AVG_TITLE) / norm,
      textMax > 0 ? textScores[index]! / textMax : 0,
      idfShare(query, claim.stems, idfTotal),
      idfShare(query, title.stems, idfTotal),
      idfShare(query, both, idfTotal),
      claim.stems.size ? overlap(q.stems, claim.stems) / claim.stems.size : 0,
      title.stems.size ? overlap(q.stems, title.stems) / title.stems.size : 0,
      union ? shared / union : 0,
      bothBigrams.size ? overlap(q.bigrams, bothBigrams) / bothBigrams.size : 0,
      bothEntities.size ? entityShared / bothEntities.size : 0,
      bothEntities.size - entityShared > 0 ? Math.log1p(bothEntities.size - entityShared) : 0,
      Math.min(numbersShared, 3),
      bothNumbers.size > 0 && q.numbers.size > 0 && numbersShared === 0 ? 1 : 0,
      (q.negations > 0) !== (claim.negations > 0) ? 1 : 0,
      charCosine(q, claim),
      charCosine(q, title),
      authorHit,
      yearMatch,
      aboutMedia,
      query.media ? aboutMedia : 0,
      Math.log1p(both.size),
      Math.log1p(q.stems.size),
    ]
  })
}
