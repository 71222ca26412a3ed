import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fitStandardizer, standardize, standardizerFromJSON } from './standardize.js'

test('z-scores: mean 2 and population sd 1 for [1, 3]; a constant column keeps scale 1', () => {
  const s = fitStandardizer([[1, 5], [3, 5]])
  assert.deepEqual(s, { mean: [2, 5], scale: [1, 1] })
  assert.deepEqual([...standardize(s, [4, 6])], [2, 1])
  assert.deepEqual(standardizerFromJSON(JSON.parse(JSON.stringify(s))), s)
  assert.throws(() => standardizerFromJSON({ mean: [0], scale: [0] }), { code: 'E_MODEL_INVALID' })
  assert.throws(() => fitStandardizer([]), { code: 'E_BAD_ARGUMENT' })
})
