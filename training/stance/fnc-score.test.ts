import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fncScore } from './fnc-score.js'
import { stanceIndex } from '../../src/analyzers/lateral-reading/stance/labels.js'

const ids = (labels: string) => labels.split(' ').map(stanceIndex)

test('hand-computed FNC-1 scores', () => {
  // agree→agree 1.0, disagree→discuss 0.25, discuss→unrelated 0, unrelated→unrelated 0.25, unrelated→agree 0; max 3.5
  const mixed = fncScore(ids('agree disagree discuss unrelated unrelated'), ids('agree discuss unrelated unrelated agree'))
  assert.equal(mixed.score, 1.5)
  assert.equal(mixed.max, 3.5)
  assert.ok(Math.abs(mixed.percent - (100 * 1.5) / 3.5) < 1e-12)
  assert.deepEqual(fncScore(ids('agree unrelated'), ids('unrelated unrelated')), { score: 0.25, max: 1.25, percent: 20 })
  assert.deepEqual(fncScore(ids('discuss disagree'), ids('discuss disagree')), { score: 2, max: 2, percent: 100 })
  assert.deepEqual(fncScore([], []), { score: 0, max: 0, percent: 0 })
})

test('labels are read case-insensitively and unknown labels are −1', () => {
  assert.deepEqual(ids('Agree DISAGREE discuss unrelated'), [0, 1, 2, 3])
  assert.equal(stanceIndex('neutral'), -1)
  assert.throws(() => fncScore([0], [0, 1]), RangeError)
})
