import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { documentFromText } from '../document/create.js'
import { assertAnnotatedDocumentValid } from '../document/test-support/validate.js'
import { annotate } from './annotate.js'

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/nlp/${name}`, import.meta.url), 'utf8')
const annotated = (text: string) => {
  const doc = annotate(documentFromText(text))
  assertAnnotatedDocumentValid(doc)
  return doc
}
const slices = (text: string, spans: Array<{ start: number; end: number }>) => spans.map((s) => text.slice(s.start, s.end))

describe('annotate: paragraphs', () => {
  const cases: Array<[string, string, string[]]> = [
    ['blank-line separated', 'One. Two.\n\nThree.', ['One. Two.', 'Three.']],
    ['a short standalone line', 'A headline\nThe body starts here and goes on.', ['A headline', 'The body starts here and goes on.']],
    ['one paragraph per line when lines end sentences', 'First para ends here.\nSecond one too.', ['First para ends here.', 'Second one too.']],
    [
      'hard-wrapped lines stay together',
      'This is a long line of prose that was wrapped by an old mail client at\nseventy characters, and it goes on for a while.',
      ['This is a long line of prose that was wrapped by an old mail client at\nseventy characters, and it goes on for a while.'],
    ],
    ['"Source: X" line', 'Body text here.\nSource: Daily Ledger\nMore text.', ['Body text here.', 'Source: Daily Ledger', 'More text.']],
    ['empty text', '', []],
  ]
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const doc = annotated(text)
      assert.deepEqual(slices(doc.text, doc.paragraphs), expected)
    })
  }
})

describe('annotate: sentences', () => {
  const cases: Array<[string, string, string[]]> = [
    ['simple', 'It rained. We stayed in! Did you?', ['It rained.', 'We stayed in!', 'Did you?']],
    ['titles and initials', 'Mr. Smith met Dr. J. R. Jones. They talked.', ['Mr. Smith met Dr. J. R. Jones.', 'They talked.']],
    ['acronyms with periods inside a sentence', 'The U.S. economy grew. The A.G. who resigned spoke.', ['The U.S. economy grew.', 'The A.G. who resigned spoke.']],
    ['month abbreviation before a number', 'It happened on Jan. 5 in Ohio. Nobody saw it.', ['It happened on Jan. 5 in Ohio.', 'Nobody saw it.']],
    ['never across a paragraph break', 'A line without a stop\n\nanother paragraph', ['A line without a stop', 'another paragraph']],
    ['a trailing "Source:" is its own sentence', 'Sessions may go. Source: Capital Times', ['Sessions may go.', 'Source: Capital Times']],
    ['quotes stay with their sentence', '“Where is it?” she asked. He left.', ['“Where is it?” she asked.', 'He left.']],
  ]
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const doc = annotated(text)
      assert.deepEqual(slices(doc.text, doc.sentences), expected)
    })
  }
})

describe('annotate: tokens', () => {
  it('maps tokens to exact offsets, folds curly apostrophes, keeps kinds and POS', () => {
    const doc = annotated('Trump’s aide can’t visit https://example.org on 3 May — 😀!')
    const byText = new Map(doc.tokens.map((t) => [doc.text.slice(t.start, t.end), t]))
    assert.equal(byText.get('’s')?.lower, "'s")
    assert.equal(byText.get('Trump')?.pos, 'PROPN')
    assert.equal(byText.get('Trump')?.lower, 'trump')
    assert.equal(byText.get('https://example.org')?.kind, 'url')
    assert.equal(byText.get('3')?.kind, 'number')
    assert.equal(byText.get('😀')?.kind, 'emoji')
    assert.equal(byText.get('!')?.kind, 'punctuation')
    assert.equal(byText.get('visit')?.lemma, 'visit')
    assert.ok(doc.tokens.every((t) => doc.text.slice(t.start, t.end).toLowerCase().replace(/’/g, "'") === t.lower))
  })
})

describe('annotate: source lines', () => {
  const cases: Array<[string, string, string[]]> = [
    ['standalone line', 'Text here.\n\nSource: News Week', ['News Week']],
    ['after a first-line title', 'Big news today. Source: Yellow Hammer News\n\nBody.', ['Yellow Hammer News']],
    ['plural label and trailing period', 'Body.\nSources: Metro Wire.', ['Metro Wire']],
    ['not inside a sentence', 'The source: a memo, he said, was fake.', []],
    ['not a lower-case name', 'Source: unknown', []],
  ]
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const doc = annotated(text)
      assert.deepEqual(doc.sourceLines.map((l) => l.name), expected)
      for (const line of doc.sourceLines) assert.match(doc.text.slice(line.start, line.end), /^Sources?: /)
    })
  }
})

describe('annotate: seed-like article (fixture)', () => {
  const doc = annotated(fixture('seed-like.txt'))
  const entity = (name: string) => doc.entities.find((e) => e.name === name)

  it('finds the people, organizations, places and dates', () => {
    const expected: Array<[string, string, number]> = [
      ['Trump', 'person', 7],
      ['Jeff Sessions', 'person', 9],
      ['Hillary Clinton', 'person', 1],
      ['Clinton family', 'person', 2],
      ['DNC', 'organization', 2],
      ['Democrats', 'organization', 1],
      ['White House', 'organization', 2],
      ['Twitter', 'organization', 1],
      ['Russia', 'place', 1],
      ['Tuesday', 'date', 1],
      ['last couple of days', 'date', 1],
      ['Daily Ledger', 'organization', 1],
      ['Capital Times', 'organization', 1],
    ]
    for (const [name, type, mentions] of expected) {
      const e = entity(name)
      assert.ok(e, `missing entity ${name}`)
      assert.equal(e.type, type, `type of ${name}`)
      assert.equal(e.mentions.length, mentions, `mentions of ${name}: ${e.mentions.map((m) => m.text).join(', ')}`)
    }
  })
  it('groups surname, typo and possessive mentions with the full name', () => {
    const texts = new Set(entity('Jeff Sessions')?.mentions.map((m) => m.text))
    assert.deepEqual([...texts].sort(), ['Jeff Sessions', 'Session', 'Sessions'])
  })
  it('makes no junk entities', () => {
    const names = doc.entities.map((e) => e.name)
    for (const junk of ['On Tuesday', 'However', 'More', 'President', 'Attorney General', 'A.G.', 'Aides', 'Still', 'Sessions was']) {
      assert.ok(!names.includes(junk), `unexpected entity ${junk}`)
    }
    assert.ok(!doc.entities.some((e) => e.type === 'person' && /tuesday/i.test(e.name)))
  })
  it('records the three "Source:" lines with exact name offsets', () => {
    assert.deepEqual(doc.sourceLines.map((l) => l.name), ['Daily Ledger', 'Morning Courier', 'Capital Times'])
    for (const l of doc.sourceLines) assert.equal(doc.text.slice(l.nameStart, l.nameEnd), l.name)
  })
})

// Words, names, abbreviations, quotes, dates, line breaks and odd characters glued together at random.
const newsPiece = fc.constantFrom(
  'Trump', 'Sessions', 'said', 'the', 'The', 'A.G.', 'U.S.', 'Mr.', 'Dr.', 'J.', 'of', 'Department', 'Justice', 'on', 'Tuesday',
  'last', 'week', 'March', '3', ',', '2019', '.', '!', '?', '“', '”', '’s', "'", '-', '—', ':', 'Source:', 'News', 'Week', 'the Clintons',
  'DNC', 'Russia', 'President', ' ', ' ', ' ', '\n', '\n\n', '\t', 'https://x.org/a', '😀', 'e\u0301', '\u200b', '\r\n', '#tag', '@user',
)
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))
const anyText = fc.oneof(
  fc.array(newsPiece, { maxLength: 60 }).map((parts) => parts.join(' ')),
  fc.array(newsPiece, { maxLength: 60 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.string({ unit: codeUnit, maxLength: 120 }),
)

describe('annotate: properties', () => {
  it('never throws and every span satisfies the offset invariant (normalized input)', () => {
    fc.assert(fc.property(anyText, (raw) => void annotated(raw)), { numRuns: 300, seed: 42 })
  })
  it('keeps the invariants on text that was never normalized', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const doc = annotate({ ...documentFromText(''), text: raw })
        assertAnnotatedDocumentValid(doc)
      }),
      { numRuns: 200, seed: 43 },
    )
  })
})
