import { test } from 'node:test'
import assert from 'node:assert/strict'
import { quantizeWordVectors, sentenceVector, wordForm, wordVectorsFromJSON } from './word-vectors.js'

const close = (a: number, b: number, eps = 1e-6) => assert.ok(Math.abs(a - b) < eps, `${a} ≉ ${b}`)

test('wordForm folds digits to 0 and leaves words alone', () => {
  assert.equal(wordForm('1,500'), '0,000')
  assert.equal(wordForm('tax'), 'tax')
})

test('int8 quantization keeps each component within half a step of the scale, and round-trips through JSON', () => {
  const vectors = [0.6, -0.8, 0, 0.1, 0.2, -0.3]
  const stored = quantizeWordVectors(['a', 'b'], vectors, 3, [1, 3], 3)
  const wv = wordVectorsFromJSON(JSON.parse(JSON.stringify(stored)))
  assert.equal(wv.dims, 3)
  for (let i = 0; i < 6; i++) close(wv.data[i] * wv.scales[Math.floor(i / 3)], vectors[i], wv.scales[Math.floor(i / 3)] / 2 + 1e-9)
  assert.equal(wv.data[1], -127) // the largest magnitude of a row maps to ±127
  close(wv.idf[0], Math.log(4 / 2) + 1, 1e-4)
  close(wv.idf[1], 1, 1e-9)
})

test('sentenceVector is the idf-weighted mean at unit length; unknown forms are skipped; nothing known gives zeros', () => {
  const stored = quantizeWordVectors(['x', 'y'], [1, 0, 0, 1], 2, [0, 1], 1) // idf x = ln 2 + 1, y = 1
  const wv = wordVectorsFromJSON(stored)
  const v = sentenceVector(wv, ['x', 'y', 'zzz'])
  const a = Math.log(2) + 1
  close(v[0], a / Math.hypot(a, 1), 1e-3)
  close(v[1], 1 / Math.hypot(a, 1), 1e-3)
  assert.deepEqual(Array.from(sentenceVector(wv, ['zzz'])), [0, 0])
})

test('a file whose data does not match words × dims is refused', () => {
  const stored = quantizeWordVectors(['x', 'y'], [1, 0, 0, 1], 2, [0, 1], 1)
  assert.throws(() => wordVectorsFromJSON({ ...stored, dims: 3 }), /bytes/)
  assert.throws(() => wordVectorsFromJSON({ ...stored, words: ['x', 'x'] }), /distinct/)
})

test('meanVector divides by the idf total; the collapsed word table gives the same linear term as weights · meanVector', async () => {
  const { meanVector, collapseWordVectors, wordTableFromJSON, wordTableTerm } = await import('./word-vectors.js')
  const words = ['x', 'y', 'z']
  const wv = wordVectorsFromJSON(quantizeWordVectors(words, [1, 0, 0, 1, 0.6, 0.8], 2, [0, 1, 2], 3))
  const forms = ['x', 'z', 'nope', 'x']
  const m = meanVector(wv, forms)
  const a = wv.idf[0], c = wv.idf[2]
  close(m[0], (2 * a * 1 + c * wv.data[4] * wv.scales[2]) / (2 * a + c), 1e-6)
  const weights = [0.5, -2]
  const table = wordTableFromJSON(JSON.parse(JSON.stringify(collapseWordVectors(wv, words, weights, 8))))
  close(wordTableTerm(table, forms), weights[0] * m[0] + weights[1] * m[1], 1e-4)
  assert.equal(wordTableTerm(table, ['nope']), 0)
  assert.deepEqual(Array.from(meanVector(wv, [])), [0, 0])
})

test('the word table stores hashes of the word forms, never the words, and refuses duplicate or malformed hashes', async () => {
  const { collapseWordVectors, wordKey, wordTableFromJSON } = await import('./word-vectors.js')
  const words = ['bridge', 'council']
  const wv = wordVectorsFromJSON(quantizeWordVectors(words, [1, 0, 0, 1], 2, [0, 1], 2))
  const stored = collapseWordVectors(wv, words, [1, 1])
  assert.deepEqual(stored.hashes, words.map(wordKey))
  assert.equal(JSON.stringify(stored).includes('bridge'), false)
  assert.throws(() => wordTableFromJSON({ ...stored, hashes: [stored.hashes[0], stored.hashes[0]] }), /distinct/)
  assert.throws(() => wordTableFromJSON({ ...stored, hashes: [-1, 2] }), /32-bit/)
  assert.throws(() => wordTableFromJSON({ ...stored, scores: [1] }), /one number per word/)
})
