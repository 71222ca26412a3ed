import { test } from 'node:test'
import assert from 'node:assert/strict'
import { argmax, predictSoftmax, softmaxFromJSON, trainSoftmax } from './softmax.js'

const close = (a: number, b: number, eps = 1e-4) => assert.ok(Math.abs(a - b) < eps, `${a} ≉ ${b}`)

test('biases alone reproduce the class frequencies 2:1:1', () => {
  const model = trainSoftmax([[0], [0], [0], [0]], [0, 0, 1, 2], { l2: 1 })
  const p = predictSoftmax(model, [0])
  ;[0.5, 0.25, 0.25].forEach((v, k) => close(p[k], v))
})

test('one-hot groups, nearly unregularised: probabilities equal the per-group class shares', () => {
  // group A: classes 0,0,0,1 ; group B: classes 2,2,1,1
  const x = [[1, 0], [1, 0], [1, 0], [1, 0], [0, 1], [0, 1], [0, 1], [0, 1]]
  const y = [0, 0, 0, 1, 2, 2, 1, 1]
  const model = trainSoftmax(x, y, { l2: 1e-9, gradientTolerance: 1e-10, maxIterations: 1000 })
  const a = predictSoftmax(model, [1, 0])
  const b = predictSoftmax(model, [0, 1])
  ;[0.75, 0.25, 0].forEach((v, k) => close(a[k], v, 2e-3))
  ;[0, 0.5, 0.5].forEach((v, k) => close(b[k], v, 2e-3))
  assert.equal(argmax(a), 0)
  close(a.reduce((s, v) => s + v, 0), 1, 1e-9)
})

test('labels are kept and JSON is validated', () => {
  const model = trainSoftmax([[1], [0]], [1, 0], { labels: ['no', 'yes'] })
  assert.deepEqual(softmaxFromJSON(JSON.parse(JSON.stringify(model))).labels, ['no', 'yes'])
  assert.throws(() => softmaxFromJSON({ dims: 1, classes: 2, weights: [1], biases: [0, 0] }), { code: 'E_MODEL_INVALID' })
  assert.throws(() => trainSoftmax([[1]], [-1]), { code: 'E_BAD_ARGUMENT' })
})
