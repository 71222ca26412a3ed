// Date mentions by rule, as the annotator finds them: abbreviated months with and without their period.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { annotatedText } from '../test-support/analyzer-tester.js'

const datesIn = (text: string) => annotatedText(text).entities.filter((e) => e.type === 'date').flatMap((e) => e.mentions.map((m) => text.slice(m.start, m.end)))

test('abbreviated month names are dates: "Nov. 15, 2019", "Sept. 3", "Nov 15"', () => {
  assert.deepEqual(datesIn('On Nov. 15, 2019, the council voted.'), ['Nov. 15, 2019'])
  assert.deepEqual(datesIn('On Sept. 3 the mayor spoke.'), ['Sept. 3'])
  assert.deepEqual(datesIn('The Oct 12 storm closed the road.'), ['Oct 12'])
  assert.deepEqual(datesIn('The Dec. 1, 2020 deadline passed.'), ['Dec. 1, 2020'])
})

test('undotted abbreviations need a day number: "Jan" and "Mar" alone are names or words', () => {
  assert.deepEqual(datesIn('Jan said the plan would mar the view.'), [])
  assert.deepEqual(datesIn('Officials met in Nov to discuss it.'), [])
})
