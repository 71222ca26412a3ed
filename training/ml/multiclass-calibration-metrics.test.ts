import { test } from 'node:test'
import assert from 'node:assert/strict'
import { multiclassLogLoss, topLabelCalibrationError } from './multiclass-calibration-metrics.js'

test('log-loss by hand', () => {
  assert.ok(Math.abs(multiclassLogLoss([0, 1], [[0.5, 0.5], [0.2, 0.8]]) - (Math.log(2) - Math.log(0.8)) / 2) < 1e-12)
  assert.equal(multiclassLogLoss([], []), 0)
})

test('top-label ECE by hand: confidence 0.9 right 2 of 2 (gap 0.1 each), confidence 0.6 right 1 of 2 (gap 0.1 each)', () => {
  const p = [[0.9, 0.1], [0.1, 0.9], [0.6, 0.4], [0.6, 0.4]]
  assert.ok(Math.abs(topLabelCalibrationError([0, 1, 0, 1], p) - 0.1) < 1e-12)
  assert.equal(topLabelCalibrationError([0, 0], [[1, 0], [1, 0]]), 0)
})
