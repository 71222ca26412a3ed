// CLEF CheckThat! 2019 Task 1 figures: per-transcript ranking metrics averaged over transcripts, as the official scorer does.
import { averagePrecision, precisionAtK, rankByScore, rPrecision } from '../ml/ranking-metrics.js'

/** Cut-offs the CLEF 2019 scorer prints. */
export const CUTOFFS = [1, 3, 5, 10, 20, 50] as const

/** One transcript's scores (any scale; higher = more check-worthy) with gold labels in line order. */
export interface ScoredTranscript {
  name: string
  scores: ArrayLike<number>
  labels: ArrayLike<number>
}

export interface TranscriptFigures {
  name: string
  sentences: number
  positives: number
  averagePrecision: number
  rPrecision: number
  precisionAt: Record<string, number>
}

/** Macro averages over transcripts (MAP is the mean of per-transcript average precision). */
export interface RankingFigures {
  map: number
  rPrecision: number
  precisionAt: Record<string, number>
  transcripts: TranscriptFigures[]
}

/** Ranks each transcript by score (ties keep line order) and computes AP, R-precision and P@k. */
export function transcriptFigures(t: ScoredTranscript): TranscriptFigures {
  const order = rankByScore(t.scores)
  const relevance = order.map((i) => t.labels[i])
  let positives = 0
  for (let i = 0; i < t.labels.length; i++) positives += t.labels[i] === 1 ? 1 : 0
  const precisionAt: Record<string, number> = {}
  for (const k of CUTOFFS) precisionAt[k] = precisionAtK(relevance, k)
  return {
    name: t.name,
    sentences: t.labels.length,
    positives,
    averagePrecision: averagePrecision(relevance),
    rPrecision: rPrecision(relevance),
    precisionAt,
  }
}

/** Figures per transcript and their means; an empty list gives zeros. */
export function rankingFigures(transcripts: readonly ScoredTranscript[]): RankingFigures {
  const per = transcripts.map(transcriptFigures)
  const mean = (f: (x: TranscriptFigures) => number) => (per.length ? per.reduce((s, x) => s + f(x), 0) / per.length : 0)
  const precisionAt: Record<string, number> = {}
  for (const k of CUTOFFS) precisionAt[k] = mean((x) => x.precisionAt[k])
  return { map: mean((x) => x.averagePrecision), rPrecision: mean((x) => x.rPrecision), precisionAt, transcripts: per }
}

/** The trivial baseline: longer sentences first (word count). */
export function lengthBaselineScores(sentences: readonly string[]): number[] {
  return sentences.map((s) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length)
}

/** Compact summary with rounded numbers, for printing and model cards. */
export function summarize(f: RankingFigures, digits = 4): { map: number; rPrecision: number; precisionAt: Record<string, number> } {
  const r = (x: number) => Number(x.toFixed(digits))
  return {
    map: r(f.map),
    rPrecision: r(f.rPrecision),
    precisionAt: Object.fromEntries(Object.entries(f.precisionAt).map(([k, v]) => [k, r(v)])),
  }
}
