import { test } from 'node:test'
import assert from 'node:assert/strict'
import { SparseVectorBuilder, addScaled, cosineSparse, dot, inferDims, l2Normalize, sparseFromPairs } from './sparse-vector.js'

test('builder sorts indices, sums duplicates and drops zeros', () => {
  const v = new SparseVectorBuilder().add(5, 1).add(2, 3).add(5, 2).add(7, 0).add(9, 1).add(9, -1).build()
  assert.deepEqual([...v.indices], [2, 5])
  assert.deepEqual([...v.values], [3, 3])
  assert.throws(() => new SparseVectorBuilder().add(-1), RangeError)
})

test('l2Normalize scales [3, 4] to [0.6, 0.8] and leaves a zero vector alone', () => {
  const v = l2Normalize(sparseFromPairs([[0, 3], [4, 4]]))
  assert.ok(Math.abs(v.values[0] - 0.6) < 1e-6 && Math.abs(v.values[1] - 0.8) < 1e-6)
  assert.deepEqual([...l2Normalize(sparseFromPairs([])).values], [])
})

test('dot works for sparse and dense vectors and ignores indices past the weights', () => {
  const w = [0.5, 1, 2, 3]
  assert.equal(dot(sparseFromPairs([[1, 2], [3, -1]]), w), -1) // 2·1 − 1·3
  assert.equal(dot(sparseFromPairs([[9, 5]]), w), 0)
  assert.equal(dot([1, 1, 1, 1], w), 6.5)
  assert.equal(dot([1, 1], w, 2), 5) // offset reads w[2] and w[3]
})

test('addScaled accumulates into a dense target', () => {
  const target = new Float64Array(4)
  addScaled(target, sparseFromPairs([[1, 2]]), 3)
  addScaled(target, [1, 1], 0.5, 2)
  assert.deepEqual([...target], [0, 6, 0.5, 0.5])
})

test('cosineSparse: half overlap gives 1/2; orthogonal or empty gives 0', () => {
  const a = sparseFromPairs([[0, 1], [1, 1]])
  const b = sparseFromPairs([[1, 1], [2, 1]])
  assert.ok(Math.abs(cosineSparse(a, b) - 0.5) < 1e-9)
  assert.equal(cosineSparse(a, sparseFromPairs([[5, 1]])), 0)
  assert.equal(cosineSparse(a, sparseFromPairs([])), 0)
  assert.ok(Math.abs(cosineSparse(a, a) - 1) < 1e-6)
})

test('inferDims is max index + 1 (sparse) or length (dense)', () => {
  assert.equal(inferDims([sparseFromPairs([[3, 1]]), sparseFromPairs([[7, 1]])]), 8)
  assert.equal(inferDims([[1, 2, 3]]), 3)
})
