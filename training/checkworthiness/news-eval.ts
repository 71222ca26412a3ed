// Transfer to news: precision@3 on our passages for the debate model alone, the rules alone, and the two combined.
import type { AnnotatedDocument, Document } from '../../src/document/types.js'
import { brierScore, expectedCalibrationError } from '../ml/probability-metrics.js'
import { applyCalibration } from '../../src/ml/calibration.js'
import { meanPrecisionAtK, passageDocument, sentenceLabels, type NewsPassage } from './news-passages.js'
import type { CheckworthinessScorer } from '../../src/analyzers/checkworthiness/scorer.js'
import { lengthBaselineScores } from './evaluate.js'

export interface NewsFigures {
  passages: number
  sentences: number
  goldSentences: number
  /** Mean precision@3 per ranking. */
  precisionAt3: { model: number; rules: number; combined: number; baseline: number }
  /** Calibration of the shipped probability (with the news prior shift) and of the debate calibration alone. */
  calibration: { brier: number; ece: number; brierWithoutShift: number; eceWithoutShift: number; meanProbability: number }
}

/** Scores every passage's sentences and compares the rankings against the gold sentences. */
export function evaluateNews(
  scorer: CheckworthinessScorer,
  annotate: (doc: Document) => AnnotatedDocument,
  passages: readonly NewsPassage[],
): NewsFigures {
  const rows = { model: [], rules: [], combined: [], baseline: [] } as Record<string, { scores: ArrayLike<number>; labels: number[] }[]>
  const labels: number[] = []
  const shipped: number[] = []
  const unshifted: number[] = []
  for (const passage of passages) {
    const doc = annotate(passageDocument(passage))
    const units = doc.sentences
    const gold = sentenceLabels(units, passage.gold)
    const scores = scorer.scoreUnits(doc, units)
    rows.model.push({ scores: scores.raw, labels: gold })
    rows.rules.push({ scores: scores.rules, labels: gold })
    rows.combined.push({ scores: scores.combined, labels: gold })
    rows.baseline.push({ scores: lengthBaselineScores(units.map((s) => doc.text.slice(s.start, s.end))), labels: gold })
    labels.push(...gold)
    shipped.push(...scores.probability)
    scores.combined.forEach((z) => unshifted.push(applyCalibration(scorer.model.calibration, z)))
  }
  const p3 = (key: string) => meanPrecisionAtK(rows[key], 3)
  return {
    passages: passages.length,
    sentences: labels.length,
    goldSentences: labels.reduce((a, b) => a + b, 0),
    precisionAt3: { model: p3('model'), rules: p3('rules'), combined: p3('combined'), baseline: p3('baseline') },
    calibration: {
      brier: brierScore(labels, shipped),
      ece: expectedCalibrationError(labels, shipped),
      brierWithoutShift: brierScore(labels, unshifted),
      eceWithoutShift: expectedCalibrationError(labels, unshifted),
      meanProbability: shipped.reduce((a, b) => a + b, 0) / Math.max(1, shipped.length),
    },
  }
}
