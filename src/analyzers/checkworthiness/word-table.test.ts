import { test } from 'node:test'
import assert from 'node:assert/strict'
import { annotatedText } from '../../test-support/analyzer-tester.js'
import { CUE_NAMES } from './cues.js'
import { DEFAULT_FEATURE_OPTIONS, featureDims, featureVectors, sentenceTerm } from './features.js'
import { MODEL_ID, MODEL_VERSION, validateCheckworthinessModel, type CheckworthinessModel } from './model.js'
import { DEFAULT_RULE_WEIGHTS, NEWS_RULE_NAMES } from './news-rules.js'
import { createScorer } from './scorer.js'
import { quantizeWordVectors, wordKey, wordTableFromJSON, wordVectorsFromJSON } from '../../ml/word-vectors.js'

/** A hand-made model whose only signal is the word table: "bridge" +2, "rain" −2 (equal idf). */
function tableModel(): CheckworthinessModel {
  const features = { ...DEFAULT_FEATURE_OPTIONS, hashBits: 8, embeddingDims: 2, embeddingScale: 1 }
  return {
    id: MODEL_ID,
    version: MODEL_VERSION,
    createdAt: '2026-11-25T00:00:00.000Z',
    trainedOn: 'synthetic',
    metrics: {},
    features: { ...features, cueNames: [...CUE_NAMES] },
    logistic: { dims: featureDims(features), bias: 0, indices: [], values: [] },
    blend: { logistic: { weight: 1, mean: 0, scale: 1 } },
    calibration: { kind: 'platt', a: 1, b: 0 },
    news: { rules: Object.fromEntries(NEWS_RULE_NAMES.map((n) => [n, 0])) as typeof DEFAULT_RULE_WEIGHTS, modelWeight: 1, priorShift: 0, newsPrior: 0.5 },
    wordTable: { hashes: ['bridge', 'rain', '00'].map(wordKey), idf: [1, 1, 1], scores: [2, -2, 0] },
  }
}

test('the word table term is the idf-weighted mean of the known words\' scores, and the scorer adds it to the debate score', () => {
  const doc = annotatedText('The bridge cost 40 dollars. It was rain and rain. Nothing here.')
  const table = wordTableFromJSON(tableModel().wordTable)
  const [a, b, c] = doc.sentences.map((s) => sentenceTerm(doc, s, table))
  assert.equal(a, 1) // bridge (+2) and the folded number "00" (0)
  assert.equal(b, -2)
  assert.equal(c, 0)
  const raw = createScorer(validateCheckworthinessModel(tableModel())).scoreUnits(doc, doc.sentences).raw
  assert.deepEqual(Array.from(raw), [1, -2, 0])
})

test('a model with a sentence-vector block needs a word table, and a word table needs the block', () => {
  const m = tableModel()
  assert.throws(() => validateCheckworthinessModel({ ...m, wordTable: undefined }), /wordTable/)
  assert.throws(() => validateCheckworthinessModel({ ...m, logistic: { ...m.logistic, indices: [m.logistic.dims - 1], values: [1] } }), /block/)
  const noBlock = { ...m, features: { ...m.features, embeddingDims: 0 } }
  assert.throws(() => validateCheckworthinessModel({ ...noBlock, logistic: { ...m.logistic, dims: featureDims(noBlock.features) } }), /wordTable/)
})

test('training emits the block from word vectors (idf-mean × scale); without them the block stays empty', () => {
  const doc = annotatedText('The bridge fell.')
  const options = { ...DEFAULT_FEATURE_OPTIONS, hashBits: 8, embeddingDims: 2, embeddingScale: 3 }
  const wv = wordVectorsFromJSON(quantizeWordVectors(['bridge'], [0, 1], 2, [0], 1))
  const base = featureDims(options) - 2
  const [withVectors] = featureVectors(doc, doc.sentences, options, wv)
  const j = Array.from(withVectors.indices).indexOf(base + 1)
  assert.ok(j >= 0 && Math.abs(withVectors.values[j] - 3) < 1e-4)
  const [without] = featureVectors(doc, doc.sentences, options)
  assert.ok(Array.from(without.indices).every((i) => i < base))
})
