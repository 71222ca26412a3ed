import { test } from 'node:test'
import assert from 'node:assert/strict'
import { letterDigitRuns, letterWords, termWords, wordCharRuns } from './words.js'

const TEXT = 'Don’t panic: COVID-19 cases_fell 80,000 times in Cafe\u0301s!'

test('each meaning of a word cuts the same text its own way', () => {
  assert.deepEqual(letterDigitRuns(TEXT), ['Don', 't', 'panic', 'COVID', '19', 'cases', 'fell', '80', '000', 'times', 'in', 'Cafe', 's'])
  assert.deepEqual([...termWords(TEXT)].map((m) => m[0]), ['Don’t', 'panic', 'COVID', '19', 'cases', 'fell', '80', '000', 'times', 'in', 'Cafe\u0301s'])
  assert.deepEqual(letterWords(TEXT), ['Don’t', 'panic', 'COVID', 'cases', 'fell', 'times', 'in', 'Cafe', 's'])
  assert.deepEqual(wordCharRuns(TEXT), ['Don', 't', 'panic', 'COVID', '19', 'cases_fell', '80', '000', 'times', 'in', 'Cafe', 's'])
  assert.equal([...termWords(TEXT)][1]!.index, 6)
  assert.deepEqual(letterDigitRuns(''), [])
})
