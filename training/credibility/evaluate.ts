// Honest evaluation of the credibility model: pooled out-of-fold CV, train→test across corpora, leave-one-group-out.
import { groupKFold, stratifiedKFold, leaveOneGroupOut } from '../ml/cross-validation.js'
import { accuracy, macroF1, rocAuc } from '../ml/classification-metrics.js'
import { brierScore, expectedCalibrationError } from '../ml/probability-metrics.js'
import { fitCredibility, type FitOptions } from './fit.js'
import { scoreObservation, type Observation } from '../../src/analyzers/credibility/model.js'

export interface EvalMetrics {
  n: number
  /** Unreliable (label 1) rows. */
  positives: number
  accuracy: number
  macroF1: number
  rocAuc: number
  brier: number
  /** Expected calibration error, 10 equal-width bins of P(unreliable). */
  ece: number
}

/** The model and a majority-class baseline (predicts the training majority with the training base rate) on the same rows. */
export interface EvalResult {
  model: EvalMetrics
  baseline: EvalMetrics
  /** Cross-validation only: each row's out-of-fold P(unreliable), and the folds that gave them. */
  outOfFold?: { probabilities: number[]; folds: { train: number[]; test: number[] }[] }
}

/** Metrics for probabilities of label 1, deciding at 0.5. */
export function metricsFor(labels: readonly number[], probabilities: readonly number[]): EvalMetrics {
  const predicted = probabilities.map((p) => (p >= 0.5 ? 1 : 0))
  return {
    n: labels.length,
    positives: labels.reduce((a, b) => a + b, 0),
    accuracy: accuracy(labels, predicted),
    macroF1: macroF1(labels, predicted, 2),
    rocAuc: rocAuc(labels, probabilities),
    brier: brierScore(labels, probabilities),
    ece: expectedCalibrationError(labels, probabilities),
  }
}

/** Out-of-fold probabilities for each row, plus the baseline's (training base rate of each fold). */
function outOfFold(observations: readonly Observation[], labels: readonly number[], folds: { train: number[]; test: number[] }[], options: FitOptions, stories?: readonly string[]) {
  const model = new Array<number>(labels.length).fill(Number.NaN)
  const baseline = new Array<number>(labels.length).fill(Number.NaN)
  for (const fold of folds) {
    const trainLabels = fold.train.map((i) => labels[i])
    const fitted = fitCredibility(fold.train.map((i) => observations[i]), trainLabels, options, stories && fold.train.map((i) => stories[i]))
    const rate = trainLabels.reduce((a, b) => a + b, 0) / trainLabels.length
    for (const i of fold.test) {
      model[i] = scoreObservation(fitted, observations[i]).probability
      baseline[i] = rate
    }
  }
  return { model, baseline }
}

/**
 * k-fold cross-validation, metrics over the pooled out-of-fold predictions. With `groups`, whole groups (stories) stay
 * on one side (group k-fold); without, rows are split stratified by label (seeded). `stories` (default `groups`) is
 * passed to each fit for its calibration folds.
 */
export function crossValidate(
  observations: readonly Observation[], labels: readonly number[], k: number, options: FitOptions, groups?: readonly string[], stories = groups,
): EvalResult {
  const folds = groups ? groupKFold(groups, k) : stratifiedKFold(labels, k, options.seed ?? 1)
  const { model, baseline } = outOfFold(observations, labels, folds, options, stories)
  return { model: metricsFor(labels, model), baseline: metricsFor(labels, baseline), outOfFold: { probabilities: model, folds } }
}

/** Train on one set, test on another (e.g. FakeNewsAMT → Celebrity). */
export function trainTest(
  train: readonly Observation[], trainLabels: readonly number[],
  test: readonly Observation[], testLabels: readonly number[], options: FitOptions, trainStories?: readonly string[],
): EvalResult {
  const fitted = fitCredibility(train, trainLabels, options, trainStories)
  const rate = trainLabels.reduce((a, b) => a + b, 0) / trainLabels.length
  return {
    model: metricsFor(testLabels, test.map((o) => scoreObservation(fitted, o).probability)),
    baseline: metricsFor(testLabels, test.map(() => rate)),
  }
}

export interface GroupEval {
  /** Pooled over all held-out groups. */
  pooled: EvalResult
  perGroup: { group: string; result: EvalResult }[]
}

/** Leave-one-group-out (e.g. per FakeNewsAMT domain): train on the other groups, test on the held-out one. */
export function leaveOneGroupOutEval(
  observations: readonly Observation[], labels: readonly number[], groups: readonly string[], options: FitOptions, stories?: readonly string[],
): GroupEval {
  const folds = leaveOneGroupOut(groups)
  const { model, baseline } = outOfFold(observations, labels, folds, options, stories)
  const perGroup = folds.map((fold) => {
    const y = fold.test.map((i) => labels[i])
    return {
      group: fold.groups![0],
      result: { model: metricsFor(y, fold.test.map((i) => model[i])), baseline: metricsFor(y, fold.test.map((i) => baseline[i])) },
    }
  })
  return { pooled: { model: metricsFor(labels, model), baseline: metricsFor(labels, baseline) }, perGroup }
}
