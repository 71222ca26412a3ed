import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRng } from '../../src/ml/rng.js'
import { fitCredibility } from './fit.js'
import { scoreObservation, type Observation } from '../../src/analyzers/credibility/model.js'

// Synthetic rows: feature 0 predicts the label, feature 1 is noise that leans the wrong way, feature 2 never observed.
function rows(n = 120): { observations: Observation[]; labels: number[] } {
  const rng = createRng(4)
  const observations: Observation[] = []
  const labels: number[] = []
  for (let i = 0; i < n; i++) {
    const y = i % 2
    observations.push({ values: [y + rng() * 1.5, (1 - y) * 0.3 + rng(), Number.NaN], words: [y ? 'odd' : 'even', 'shared'] })
    labels.push(y)
  }
  return { observations, labels }
}

const features = ['signal', 'warning', 'absent']

test('learns the signal; a warning sign that leans the wrong way is pinned at 0; an unseen feature weighs 0', () => {
  const { observations, labels } = rows()
  const model = fitCredibility(observations, labels, { features, priors: [0, 0.3, 0.3], l2: 0.01 })
  assert.ok(model.weights[0] > 0.5)
  assert.equal(model.weights[1], 0)
  assert.equal(model.weights[2], 0)
  assert.deepEqual(model.reference.map((r, j) => (j === 0 ? r > 0 : r)), [true, 0, 0])
  assert.equal(model.ngrams, null)
  assert.equal(model.calibration.kind, 'platt')
})

test('a fixed weight is used as given, not learned', () => {
  const { observations, labels } = rows()
  const model = fitCredibility(observations, labels, { features, fixed: [Number.NaN, 0.3, Number.NaN], l2: 0.01 })
  assert.equal(model.weights[1], 0.3)
  assert.equal(model.reference[1], 0)
})

test('deterministic, and the calibrated probabilities rank the classes', () => {
  const { observations, labels } = rows()
  const a = fitCredibility(observations, labels, { features, l2: 0.01, ngrams: true, ngramDims: 64, ngramScale: 2 })
  const b = fitCredibility(observations, labels, { features, l2: 0.01, ngrams: true, ngramDims: 64, ngramScale: 2 })
  assert.deepEqual(a, b)
  assert.ok(a.ngrams && a.ngrams.indices.length > 0)
  const p = observations.map((o) => scoreObservation(a, o).probability)
  const meanOf = (y: number) => p.filter((_, i) => labels[i] === y).reduce((s, v) => s + v, 0) / (labels.length / 2)
  assert.ok(meanOf(1) > meanOf(0) + 0.3)
})

test('with stories, a story never straddles the calibration folds; the fit stays deterministic', () => {
  // Each story pairs a fake with the article it imitates: they share a topic word, which is all a by-row split could
  // exploit backwards. The story-wise fit must still learn the signal and calibrate probabilities that rank the classes.
  const { observations, labels } = rows()
  const withTopics = observations.map((o, i) => ({ ...o, words: [...o.words, `topic${i >> 1}`] }))
  const stories = withTopics.map((_, i) => `story${i >> 1}`)
  const options = { features, l2: 0.01, ngrams: true, ngramDims: 256, ngramScale: 2 }
  const a = fitCredibility(withTopics, labels, options, stories)
  assert.deepEqual(a, fitCredibility(withTopics, labels, options, stories))
  assert.ok(a.weights[0] > 0.5)
  assert.equal(a.calibration.kind, 'platt')
  assert.ok(a.calibration.kind === 'platt' && a.calibration.a > 0)
})

test('character n-grams are stored with the model and change the score only through the text', () => {
  const { observations, labels } = rows()
  const withText = observations.map((o, i) => ({ ...o, text: labels[i] ? 'Wow!!! unbelievable...' : 'The ministry said on Tuesday.' }))
  const model = fitCredibility(withText, labels, { features, l2: 0.01, ngrams: true, ngramDims: 512, ngramScale: 2, chars: { min: 2, max: 4, weight: 1 } })
  assert.deepEqual(model.ngrams?.chars, { min: 2, max: 4, weight: 1 })
  const base = { values: [0.5, 0.5, Number.NaN], words: ['shared'] }
  const loud = scoreObservation(model, { ...base, text: 'Wow!!! unbelievable...' }).probability
  const calm = scoreObservation(model, { ...base, text: 'The ministry said on Tuesday.' }).probability
  assert.ok(loud > calm)
})

test('skeleton n-grams are stored with the model and scored from the words', () => {
  const { observations, labels } = rows()
  const withWords = observations.map((o, i) => ({ ...o, words: labels[i] ? ['it', 'is', 'said', 'that', 'x'] : ['officials', 'announced', 'on', 'tuesday'] }))
  const model = fitCredibility(withWords, labels, { features, l2: 0.01, ngrams: true, ngramDims: 512, ngramScale: 2, skeleton: { weight: 1 } })
  assert.deepEqual(model.ngrams?.skeleton, { weight: 1 })
  const base = { values: [0.5, 0.5, Number.NaN] }
  // Unseen content words in the same skeleton as the unreliable rows ("it is said that *") still read as unreliable.
  const vague = scoreObservation(model, { ...base, words: ['it', 'is', 'said', 'that', 'y'] }).probability
  const plain = scoreObservation(model, { ...base, words: ['ministers', 'declared', 'on', 'friday'] }).probability
  assert.ok(vague > plain)
})
