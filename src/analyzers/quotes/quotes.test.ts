import { test } from 'node:test'
import assert from 'node:assert/strict'
import { annotatedText, runAnalyzer } from '../../test-support/analyzer-tester.js'
import coreference from '../coreference/coreference.js'
import quotes from './quotes.js'
import type { Analyzer } from '../types.js'
import type { QuotesOutput } from './types.js'
import type { ReportDraft } from '../types.js'

interface Expect {
  text: string
  speaker: string | null
  /** The speaker's words as written (the span). */
  speakerSpan?: string
  verb?: string | null
  medium?: string | null
}

const cases: { name: string; text: string; quotes: Expect[]; ignored?: string[] }[] = [
  { name: 'said after, full name', text: '“We will not raise taxes,” Mayor Ana Ruiz said on Monday.', quotes: [{ text: 'We will not raise taxes,', speaker: 'Ana Ruiz', speakerSpan: 'Ana Ruiz', verb: 'said' }] },
  { name: 'inverted said + role', text: '"The bridge is safe," said a spokesman for the Transport Ministry.', quotes: [{ text: 'The bridge is safe,', speaker: 'spokesman for the Transport Ministry', verb: 'said' }] },
  { name: 'single quotes, British style', text: "'We have no plans to close it,' a Network Rail spokeswoman said.", quotes: [{ text: 'We have no plans to close it,', speaker: 'Network Rail spokeswoman' }] },
  {
    name: 'colon intro, quote in next paragraph, title resolves',
    text: 'President Elena Marsh criticized the bank. On Friday, the president wrote on Facebook:\n\n“The bank has failed us.”',
    quotes: [{ text: 'The bank has failed us.', speaker: 'Elena Marsh', speakerSpan: 'president', verb: 'wrote', medium: 'post' }],
  },
  {
    name: 'introduced by the sentence before',
    text: 'Senator Tom Becker questioned the plan. Becker asked on Twitter.\n\n“Who is going to pay for this?”',
    quotes: [{ text: 'Who is going to pay for this?', speaker: 'Tom Becker', verb: 'asked', medium: 'tweet' }],
  },
  { name: 'scare quote with a speaker', text: 'Ravi Menon accused the government of what he called “a war on teachers.”', quotes: [{ text: 'a war on teachers.', speaker: 'Ravi Menon', speakerSpan: 'he', verb: 'called' }] },
  { name: 'scare quote without a speaker', text: 'The so-called “reform” left most fees unchanged.', quotes: [], ignored: ['scare'] },
  { name: 'song title', text: 'At the rally, the band played the song “Fortunate Son” twice.', quotes: [], ignored: ['title'] },
  { name: 'book title after a comma', text: 'Her memoir, “Breaking Ground,” sold 200,000 copies.', quotes: [], ignored: ['title'] },
  { name: 'reported speech without quotes', text: 'Health Minister Laila Haddad said that hospitals had enough beds.', quotes: [] },
  {
    name: 'nested quote stays inside',
    text: '“My father told me, ‘Never sell the farm,’ and I never will,” said Walter Dunn, 71.',
    quotes: [{ text: 'My father told me, ‘Never sell the farm,’ and I never will,', speaker: 'Walter Dunn' }],
    ignored: ['nested'],
  },
  {
    name: 'interrupted quote',
    text: '“The river has never been this low,” Carla Mendes said, “and we cannot work.”',
    quotes: [{ text: 'The river has never been this low,', speaker: 'Carla Mendes' }, { text: 'and we cannot work.', speaker: 'Carla Mendes' }],
  },
  {
    name: 'quote over two paragraphs',
    text: 'Dr. Maya Chen described the trial.\n\n“We followed 4,000 patients.\n\n“The drug cut heart attacks by a third,” Chen said.',
    quotes: [{ text: 'We followed 4,000 patients.', speaker: 'Maya Chen' }, { text: 'The drug cut heart attacks by a third,', speaker: 'Maya Chen' }],
  },
  {
    name: 'several speakers, pronouns by gender',
    text: 'Coach Ben Okafor praised his players. “They never gave up,” he said. Team captain Lucy Grant was cautious. “We still have work to do,” she said.',
    quotes: [{ text: 'They never gave up,', speaker: 'Ben Okafor', speakerSpan: 'he' }, { text: 'We still have work to do,', speaker: 'Lucy Grant', speakerSpan: 'she' }],
  },
  {
    name: 'appositive name after a role',
    text: 'His lawyer, Nina Patel, said: “My client denies every allegation.”',
    quotes: [{ text: 'My client denies every allegation.', speaker: 'Nina Patel', speakerSpan: 'Nina Patel' }],
  },
  {
    name: 'known entity from a surname',
    text: 'Trump spoke on Monday. “China wants a deal badly!” the president wrote.',
    quotes: [{ text: 'China wants a deal badly!', speaker: 'Donald Trump', speakerSpan: 'president', verb: 'wrote' }],
  },
  { name: 'according to after the quote', text: '“The fire started in the kitchen,” according to the fire department.', quotes: [{ text: 'The fire started in the kitchen,', speaker: 'fire department', verb: 'according to' }] },
  { name: 'tweet medium', text: 'Governor Lisa Park announced the curfew in a tweet: “Stay home after 9 p.m.”', quotes: [{ text: 'Stay home after 9 p.m.', speaker: 'Lisa Park', verb: 'announced', medium: 'tweet' }] },
  { name: 'sign is not a quote', text: 'Protesters carried signs reading “Hands off our pensions” outside parliament.', quotes: [], ignored: ['title'] },
]

async function run(text: string): Promise<{ doc: ReturnType<typeof annotatedText>; out: QuotesOutput }> {
  const doc = annotatedText(text)
  const out = await runAnalyzer(quotes, doc, [coreference as Analyzer])
  return { doc, out }
}

for (const c of cases) {
  test(`quotes: ${c.name}`, async () => {
    const { doc, out } = await run(c.text)
    assert.deepEqual(out.quotes.map((q) => q.text), c.quotes.map((q) => q.text))
    out.quotes.forEach((q, i) => {
      const want = c.quotes[i]!
      assert.equal(doc.text.slice(q.start, q.end), q.text, 'quote span')
      assert.equal(doc.text.slice(q.outer.start, q.outer.end).includes(q.text), true, 'outer span holds the quote')
      assert.equal(q.speaker, want.speaker, `speaker of ${want.text}`)
      if (q.speakerStart !== null) {
        assert.ok(q.speakerEnd! > q.speakerStart && q.speakerEnd! <= doc.text.length, 'speaker span in range')
        if (want.speakerSpan) assert.equal(doc.text.slice(q.speakerStart, q.speakerEnd!), want.speakerSpan)
      }
      if (want.verb !== undefined) assert.equal(q.verb, want.verb)
      if (want.medium !== undefined) assert.equal(q.medium, want.medium)
    })
    for (const g of out.ignored) assert.ok(g.end > g.start && g.end <= doc.text.length)
    if (c.ignored) assert.deepEqual(out.ignored.map((g) => g.reason), c.ignored)
  })
}

test('quotes: contribute writes report.quotes with the contract fields', async () => {
  const { doc, out } = await run('“We won,” said Ana Ruiz.')
  const draft = { quotes: [] } as unknown as ReportDraft
  quotes.contribute!(out, draft, doc)
  const at = doc.text.indexOf('Ana Ruiz')
  assert.deepEqual(draft.quotes, [{ text: 'We won,', start: 1, end: 8, speaker: 'Ana Ruiz', speakerStart: at, speakerEnd: at + 8, verb: 'said', medium: null }])
})
