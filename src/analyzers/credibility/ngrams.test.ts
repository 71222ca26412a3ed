import { test } from 'node:test'
import assert from 'node:assert/strict'
import { charText, ngramDot, ngramVector } from './ngrams.js'
import { dot } from '../../ml/sparse-vector.js'

test('the n-gram vector has unit length over its n-grams and repeats add up as log counts', () => {
  const v = ngramVector(['the', 'cat', 'the', 'cat'], 1 << 20)
  // n-grams: the ×2, cat ×2, "the cat" ×2, "cat the" ×1 → norm √(3·ln²3 + ln²2)
  const norm = Math.sqrt(3 * Math.log(3) ** 2 + Math.log(2) ** 2)
  const magnitudes = [...v.values].map((x) => Math.abs(x)).sort()
  assert.deepEqual(magnitudes.map((m) => m.toFixed(5)), [Math.log(2) / norm, ...Array(3).fill(Math.log(3) / norm)].map((m) => m.toFixed(5)).sort())
  assert.equal(ngramVector([], 16).indices.length, 0)
})

test('ngramDot equals the dot product with the built vector', () => {
  const words = 'a rumour says the minister quit and the minister denies the rumour'.split(' ')
  const weights = Array.from({ length: 64 }, (_, i) => Math.sin(i))
  assert.ok(Math.abs(ngramDot(words, 64, weights) - dot(ngramVector(words, 64), weights)) < 1e-6)
  assert.equal(ngramDot([], 64, weights), 0)
})

test('character n-grams: typographic variants fold together, and ngramDot matches the built vector', () => {
  assert.equal(charText('It’s  “Big”—2024\nnews'), 'it\'s "big"-0000 news')
  const chars = { min: 2, max: 4, weight: 0.5 }
  const words = ['the', 'minister', 'quit']
  const text = 'The minister quit, sources say!'
  const weights = Array.from({ length: 128 }, (_, i) => Math.cos(i))
  const v = ngramVector(words, 128, chars, text)
  assert.ok(Math.abs(ngramDot(words, 128, weights, chars, text) - dot(v, weights)) < 1e-5)
  // Without chars the word part is unchanged; curly and straight apostrophes give the same char part.
  assert.deepEqual(ngramVector(words, 128), ngramVector(words, 128, null, text))
  assert.deepEqual(ngramVector(words, 128, chars, 'It’s'), ngramVector(words, 128, chars, "It's"))
})

test('skeleton n-grams: content words do not matter, ngramDot matches the built vector, the word part is unchanged', () => {
  const skeleton = { weight: 0.7 }
  const words = 'the minister said she would quit in 2024'.split(' ')
  const other = 'the chancellor said she would stay in 1999'.split(' ')
  const weights = Array.from({ length: 256 }, (_, i) => Math.sin(3 * i))
  const v = ngramVector(words, 256, null, '', skeleton)
  assert.ok(Math.abs(ngramDot(words, 256, weights, null, '', skeleton) - dot(v, weights)) < 1e-5)
  // Same skeleton ("the ** said she would * in #") → same skeleton part: the difference is the word part's alone.
  const skeletonPart = (w: string[]) => ngramDot(w, 256, weights, null, '', skeleton) - ngramDot(w, 256, weights)
  assert.ok(Math.abs(skeletonPart(words) - skeletonPart(other)) < 1e-9)
  assert.ok(Math.abs(skeletonPart(words)) > 0)
  assert.deepEqual(ngramVector(words, 256), ngramVector(words, 256, null, '', null))
})

test('ids into the distinct words give the same n-gram vector and dot product as hashing every word', async () => {
  const { ngramDot, ngramVector } = await import('./ngrams.js')
  const words = ['the', 'council', 'said', 'the', 'vote', 'was', 'delayed', 'the', 'council', 'said']
  const distinct = [...new Set(words)]
  const wordIds = { ids: Int32Array.from(words.map((w) => distinct.indexOf(w))), distinct }
  const skeleton = { weight: 1 }
  assert.deepEqual(ngramVector(words, 512, null, '', skeleton, wordIds), ngramVector(words, 512, null, '', skeleton))
  const weights = Array.from({ length: 512 }, (_, i) => Math.sin(i))
  assert.equal(ngramDot(words, 512, weights, null, '', skeleton, wordIds), ngramDot(words, 512, weights, null, '', skeleton))
})
