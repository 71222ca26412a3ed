import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  trainGradientBoosting, predictGradientBoosting, gradientBoostingMargins, compileGradientBoosting, gradientBoostingFromJSON, splitCounts,
} from './gradient-boosting.js'
import { createRng } from './rng.js'
import { argmax } from './softmax.js'
import { isFactsiftError } from '../errors.js'

/** Three classes by the sign of x0 and x1 (x2 is noise): needs an interaction, which depth-2 trees can express. */
function dataset(n: number, seed: number) {
  const rng = createRng(seed)
  const rows: number[][] = []
  const labels: number[] = []
  for (let i = 0; i < n; i++) {
    const x = [rng() * 2 - 1, rng() * 2 - 1, rng()]
    rows.push(x)
    labels.push(x[0]! < 0 ? 0 : x[1]! < 0 ? 1 : 2)
  }
  return { rows, labels }
}

test('learns a three-class problem with an interaction and generalizes', () => {
  const train = dataset(600, 1)
  const test_ = dataset(300, 2)
  const model = trainGradientBoosting(train.rows, train.labels, { rounds: 60, maxDepth: 2, learningRate: 0.3 })
  const accuracy = test_.rows.filter((x, i) => argmax(predictGradientBoosting(model, x)) === test_.labels[i]).length / test_.rows.length
  assert.ok(accuracy > 0.95, `accuracy ${accuracy}`)
  const p = predictGradientBoosting(model, [0.5, 0.5, 0.5])
  assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-12)
  const counts = splitCounts(model)
  assert.ok(counts[0]! > counts[2]! && counts[1]! > counts[2]!, `the noise feature is split on least: ${counts}`)
})

test('same data and seed give the same trees; subsampling uses the seed', () => {
  const { rows, labels } = dataset(300, 3)
  const options = { rounds: 10, subsample: 0.7, colsample: 0.67, seed: 5 }
  assert.deepEqual(trainGradientBoosting(rows, labels, options), trainGradientBoosting(rows, labels, options))
  assert.notDeepEqual(trainGradientBoosting(rows, labels, options), trainGradientBoosting(rows, labels, { ...options, seed: 6 }))
})

test('early stopping keeps the best validation round; class weights shift predictions', () => {
  const { rows, labels } = dataset(300, 4)
  const valid = dataset(200, 5)
  let rounds = 0
  const model = trainGradientBoosting(rows, labels, {
    rounds: 400, learningRate: 0.5, validation: valid, earlyStoppingRounds: 5, onRound: () => rounds++,
  })
  assert.ok(rounds < 400, 'stopped early')
  assert.equal(model.trees.length % 3, 0)
  assert.ok(model.trees.length / 3 <= rounds)
  const heavy = trainGradientBoosting(rows, labels, { rounds: 20, classWeights: [10, 1, 1] })
  const plain = trainGradientBoosting(rows, labels, { rounds: 20 })
  const x = [0.01, 0.5, 0.5]
  assert.ok(predictGradientBoosting(heavy, x)[0]! > predictGradientBoosting(plain, x)[0]!)
})

test('compiled prediction equals tree walking, and JSON round-trips through validation', () => {
  const { rows, labels } = dataset(200, 6)
  const model = trainGradientBoosting(rows, labels, { rounds: 15, maxDepth: 3 })
  const compiled = compileGradientBoosting(model)
  for (const x of rows.slice(0, 50)) assert.deepEqual(Array.from(compiled(x)), Array.from(gradientBoostingMargins(model, x)))
  assert.deepEqual(gradientBoostingFromJSON(JSON.parse(JSON.stringify(model))), model)
  const broken = JSON.parse(JSON.stringify(model))
  broken.trees[0].left[0] = 0
  assert.throws(() => gradientBoostingFromJSON(broken), (e) => isFactsiftError(e) && e.code === 'E_MODEL_INVALID')
  assert.throws(() => trainGradientBoosting([[1], [2]], [0]), (e) => isFactsiftError(e) && e.code === 'E_BAD_ARGUMENT')
})
