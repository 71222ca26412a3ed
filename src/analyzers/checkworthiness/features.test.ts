import { test } from 'node:test'
import assert from 'node:assert/strict'
import { annotatedText } from '../../test-support/analyzer-tester.js'
import { dot } from '../../ml/sparse-vector.js'
import { createRng } from '../../ml/rng.js'
import { CUE_COUNT, CUE_NAMES, cue, unitCues } from './cues.js'
import { DEFAULT_FEATURE_OPTIONS, emitFeatures, featureDims, featureVectors, prepareFeatures } from './features.js'

const text = [
  'The unemployment rate rose to 4.6 percent in 2023, the ministry said.',
  'Why did the mayor resign?',
  'Honestly, I think it is a wonderful and beautiful idea.',
  'Senator Maria Lopez voted against the $2 billion bill.',
].join(' ')
const doc = annotatedText(text)
const cues = unitCues(doc, doc.sentences)

test('cues: numbers, percent, years, attribution and past tense', () => {
  const c = cues[0]
  for (const name of ['num.any', 'num.percent', 'num.year', 'attribution', 'tense.past'] as const) assert.equal(cue(c, name), 1, name)
  assert.equal(cue(c, 'question'), 0)
})

test('cues: questions, subjectivity and first person', () => {
  assert.equal(cue(cues[1], 'question'), 1)
  assert.ok(cue(cues[2], 'subjective') > 0)
  assert.ok(cue(cues[2], 'afinn.abs') > 0)
  assert.ok(cue(cues[2], 'person.first') > 0)
  assert.ok(cue(cues[2], 'hedge') > 0, '"think" is a hedge')
})

test('cues: money, named actors and position', () => {
  assert.equal(cue(cues[3], 'num.money'), 1)
  assert.ok(cue(cues[3], 'pos.propn') > 0)
  assert.equal(cue(cues[0], 'pos.first'), 1)
  assert.equal(cue(cues[0], 'par.firstUnit'), 1)
  assert.equal(cue(cues[3], 'par.lastUnit'), 1)
  for (const c of cues) for (let j = 0; j < CUE_COUNT; j++) assert.ok(c[j] >= 0 && c[j] <= 1, `${CUE_NAMES[j]} in [0, 1]`)
})

test('vectors: indices inside the feature space, context blocks hold the neighbours, deterministic', () => {
  const options = { ...DEFAULT_FEATURE_OPTIONS, chars: true, contextWords: true }
  const vectors = featureVectors(doc, doc.sentences, options)
  const again = featureVectors(doc, doc.sentences, options)
  assert.deepEqual(vectors, again)
  const dims = featureDims(options)
  for (const v of vectors) assert.ok(v.indices.length > 0 && v.indices[v.indices.length - 1] < dims)
  // The previous-sentence block of sentence 1 equals the cue block of sentence 0.
  const v1 = vectors[1]
  for (let j = 0; j < CUE_COUNT; j++) {
    const at = v1.indices.indexOf(CUE_COUNT + j)
    assert.equal(at >= 0 ? v1.values[at] : 0, cues[0][j], `prev block ${CUE_NAMES[j]}`)
  }
})

test('scoring through the sink equals the dot product of the sparse vector', () => {
  const options = { ...DEFAULT_FEATURE_OPTIONS, hashBits: 10, chars: true }
  const rng = createRng(7)
  const weights = Float64Array.from({ length: featureDims(options) }, () => rng() - 0.5)
  const vectors = featureVectors(doc, doc.sentences, options)
  const state = prepareFeatures(doc, doc.sentences)
  vectors.forEach((v, k) => {
    let sum = 0
    emitFeatures(state, k, options, { add: (i, x) => (sum += weights[i] * x) })
    assert.ok(Math.abs(sum - dot(v, weights)) < 1e-4)
  })
})
