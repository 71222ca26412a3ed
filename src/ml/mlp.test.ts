import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mlpFromJSON, mlpToJSON, predictMlp, trainMlp, type MlpModel } from './mlp.js'

const close = (a: number, b: number, eps = 1e-4) => assert.ok(Math.abs(a - b) < eps, `${a} ≉ ${b}`)

test('forward pass matches a hand computation', () => {
  // h = relu([x0, x1 − 1]) = [2, 2]; z = [h0 + h1, 0] = [4, 0]; p0 = e⁴ / (e⁴ + 1)
  const model: MlpModel = { inputDims: 2, hidden: 2, classes: 2, w1: [1, 0, 0, 1], b1: [0, -1], w2: [1, 1, 0, 0], b2: [0, 0] }
  const p = predictMlp(model, [2, 3])
  close(p[0], Math.exp(4) / (Math.exp(4) + 1), 1e-9)
  // A negative pre-activation is cut by the ReLU: h = [0, 0] → z = [0, 0] → 0.5.
  close(predictMlp(model, [-1, 0])[0], 0.5, 1e-9)
})

test('learns XOR, deterministically for a seed', () => {
  const x = [[0, 0], [0, 1], [1, 0], [1, 1]]
  const y = [0, 1, 1, 0]
  const options = { hidden: 8, epochs: 600, batchSize: 4, learningRate: 0.05, validationFraction: 0, seed: 5 }
  const { model } = trainMlp(x, y, options)
  x.forEach((row, i) => assert.equal(predictMlp(model, row)[y[i]] > 0.5, true, `row ${i}`))
  assert.deepEqual(trainMlp(x, y, options).model, model)
})

test('early stopping keeps the best validation epoch and stops after patience', () => {
  const x: number[][] = []
  const y: number[] = []
  // Labels unrelated to the features: the validation loss soon stops improving.
  for (let i = 0; i < 60; i++) {
    x.push([(i * 7) % 5, (i * 3) % 7])
    y.push((i * 13) % 3 === 0 ? 1 : 0)
  }
  const result = trainMlp(x, y, { hidden: 16, epochs: 500, learningRate: 0.05, validationFraction: 0.2, patience: 5, seed: 2, dropout: 0.2 })
  assert.ok(result.history.length < 500)
  const best = Math.min(...result.history.map((h) => h.validationLoss!))
  close(result.history[result.bestEpoch - 1].validationLoss!, best, 1e-12)
})

test('JSON rounding keeps limited precision; malformed JSON is rejected', () => {
  const model: MlpModel = { inputDims: 1, hidden: 1, classes: 2, w1: [0.123456789], b1: [0], w2: [1.987654321, 0], b2: [0, 0] }
  const json = mlpToJSON(model, 3)
  assert.deepEqual(json.w1, [0.123])
  assert.deepEqual(json.w2, [1.99, 0])
  assert.deepEqual(mlpFromJSON(JSON.parse(JSON.stringify(json))), json)
  assert.throws(() => mlpFromJSON({ ...json, b2: [0] }), { code: 'E_MODEL_INVALID' })
})
