import { test } from 'node:test'
import assert from 'node:assert/strict'
import { bodyOf, gatherEvidence, type CredibilityInput } from './evidence.js'
import { FEATURES, MISSPELLING_RATE_CAP, featureValues } from './features.js'
import { isBritishSpelling } from '../style/british-spelling.js'

// Written for this test.
const TEXT = 'SHOCKING news today\nInsiders say the mayor is finished! Sources claim he recieved cash. The colour of money, you know.'

function input(overrides: Partial<CredibilityInput> = {}): CredibilityInput {
  const at = (word: string) => ({ start: TEXT.indexOf(word), end: TEXT.indexOf(word) + word.length })
  return {
    text: TEXT,
    title: 'SHOCKING news today',
    signals: [
      { id: 'misspelling', ...at('recieved') },
      { id: 'misspelling', ...at('colour') },
      { id: 'vague-attribution', ...at('Sources claim') },
      { id: 'hedge', ...at('Insiders say') },
    ],
    claims: [{ attribution: { type: 'vague', source: null } }, { attribution: { type: 'named', source: 'X' } }, { attribution: { type: 'none', source: null } }],
    quotes: [{ speaker: 'Jane Roe' }, { speaker: null }],
    sources: [{ kind: 'outlet' }, { kind: 'person' }, { kind: 'unnamed' }],
    entities: [{ type: 'person', mentions: [{ start: 0, end: 1, text: 'x' }] }],
    present: new Set(['style', 'hedging', 'attribution', 'checkworthiness', 'quotes', 'sources']),
    ...overrides,
  }
}

test('the body drops a leading title line so pasted and JSON articles read alike', () => {
  assert.equal(bodyOf(TEXT, 'SHOCKING news today').startsWith('Insiders say'), true)
  assert.equal(bodyOf('Body only.', 'Other title'), 'Body only.')
  assert.equal(bodyOf('Body only.', null), 'Body only.')
})

test('evidence counts findings from the report and words from the body', () => {
  const e = gatherEvidence(input())
  assert.equal(e.wordCount, 17)
  assert.equal(e.misspellings, 1) // "colour" is a British spelling, not a misspelling
  assert.deepEqual(e.examples.misspelling, ['recieved'])
  assert.equal(e.vagueAttributions, 1)
  assert.equal(e.hedges, 1)
  assert.deepEqual([e.claims, e.vagueClaims, e.unattributedClaims, e.namedClaims], [3, 1, 1, 1])
  assert.deepEqual([e.quotes, e.quotesWithSpeaker], [2, 1])
  assert.deepEqual([e.namedSources, e.outlets, e.unnamedSources], [2, 1, 1])
  assert.equal(e.exclamations, 1)
  assert.equal(e.secondPerson, 1)
  assert.equal(e.title.allCaps, false)
  assert.equal(e.entityMentions.person, 1)
  // "Insiders" (outside the vague-attribution span) + the vague attribution itself; "Sources" sits inside that span.
  assert.equal(e.vagueSourcing.count, 2)
  assert.deepEqual(e.vagueSourcing.examples, ['Sources claim', 'Insiders'])
})

test('features of an analyzer that did not run are unknown (NaN), the rest are numbers', () => {
  const values = featureValues(gatherEvidence(input({ present: new Set(['hedging']) })))
  FEATURES.forEach((spec, j) => {
    const unknown = (spec.needs ?? []).some((id) => id !== 'hedging')
    assert.equal(Number.isNaN(values[j]), unknown, spec.name)
  })
})

test('every feature has a unique name and explains itself in both directions without throwing', () => {
  assert.equal(new Set(FEATURES.map((f) => f.name)).size, FEATURES.length)
  const e = gatherEvidence(input())
  for (const spec of FEATURES) {
    for (const raises of [true, false]) {
      const reason = spec.reason(e, raises)
      if (reason) assert.ok(reason.signal && reason.message, spec.name)
    }
  }
})

test('British spellings are recognised, real misspellings are not', () => {
  for (const w of ['rumours', 'realised', 'centre', 'travelling', 'grey']) assert.equal(isBritishSpelling(w), true, w)
  for (const w of ['recieved', 'presidencial', 'dissapointment']) assert.equal(isBritishSpelling(w), false, w)
})

test('style profile: function-word categories, hyphenated compounds, possessives and sentence-length spread', () => {
  // Written for this test.
  const text = 'Maybe not today. The mayor\'s long-term plan was never about the city\'s money, they said.'
  const e = gatherEvidence({ text, title: null, signals: [], claims: [], quotes: [], sources: [], entities: [], present: new Set() })
  assert.equal(e.functionWords.article, 2)
  assert.equal(e.functionWords.negation, 2) // not, never
  assert.equal(e.functionWords.tentative, 1)
  assert.equal(e.functionWords.they, 1)
  assert.equal(e.functionWords.reporting, 1)
  assert.equal(e.functionWords.money, 1)
  assert.equal(e.hyphenated, 1)
  assert.equal(e.possessives, 2)
  // Sentence lengths in letter runs: "Maybe not today" = 3; the second = 15 ("mayor's" and "long-term" count 2 each) → spread 6.
  assert.equal(e.sentenceLengthSd, 6)
})

test('abbreviated months are date references: "On Nov. 15, 2019" is not "no day, date or time reference"', () => {
  const text = 'On Nov. 15, 2019, the city council voted to close the bridge. The mayor said the repairs would cost $4 million.'
  const e = gatherEvidence(input({ text, title: null, signals: [] }))
  assert.equal(e.calendarWords, 1)
  const calendar = FEATURES.find((f) => f.name === 'calendar-rate')!
  assert.notEqual(calendar.reason(e, true)?.message, 'no day, date or time reference')
})

test('the misspelling rate the model reads is capped', () => {
  const words = Array.from({ length: 100 }, (_, i) => (i % 4 === 0 ? 'teh' : 'word')).join(' ')
  const signals = [...words.matchAll(/teh/g)].map((m) => ({ id: 'misspelling', start: m.index!, end: m.index! + 3 }))
  const e = gatherEvidence(input({ text: words, title: null, signals }))
  assert.equal(e.misspellings, 25)
  const misspelling = FEATURES.find((f) => f.name === 'misspelling-rate')!
  assert.equal(misspelling.value(e), MISSPELLING_RATE_CAP)
  assert.ok(misspelling.reason(e, true)?.message.startsWith('25 misspelled words'), 'the reason still counts them all')
})
