import { test } from 'node:test'
import assert from 'node:assert/strict'
import { firstOverlapping } from './doc-index.js'

test('firstOverlapping: the same item as a linear find, on sorted disjoint and on unsorted items', () => {
  const sorted = [{ start: 2, end: 5 }, { start: 5, end: 9 }, { start: 12, end: 13 }, { start: 20, end: 30 }]
  const unsorted = [{ start: 20, end: 30 }, { start: 2, end: 9 }, { start: 4, end: 6 }]
  for (const items of [sorted, unsorted, []]) {
    for (let start = 0; start < 32; start++) {
      for (let end = start + 1; end < 33; end++) {
        assert.equal(firstOverlapping(items, start, end), items.find((x) => x.start < end && start < x.end), `${start}-${end}`)
      }
    }
  }
})
