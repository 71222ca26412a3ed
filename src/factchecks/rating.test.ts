import { test } from 'node:test'
import assert from 'node:assert/strict'
import { normalizeRating, NORMALIZED_RATINGS, isNormalizedRating } from './rating.js'
import table from './rating-scale.json' with { type: 'json' }

const CASES: [string | null, string][] = [
  ['False', 'false'],
  ['FALSE.', 'false'],
  ['Pants on Fire!', 'false'],
  ['Four Pinocchios', 'false'],
  ['Fake', 'false'],
  ['Falso', 'false'],
  ['This is not true.', 'false'],
  ['Incorrect: the figure is from 2012', 'false'],
  ['Mostly False', 'mostly-false'],
  ['Partly false', 'mostly-false'],
  ['Misleading', 'mostly-false'],
  ['Three Pinocchios', 'mostly-false'],
  ['Missing context', 'mostly-false'],
  ['Half True', 'mixed'],
  ['Half-true', 'mixed'],
  ['Mixture', 'mixed'],
  ['Mostly True', 'mostly-true'],
  ['Largely accurate', 'mostly-true'],
  ['True', 'true'],
  ['Correct', 'true'],
  ['“True”', 'true'],
  ['Unproven', 'unrated'],
  ['Satire', 'unrated'],
  ['Research in progress', 'unrated'],
  ['Something else entirely', 'unrated'],
  ['', 'unrated'],
  [null, 'unrated'],
]

for (const [rating, expected] of CASES) {
  test(`rating ${JSON.stringify(rating)} → ${expected}`, () => {
    assert.equal(normalizeRating(rating), expected)
  })
}

test('numeric ratings use the fraction of their scale; text wins when it says something', () => {
  assert.equal(normalizeRating(null, { ratingValue: 1, bestRating: 5, worstRating: 1 }), 'false')
  assert.equal(normalizeRating('', { ratingValue: 2, bestRating: 5, worstRating: 1 }), 'mostly-false')
  assert.equal(normalizeRating(undefined, { ratingValue: 3 }), 'mixed')
  assert.equal(normalizeRating('', { ratingValue: 4, bestRating: 5, worstRating: 1 }), 'mostly-true')
  assert.equal(normalizeRating('', { ratingValue: 10, bestRating: 10, worstRating: 0 }), 'true')
  assert.equal(normalizeRating('', { ratingValue: 7, bestRating: 5, worstRating: 1 }), 'unrated')
  assert.equal(normalizeRating('2', { ratingValue: 2, bestRating: 5, worstRating: 1 }), 'mostly-false')
  assert.equal(normalizeRating('False', { ratingValue: 5, bestRating: 5, worstRating: 1 }), 'false')
})

test('the data file only maps onto the six labels', () => {
  assert.deepEqual(table.scale, [...NORMALIZED_RATINGS])
  for (const label of Object.values(table.exact)) assert.ok(isNormalizedRating(label), label)
  for (const [pattern, label] of table.patterns as [string, string][]) {
    assert.ok(isNormalizedRating(label), label)
    assert.doesNotThrow(() => new RegExp(pattern, 'u'))
  }
  for (const key of Object.keys(table.exact)) assert.equal(key, key.toLowerCase().trim(), `exact keys are folded: ${key}`)
})
