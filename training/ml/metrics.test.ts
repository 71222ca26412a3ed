import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  accuracy, averagePrecision, brierScore, confusionMatrix, expectedCalibrationError, logLoss, macroF1, mapAtK,
  meanAveragePrecision, meanReciprocalRank, perClassScores, precisionAtK, rankByScore, reciprocalRank, reliabilityBins,
  rocAuc, rPrecision,
} from './metrics.js'

const close = (a: number, b: number, eps = 1e-9) => assert.ok(Math.abs(a - b) < eps, `${a} ≉ ${b}`)

test('average precision: hits at ranks 1 and 3 → (1 + 2/3) / 2', () => {
  close(averagePrecision([1, 0, 1, 0]), (1 + 2 / 3) / 2)
  close(averagePrecision([true, false, true]), (1 + 2 / 3) / 2)
  close(averagePrecision([1, 0, 1, 0], { totalRelevant: 3 }), (1 + 2 / 3) / 3) // one relevant item never retrieved
  close(averagePrecision([1, 0, 1], { k: 2 }), 1 / 2) // AP@2 still divides by both relevant items
  assert.equal(averagePrecision([0, 0]), 0)
})

test('MAP and MAP@k (CLEF 2020 Task 2: one relevant claim per tweet)', () => {
  close(meanAveragePrecision([[1, 0, 1, 0], [0, 1]]), ((1 + 2 / 3) / 2 + 1 / 2) / 2)
  close(mapAtK([{ relevance: [0, 1, 0], totalRelevant: 1 }, { relevance: [0, 0, 0, 0, 0, 1], totalRelevant: 1 }], 5), 0.25)
  close(meanAveragePrecision([{ relevance: [1], totalRelevant: 2 }]), 0.5)
  assert.equal(meanAveragePrecision([]), 0)
})

test('P@k, R-precision, reciprocal rank, MRR', () => {
  close(precisionAtK([1, 0, 1, 0], 3), 2 / 3)
  close(precisionAtK([1, 0, 1, 0], 10), 0.2) // missing places count as misses
  close(rPrecision([1, 0, 1, 0]), 0.5)
  close(rPrecision([1, 0, 1, 0], 3), 2 / 3)
  close(reciprocalRank([0, 0, 1]), 1 / 3)
  assert.equal(reciprocalRank([0, 0, 1], 2), 0)
  close(meanReciprocalRank([[0, 0, 1], [1]]), 2 / 3)
  assert.deepEqual(rankByScore([0.2, 0.9, 0.2, 0.5]), [1, 3, 0, 2])
})

test('accuracy, confusion matrix, per-class P/R/F1 and macro-F1', () => {
  const truth = [0, 1, 1, 0]
  const pred = [0, 1, 0, 0]
  close(accuracy(truth, pred), 0.75)
  assert.deepEqual(confusionMatrix(truth, pred), [[2, 0], [1, 1]])
  const [c0, c1] = perClassScores(truth, pred)
  close(c0.precision, 2 / 3); close(c0.recall, 1); close(c0.f1, 0.8); assert.equal(c0.support, 2)
  close(c1.precision, 1); close(c1.recall, 0.5); close(c1.f1, 2 / 3)
  close(macroF1(truth, pred), (0.8 + 2 / 3) / 2)
  // A class never predicted nor seen still counts when `classes` says so.
  close(macroF1([0, 0], [0, 0], 2), 0.5)
})

test('ROC AUC: the scikit-learn example gives 0.75; ties count one half', () => {
  close(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 0.75)
  close(rocAuc([0, 1], [0.5, 0.5]), 0.5)
  close(rocAuc([0, 0, 1, 1], [0.2, 0.5, 0.5, 0.9]), 0.875)
  assert.ok(Number.isNaN(rocAuc([1, 1], [0.2, 0.3])))
})

test('Brier score and log loss', () => {
  close(brierScore([1, 0], [0.8, 0.3]), (0.04 + 0.09) / 2)
  close(logLoss([1, 0], [0.8, 0.3]), -(Math.log(0.8) + Math.log(0.7)) / 2)
})

test('ECE over 10 equal-width bins of P(label = 1)', () => {
  // bin 0: p .05, y 1 → .95; bin 1: p .15, y 0 → .15; bin 9: p .95 and 1.0, y 1 → |.975 − 1| = .025 (two rows)
  close(expectedCalibrationError([1, 0, 1, 1], [0.05, 0.15, 0.95, 1.0]), (0.95 + 0.15 + 2 * 0.025) / 4)
  close(expectedCalibrationError([0, 1], [0.5, 0.5]), 0)
  const bins = reliabilityBins([1, 0, 1, 1], [0.05, 0.15, 0.95, 1.0])
  assert.equal(bins.length, 10)
  assert.equal(bins[9].count, 2)
  close(expectedCalibrationError([1, 0], [0.3, 0.3], 2), 0.2) // 5 bins vs 2 bins changes nothing here: one bin
})
