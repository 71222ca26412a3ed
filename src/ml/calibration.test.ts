import { test } from 'node:test'
import assert from 'node:assert/strict'
import { applyCalibration, applyIsotonic, applyPlatt, calibratorFromJSON, fitIsotonic, fitPlatt } from './calibration.js'

const close = (a: number, b: number, eps = 1e-4) => assert.ok(Math.abs(a - b) < eps, `${a} ≉ ${b}`)

test('Platt without target smoothing recovers the rates 1/4 at score 0 and 3/4 at score 1', () => {
  const scores = [0, 0, 0, 0, 1, 1, 1, 1]
  const labels = [1, 0, 0, 0, 1, 1, 1, 0]
  const c = fitPlatt(scores, labels, { smoothTargets: false })
  close(c.a, 2 * Math.log(3))
  close(c.b, -Math.log(3))
  close(applyPlatt(c, 0), 0.25)
  close(applyCalibration(c, 1), 0.75)
})

test('Platt with smoothed targets is pulled toward 1/2 but keeps the order', () => {
  const c = fitPlatt([0, 0, 0, 0, 1, 1, 1, 1], [1, 0, 0, 0, 1, 1, 1, 0])
  const low = applyPlatt(c, 0)
  const high = applyPlatt(c, 1)
  assert.ok(low > 0.25 && low < 0.5 && high < 0.75 && high > 0.5)
})

test('Platt on separable scores stays finite', () => {
  const c = fitPlatt([-2, -1, 1, 2], [0, 0, 1, 1])
  assert.ok(Number.isFinite(c.a) && Number.isFinite(c.b) && c.a > 0)
})

test('isotonic (PAV) pools the violating pair: [0, 1, 0, 1, 1] → 0, ½, ½, 1, 1', () => {
  const c = fitIsotonic([1, 2, 3, 4, 5], [0, 1, 0, 1, 1])
  assert.deepEqual(c, { kind: 'isotonic', x: [1, 2, 3, 4, 5], y: [0, 0.5, 0.5, 1, 1] })
  assert.equal(applyIsotonic(c, 2.5), 0.5)
  assert.equal(applyIsotonic(c, 1.5), 0.25) // linear between knots
  assert.equal(applyIsotonic(c, -3), 0)
  assert.equal(applyIsotonic(c, 9), 1)
})

test('isotonic pools tied scores before fitting; the output never decreases', () => {
  assert.deepEqual(fitIsotonic([1, 1, 2], [0, 1, 1]), { kind: 'isotonic', x: [1, 2], y: [0.5, 1] })
  const scores = [0.9, 0.1, 0.4, 0.35, 0.8, 0.7, 0.2, 0.6]
  const labels = [1, 0, 1, 0, 0, 1, 0, 1]
  const c = fitIsotonic(scores, labels)
  for (let i = 1; i < c.y.length; i++) assert.ok(c.y[i] >= c.y[i - 1])
})

test('calibrators round-trip through JSON and bad ones are rejected', () => {
  const p = fitPlatt([0, 1], [0, 1])
  assert.deepEqual(calibratorFromJSON(JSON.parse(JSON.stringify(p))), p)
  assert.throws(() => calibratorFromJSON({ kind: 'isotonic', x: [2, 1], y: [0, 1] }), { code: 'E_MODEL_INVALID' })
  assert.throws(() => calibratorFromJSON({ kind: 'platt', a: 1 }), { code: 'E_MODEL_INVALID' })
  assert.throws(() => fitPlatt([], []), { code: 'E_BAD_ARGUMENT' })
})
