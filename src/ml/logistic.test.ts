import { test } from 'node:test'
import assert from 'node:assert/strict'
import { logisticDecision, logisticFromJSON, predictProba, trainLogistic } from './logistic.js'
import { sparseFromPairs } from './sparse-vector.js'

const close = (a: number, b: number, eps = 1e-4) => assert.ok(Math.abs(a - b) < eps, `${a} ≉ ${b}`)

test('with no informative feature the bias is the log-odds of the base rate: 3 of 4 → ln 3', () => {
  const model = trainLogistic([[0], [0], [0], [0]], [1, 1, 1, 0], { l2: 1 })
  close(model.bias, Math.log(3))
  close(predictProba(model, [0]), 0.75)
})

test("balanced class weights move that bias to 0 (each class weighs the same)", () => {
  const model = trainLogistic([[0], [0], [0], [0]], [1, 1, 1, 0], { classWeights: 'balanced' })
  close(predictProba(model, [0]), 0.5)
})

test('a binary feature, unregularised: P matches the per-group rates 1/4 and 3/4, w = 2 ln 3', () => {
  const x = [[0], [0], [0], [0], [1], [1], [1], [1]]
  const y = [1, 0, 0, 0, 1, 1, 1, 0]
  const model = trainLogistic(x, y, { l2: 0, gradientTolerance: 1e-10 })
  close(predictProba(model, [0]), 0.25)
  close(predictProba(model, [1]), 0.75)
  close(model.weights[0], 2 * Math.log(3), 1e-3)
  close(logisticDecision(model, [1]), Math.log(3), 1e-3)
})

test('sparse and dense inputs give the same model; L2 shrinks the weight', () => {
  const dense = [[1, 0, 2], [0, 1, 0], [1, 1, 0], [0, 0, 1], [2, 0, 0], [0, 2, 1]]
  const sparse = dense.map((row) => sparseFromPairs(row.flatMap((v, i) => (v ? [[i, v] as const] : []))))
  const y = [1, 0, 1, 0, 1, 0]
  const a = trainLogistic(dense, y, { l2: 0.1 })
  const b = trainLogistic(sparse, y, { l2: 0.1, dims: 3 })
  a.weights.forEach((w, i) => close(w, b.weights[i], 1e-5))
  close(a.bias, b.bias, 1e-5)
  const strong = trainLogistic(dense, y, { l2: 10 })
  assert.ok(Math.abs(strong.weights[0]) < Math.abs(a.weights[0]))
})

test('an informative prior keeps an uninformative weight at its prior mean', () => {
  // The feature is identical for both classes, so the data says nothing about its weight.
  const x = [[1], [1], [1], [1]]
  const y = [1, 0, 1, 0]
  close(trainLogistic(x, y, { l2: 0.1 }).weights[0], 0)
  const withPrior = trainLogistic(x, y, { l2: 0.1, priorMean: [0.5] })
  close(withPrior.weights[0], 0.5)
  close(predictProba(withPrior, [1]), 0.5) // the bias absorbs it
  assert.throws(() => trainLogistic(x, y, { priorMean: [1, 2] }), { code: 'E_BAD_ARGUMENT' })
})

test('offsets are held fixed: the bias learns only what they leave (3 of 4 positive, offset ln 3 → bias 0)', () => {
  const model = trainLogistic([[0], [0], [0], [0]], [1, 1, 1, 0], { offsets: [Math.log(3), Math.log(3), Math.log(3), Math.log(3)] })
  close(model.bias, 0)
  assert.throws(() => trainLogistic([[0]], [1], { offsets: [1, 2] }), { code: 'E_BAD_ARGUMENT' })
})

test('bad input and bad JSON are rejected with codes', () => {
  assert.throws(() => trainLogistic([[1]], [2]), { code: 'E_BAD_ARGUMENT' })
  assert.throws(() => trainLogistic([[1], [2]], [1]), { code: 'E_BAD_ARGUMENT' })
  assert.deepEqual(logisticFromJSON({ dims: 2, weights: [1, 2], bias: 0 }), { dims: 2, weights: [1, 2], bias: 0 })
  assert.throws(() => logisticFromJSON({ dims: 3, weights: [1, 2], bias: 0 }), { code: 'E_MODEL_INVALID' })
})
