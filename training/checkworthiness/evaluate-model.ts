// Evaluates a check-worthiness scorer on a folder of CLEF transcripts (and optionally news passages), with the baseline.
import type { AnnotatedDocument, Document } from '../../src/document/types.js'
import { readTranscripts } from './clef-data.js'
import { annotateTranscript } from './transcript-document.js'
import { lengthBaselineScores, rankingFigures, type RankingFigures } from './evaluate.js'
import { evaluateNews, type NewsFigures } from './news-eval.js'
import { readNewsPassages } from './news-passages.js'
import type { CheckworthinessScorer } from '../../src/analyzers/checkworthiness/scorer.js'

export interface CheckworthinessEvaluation {
  data: string
  transcripts: number
  sentences: number
  positives: number
  /** The debate score alone (what the CLEF task measures). */
  model: RankingFigures
  /** Debate score + news rules, the ranking articles get. */
  modelWithNewsRules: RankingFigures
  /** Longer sentences first, measured in the same run. */
  baseline: RankingFigures
  news?: NewsFigures
}

/** Scores every transcript in `dir` (TSV files) and, when `newsDir` is given, the news passages there. */
export function evaluateCheckworthiness(
  scorer: CheckworthinessScorer,
  annotate: (doc: Document) => AnnotatedDocument,
  dir: string,
  newsDir?: string,
): CheckworthinessEvaluation {
  const transcripts = readTranscripts(dir)
  const model = []
  const combined = []
  const baseline = []
  let sentences = 0
  let positives = 0
  for (const transcript of transcripts) {
    const t = annotateTranscript(transcript, annotate)
    const scores = scorer.scoreUnits(t.doc, t.units)
    model.push({ name: t.name, scores: scores.raw, labels: t.labels })
    combined.push({ name: t.name, scores: scores.combined, labels: t.labels })
    baseline.push({ name: t.name, scores: lengthBaselineScores(transcript.lines.map((l) => l.text)), labels: t.labels })
    sentences += t.labels.length
    positives += t.labels.reduce((a: number, b) => a + b, 0)
  }
  return {
    data: dir,
    transcripts: transcripts.length,
    sentences,
    positives,
    model: rankingFigures(model),
    modelWithNewsRules: rankingFigures(combined),
    baseline: rankingFigures(baseline),
    ...(newsDir ? { news: evaluateNews(scorer, annotate, readNewsPassages(newsDir)) } : {}),
  }
}
