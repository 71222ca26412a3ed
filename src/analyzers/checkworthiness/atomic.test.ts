// Atomic claims and non-claims, on sentences written for these tests.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { annotatedText } from '../../test-support/analyzer-tester.js'
import { atomicUnits } from './atomic.js'
import { isNonClaim } from './non-claims.js'

function units(text: string) {
  const doc = annotatedText(text)
  return atomicUnits(doc, doc.sentences[0]!).map((u) => ({
    core: doc.text.slice(u.core.start, u.core.end),
    frame: u.frame ? doc.text.slice(u.frame.start, u.frame.end) : null,
    vague: u.frame?.vague ?? null,
    source: u.frame?.source ?? null,
  }))
}

test('a compound sentence with two reporting frames gives two atomic claims, each with its vague frame', () => {
  assert.deepEqual(units('Some neighbours say the pier has been shut to boats for weeks, and many people are saying the fix will cost triple the budget.'), [
    { core: 'the pier has been shut to boats for weeks', frame: 'Some neighbours say', vague: true, source: 'Some neighbours' },
    { core: 'the fix will cost triple the budget.', frame: 'many people are saying', vague: true, source: 'many people' },
  ])
})

test('impersonal and report-noun frames are vague; "according to" and a named speaker are not', () => {
  assert.deepEqual(units('It has been said that the county could take over the clinic.')[0], { core: 'the county could take over the clinic.', frame: 'It has been said that', vague: true, source: 'It' })
  assert.equal(units('Reports emerged on Friday that the contractor had been fined twice.')[0]!.vague, true)
  assert.deepEqual(units('According to the Water Board, the reservoir holds 40 percent less than last year.')[0], {
    core: 'the reservoir holds 40 percent less than last year.', frame: 'According to the Water Board,', vague: false, source: 'the Water Board',
  })
  assert.deepEqual(units('Mayor Ana Silva said the library will close on Sundays.')[0]!.frame, 'Mayor Ana Silva said')
})

test('no split for a list, a verb phrase without its own subject, or a comma inside a quote', () => {
  assert.equal(units('The council bought buses, trams, and ferries for the new network last year.').length, 1)
  assert.equal(units('The minister visited the plant on Monday, and then flew back to the capital.').length, 1)
  const doc = annotatedText('He wrote that "the plan is dead, and the money is gone" before the vote on Tuesday.')
  const quoted = (at: number) => at > doc.text.indexOf('"') && at < doc.text.lastIndexOf('"')
  assert.equal(atomicUnits(doc, doc.sentences[0]!, quoted).length, 1)
})

test('a stance verb with an infinitive is an act, not a frame: "urged the board to resign" keeps its subject', () => {
  assert.equal(units('The union urged the board to cancel the contract before the end of the month.')[0]!.frame, null)
})

test('non-claims: quote introductions, speech reports with nothing reported, no-comment formulas', () => {
  const cases: [string, boolean][] = [
    ['On Monday, the senator tweeted:', true],
    ['The mayor asked on Twitter.', true],
    ['The company did not respond to a request for comment.', true],
    ['A spokesperson declined to comment.', true],
    ['Steel imports rose by 40 percent last year, the minister said.', false],
    ['Global prices in 2024 were 12 percent above the average, the agency said.', false],
    ['The mayor said the bridge would reopen in May.', false],
  ]
  for (const [text, expected] of cases) {
    const doc = annotatedText(text)
    assert.equal(isNonClaim(doc, doc.sentences[0]!), expected, text)
  }
})
