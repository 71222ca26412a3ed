import { test } from 'node:test'
import assert from 'node:assert/strict'
import { lowerBound, upperBound } from './sorted.js'

test('lowerBound / upperBound: first index at or above, and above, a value; the length when none is', () => {
  const sorted = [2, 4, 4, 4, 9]
  assert.deepEqual([1, 2, 4, 5, 9, 10].map((v) => lowerBound(sorted, v)), [0, 0, 1, 4, 4, 5])
  assert.deepEqual([1, 2, 4, 5, 9, 10].map((v) => upperBound(sorted, v)), [0, 1, 4, 4, 5, 5])
  assert.equal(lowerBound(new Int32Array([]), 3), 0)
  assert.equal(upperBound(Int32Array.from([1, 3, 3]), 3), 3)
})
