import { test } from 'node:test'
import assert from 'node:assert/strict'
import { skeletonHash, skeletonOf } from './skeleton.js'

test('the skeleton keeps function words and lexicon words, and replaces the rest by their shape', () => {
  assert.deepEqual(
    skeletonOf(['the', 'minister', 'said', 'she', 'would', 'quit', 'in', '2024', 'reportedly']),
    ['the', '**', 'said', 'she', 'would', '*', 'in', '#', 'reportedly'],
  )
  assert.deepEqual(skeletonOf([]), [])
})

test('words of one shape share a skeleton hash; kept words keep their own', () => {
  assert.equal(skeletonHash('quit'), skeletonHash('cat'))
  assert.equal(skeletonHash('minister'), skeletonHash('parliament'))
  assert.equal(skeletonHash('1999'), skeletonHash('3rd'))
  assert.notEqual(skeletonHash('quit'), skeletonHash('minister'))
  assert.notEqual(skeletonHash('the'), skeletonHash('a'))
  assert.notEqual(skeletonHash('the'), skeletonHash('cat'))
})
