import { test } from 'node:test'
import assert from 'node:assert/strict'
import { credibilityModelFromJSON, riskLabel, scoreObservation, type CredibilityModel } from './model.js'

const close = (a: number, b: number, eps = 1e-9) => assert.ok(Math.abs(a - b) < eps, `${a} ≉ ${b}`)

/** Two features, hand-made: a warning sign (reference 0) and a style feature (reference = mean). */
export function tinyModel(): CredibilityModel {
  return {
    id: 'credibility', version: 1, createdAt: '2026-11-24T00:00:00.000Z', trainedOn: 'hand-made', metrics: {},
    features: ['warning', 'style'],
    standardizer: { mean: [1, 10], scale: [2, 5] },
    reference: [0, 10],
    weights: [0.5, -1],
    bias: 0.25,
    ngrams: null,
    calibration: { kind: 'platt', a: 2, b: -0.5 },
    thresholds: { medium: 0.4, high: 0.7 },
    satire: 'unreliable',
  }
}

test('score = calibration(bias + Σ w·(x − mean)/scale); contributions are measured from the reference', () => {
  const s = scoreObservation(tinyModel(), { values: [3, 15], words: [] })
  // log-odds 0.25 + 0.5·(3 − 1)/2 − 1·(15 − 10)/5 = −0.25; calibrated σ(2·(−0.25) − 0.5) = σ(−1)
  close(s.logOdds, -0.25)
  close(s.probability, 1 / (1 + Math.E))
  assert.deepEqual(s.contributions.map((c) => c.logOdds), [0.75, -1]) // warning measured from 0: 0.5·3/2
  assert.equal(s.wordingLogOdds, 0)
})

test('an unknown value is imputed with the mean and contributes nothing', () => {
  const s = scoreObservation(tinyModel(), { values: [Number.NaN, 10], words: [] })
  close(s.logOdds, 0.25)
  assert.deepEqual(s.contributions.map((c) => c.logOdds), [0, 0])
})

test('n-gram weights add a wording term', () => {
  const model = { ...tinyModel(), ngrams: { dims: 8, scale: 2, indices: [0, 1, 2, 3, 4, 5, 6, 7], weights: [1, 1, 1, 1, 1, 1, 1, 1] } }
  const s = scoreObservation(model, { values: [1, 10], words: ['word'] })
  // one unigram, unit length, signed: ±1 · scale 2 · weight 1
  close(Math.abs(s.wordingLogOdds), 2)
})

test('labels follow the thresholds', () => {
  const m = tinyModel()
  assert.equal(riskLabel(m, 0.39), 'low')
  assert.equal(riskLabel(m, 0.4), 'medium')
  assert.equal(riskLabel(m, 0.7), 'high')
})

test('model JSON is checked against the code’s feature list and its own shape', () => {
  const good = tinyModel()
  assert.equal(credibilityModelFromJSON(good, ['warning', 'style']), good)
  assert.throws(() => credibilityModelFromJSON(good, ['style', 'warning']), /do not match/)
  assert.throws(() => credibilityModelFromJSON({ ...good, weights: [1] }, ['warning', 'style']), { code: 'E_MODEL_INVALID' })
  assert.throws(() => credibilityModelFromJSON({ ...good, thresholds: { medium: 0.8, high: 0.7 } }, ['warning', 'style']), /thresholds/)
  assert.throws(() => credibilityModelFromJSON({ ...good, ngrams: { dims: 4, scale: 1, indices: [2, 1], weights: [1, 1] } }, ['warning', 'style']), /increasing/)
  assert.throws(() => credibilityModelFromJSON({ ...good, calibration: { kind: 'magic' } }, ['warning', 'style']), { code: 'E_MODEL_INVALID' })
  const ngrams = { dims: 4, scale: 1, indices: [1, 2], weights: [1, 1] }
  assert.equal(credibilityModelFromJSON({ ...good, ngrams: { ...ngrams, skeleton: { weight: 1 } } }, ['warning', 'style']).ngrams?.skeleton?.weight, 1)
  assert.throws(() => credibilityModelFromJSON({ ...good, ngrams: { ...ngrams, skeleton: { weight: 'heavy' } } } as never, ['warning', 'style']), /skeleton/)
})
