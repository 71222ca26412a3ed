// Stance evaluation: the FNC-1 score, per-class and macro F1 and the confusion matrix, for the model and its baseline.
import type { Stance } from '../../src/report/types.js'
import { confusionMatrix, macroF1, perClassScores, accuracy, type ClassScores } from '../ml/metrics.js'
import { argmax } from '../../src/ml/softmax.js'
import { multiclassLogLoss, topLabelCalibrationError } from '../ml/multiclass-calibration-metrics.js'
import { STANCES } from '../../src/analyzers/lateral-reading/stance/labels.js'
import { fncScore, type FncScore } from './fnc-score.js'
import { ensembleProbabilities, type StanceModelFile } from '../../src/analyzers/lateral-reading/stance/model.js'
import { createStanceFeaturizer } from '../../src/analyzers/lateral-reading/stance/featurizer.js'
import { idfTable } from '../../src/analyzers/lateral-reading/stance/idf.js'
import { baselineFeatureRows, checkBodies, stanceFeatureRows } from './dataset.js'
import type { StancePair } from './fnc-data.js'

export interface StanceMetrics {
  pairs: number
  fnc: FncScore
  accuracy: number
  perClass: Record<Stance, ClassScores>
  macroF1: number
  /** F1 of the rare, important class, as FNC-1 papers report it. */
  disagreeF1: number
  /** matrix[gold][predicted], rows and columns in `labels` order. */
  confusion: { labels: Stance[]; matrix: number[][] }
  /** Quality of the calibrated probabilities, when they were given: mean log-loss and top-label ECE (10 bins). */
  logLoss?: number
  calibrationError?: number
}

export interface StanceEvaluation {
  model: StanceMetrics
  baseline: StanceMetrics | null
  /** Pairs featurized and classified per CPU-second by the model (bodies profiled once each), on this machine. */
  pairsPerCpuSecond: number
}

/** Metrics of predicted against gold class indices (STANCES order); `probabilities` adds the calibration figures. */
export function stanceMetrics(gold: ArrayLike<number>, predicted: ArrayLike<number>, probabilities?: readonly number[][]): StanceMetrics {
  const classes = STANCES.length
  const scores = perClassScores(gold, predicted, classes)
  const perClass = Object.fromEntries(STANCES.map((stance, k) => [stance, scores[k]!])) as Record<Stance, ClassScores>
  return {
    pairs: gold.length,
    fnc: fncScore(gold, predicted),
    accuracy: accuracy(gold, predicted),
    perClass,
    macroF1: macroF1(gold, predicted, classes),
    disagreeF1: perClass.disagree.f1,
    confusion: { labels: [...STANCES], matrix: confusionMatrix(gold, predicted, classes) },
    ...(probabilities
      ? { logLoss: multiclassLogLoss(gold, probabilities), calibrationError: topLabelCalibrationError(gold, probabilities) }
      : {}),
  }
}

/** Scores the model (and its stored baseline) on labelled pairs; every pair's body id must be in `bodies`. */
export function evaluateStance(model: StanceModelFile, bodies: ReadonlyMap<string, string>, pairs: readonly StancePair[], source = 'stances'): StanceEvaluation {
  checkBodies(pairs, bodies, source)
  const gold = pairs.map((pair) => pair.label)
  const started = cpuSeconds()
  const rows = stanceFeatureRows(pairs, bodies, createStanceFeaturizer(idfTable(model.idf), bodies.size + 1))
  const probabilities = rows.map((x) => ensembleProbabilities(model.classifier, x))
  const seconds = cpuSeconds() - started
  let baseline: StanceMetrics | null = null
  if (model.baseline) {
    const ensemble = model.baseline
    const baselineProbabilities = baselineFeatureRows(pairs, bodies).map((x) => ensembleProbabilities(ensemble, x))
    baseline = stanceMetrics(gold, baselineProbabilities.map(argmax), baselineProbabilities)
  }
  return { model: stanceMetrics(gold, probabilities.map(argmax), probabilities), baseline, pairsPerCpuSecond: Math.round(pairs.length / Math.max(seconds, 1e-9)) }
}

/** A plain-text report of an evaluation, model first, then the baseline. */
export function formatStanceEvaluation(evaluation: StanceEvaluation): string {
  const lines: string[] = []
  const block = (name: string, m: StanceMetrics) => {
    lines.push(`${name}: FNC-1 score ${m.fnc.percent.toFixed(2)}% of max (${m.fnc.score.toFixed(2)} / ${m.fnc.max.toFixed(2)}), ` +
      `macro-F1 ${m.macroF1.toFixed(4)}, disagree F1 ${m.disagreeF1.toFixed(4)}, accuracy ${m.accuracy.toFixed(4)}, ${m.pairs} pairs`)
    if (m.logLoss !== undefined) lines.push(`  calibration: log-loss ${m.logLoss.toFixed(4)}, top-label ECE ${m.calibrationError!.toFixed(4)}`)
    lines.push(`  ${'class'.padEnd(10)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'F1'.padStart(7)} ${'support'.padStart(8)}`)
    for (const stance of STANCES) {
      const s = m.perClass[stance]
      lines.push(`  ${stance.padEnd(10)} ${s.precision.toFixed(4).padStart(9)} ${s.recall.toFixed(4).padStart(7)} ${s.f1.toFixed(4).padStart(7)} ${String(s.support).padStart(8)}`)
    }
    lines.push('  confusion matrix (rows: gold, columns: predicted)')
    lines.push(`  ${''.padEnd(10)}${STANCES.map((s) => s.padStart(10)).join('')}`)
    m.confusion.matrix.forEach((row, k) => lines.push(`  ${STANCES[k]!.padEnd(10)}${row.map((v) => String(v).padStart(10)).join('')}`))
  }
  block('model', evaluation.model)
  if (evaluation.baseline) {
    lines.push('')
    block('baseline (official FNC-1 baseline features, same learner)', evaluation.baseline)
    lines.push('')
    lines.push(`model − baseline: FNC-1 ${(evaluation.model.fnc.percent - evaluation.baseline.fnc.percent).toFixed(2)} points, ` +
      `macro-F1 ${(evaluation.model.macroF1 - evaluation.baseline.macroF1).toFixed(4)}`)
  }
  lines.push(`speed: ${evaluation.pairsPerCpuSecond} pairs per CPU-second (features + model, each body profiled once)`)
  return `${lines.join('\n')}\n`
}

function cpuSeconds(): number {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1e6
}
