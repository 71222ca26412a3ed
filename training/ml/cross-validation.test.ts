import { test } from 'node:test'
import assert from 'node:assert/strict'
import { groupKFold, leaveOneGroupOut, stratifiedKFold } from './cross-validation.js'

test('stratified 2-fold on 6 zeros and 4 ones: each test fold has 3 zeros and 2 ones', () => {
  const labels = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1]
  const folds = stratifiedKFold(labels, 2, 9)
  assert.equal(folds.length, 2)
  for (const fold of folds) {
    assert.equal(fold.test.filter((i) => labels[i] === 0).length, 3)
    assert.equal(fold.test.filter((i) => labels[i] === 1).length, 2)
    assert.deepEqual([...fold.train, ...fold.test].sort((a, b) => a - b), labels.map((_, i) => i))
  }
  assert.deepEqual([...folds[0].test, ...folds[1].test].sort((a, b) => a - b), labels.map((_, i) => i))
  assert.deepEqual(stratifiedKFold(labels, 2, 9), folds)
})

test('stratified k-fold: sizes differ by at most one; string labels work; bad k rejected', () => {
  const labels = Array.from({ length: 23 }, (_, i) => (i % 3 === 0 ? 'fake' : 'real'))
  const sizes = stratifiedKFold(labels, 5, 1).map((f) => f.test.length)
  assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1)
  assert.notDeepEqual(stratifiedKFold(labels, 5, 1), stratifiedKFold(labels, 5, 2))
  assert.throws(() => stratifiedKFold([0, 1], 3), { code: 'E_BAD_ARGUMENT' })
})

test('leave-one-group-out: one fold per group in sorted order', () => {
  const folds = leaveOneGroupOut(['b', 'a', 'b', 'c'])
  assert.deepEqual(folds.map((f) => f.groups), [['a'], ['b'], ['c']])
  assert.deepEqual(folds.map((f) => f.test), [[1], [0, 2], [3]])
  assert.deepEqual(folds[1].train, [1, 3])
  assert.throws(() => leaveOneGroupOut(['a', 'a']), { code: 'E_BAD_ARGUMENT' })
})

test('group k-fold: largest group first into the smallest fold, never splitting a group', () => {
  // sizes a 3, b 2, c 2, d 1 → a→0 (3), b→1 (2), c→1 (4), d→0 (4)
  const groups = ['a', 'b', 'a', 'c', 'b', 'a', 'c', 'd']
  const folds = groupKFold(groups, 2)
  assert.deepEqual(folds.map((f) => f.groups), [['a', 'd'], ['b', 'c']])
  assert.deepEqual(folds[0].test, [0, 2, 5, 7])
})
