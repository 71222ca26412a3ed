import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ngramDot, ngramVector } from './ngrams.js'
import { dot } from '../ml/sparse-vector.js'

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
