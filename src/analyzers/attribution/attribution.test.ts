import { test } from 'node:test'
import assert from 'node:assert/strict'
import { annotatedText, runAnalyzer } from '../../test-support/analyzer-tester.js'
import type { Analyzer, ReportDraft } from '../types.js'
import coreference from '../coreference/coreference.js'
import quotes from '../quotes/quotes.js'
import attribution from './attribution.js'
import type { AttributionOutput } from './types.js'
import { toSignal } from '../../report/signals.js'
import { VAGUE_ATTRIBUTION } from './signals.js'

const before = [coreference, quotes] as Analyzer[]

/** One expected row per sentence: "type" or "type:source". */
const cases: { name: string; text: string; sentences: string[]; vague?: string[] }[] = [
  { name: 'named person with a that-clause', text: 'Health Minister Laila Haddad said that hospitals had enough beds.', sentences: ['named:Laila Haddad'] },
  { name: 'according to an outlet (alias normalized)', text: 'The firm cut 300 jobs, according to the Washington Post.', sentences: ['named:The Washington Post'] },
  { name: 'outlet reported', text: 'The NYT reported that the agency ignored warnings. The agency has not responded.', sentences: ['named:The New York Times', 'none'] },
  { name: 'role subject', text: 'The White House Communication Director admitted to journalists that talks had stalled.', sentences: ['named:White House Communication Director'] },
  { name: 'organization and document', text: 'The World Health Organization said cases fell. According to court documents, the suspect bought a rifle.', sentences: ['named:World Health Organization', 'named:court documents'] },
  { name: 'quote sentence', text: '“We will not raise taxes,” Mayor Ana Ruiz said on Monday.', sentences: ['quote:Ana Ruiz'] },
  { name: 'quote with a recipient and an appositive', text: '“Why did it take so long?” asked Jonah Reyes, a customer in Leeds.', sentences: ['quote:Jonah Reyes'] },
  { name: 'intro with its own claim stays named', text: 'Governor Lisa Park announced the curfew in a tweet: “Stay home after 9 p.m.”', sentences: ['named:Lisa Park'] },
  { name: 'partial quote makes the sentence named', text: 'Mayor Joan Briggs said the plan was “dead on arrival” and left.', sentences: ['named:Joan Briggs'] },
  {
    name: 'vague cues',
    text: 'Reports emerged that the striker failed a medical. The club reportedly offered a contract. Sources close to the player say he wants to leave. Analysts note that the fee is high. It has also been said that the coach will go. The buyer is reported to be a Chinese firm. There has been rumors for weeks. Many people are saying it was rigged.',
    sentences: ['vague', 'vague', 'vague', 'vague', 'vague', 'vague', 'vague', 'vague'],
    vague: ['Reports emerged', 'reportedly', 'Sources close to', 'Analysts note', 'It has also been said', 'is reported to', 'There has been rumors', 'Many people are saying'],
  },
  { name: 'unnamed officials vs police', text: 'Police said the driver was not injured. Two officials said the road would stay closed.', sentences: ['named:police', 'vague'] },
  { name: 'none: writer statements and refusals', text: 'The factory employs 1,200 people. Her manager declined to confirm the reports.', sentences: ['none', 'none'] },
  { name: 'stance verbs need content', text: 'Senator Tom Becker criticized the plan. Becker accused the mayor of lying.', sentences: ['none', 'named:Tom Becker'] },
  { name: 'source line and its sentence', text: 'The mine will close in June. Source: News Week', sentences: ['named:Newsweek', 'named:Newsweek'] },
]

function row(s: AttributionOutput['sentences'][number]): string {
  return s.type === 'named' || s.type === 'quote' ? `${s.type}:${s.source}` : s.type
}

for (const c of cases) {
  test(`attribution: ${c.name}`, async () => {
    const doc = annotatedText(c.text)
    const out = await runAnalyzer(attribution, doc, before)
    assert.equal(out.sentences.length, doc.sentences.length)
    out.sentences.forEach((s, i) => {
      assert.equal(s.sentence, i)
      assert.equal(doc.text.slice(s.start, s.end), doc.text.slice(doc.sentences[i]!.start, doc.sentences[i]!.end))
      if (s.cue) assert.equal(doc.text.slice(s.cue.start, s.cue.end), s.cue.text, 'cue span')
      for (const v of s.vague) assert.equal(doc.text.slice(v.start, v.end), v.text, 'vague span')
    })
    assert.deepEqual(out.sentences.map(row), c.sentences)
    if (c.vague) assert.deepEqual(out.sentences.flatMap((s) => s.vague.map((v) => v.text)), c.vague)
  })
}

test('attribution: contribute adds a vague-attribution signal per vague span and fills claims', async () => {
  const doc = annotatedText('Analysts note that prices rose. Mayor Ana Ruiz said taxes would fall.')
  const out = await runAnalyzer(attribution, doc, before)
  const draft = {
    signals: [],
    claims: [{ id: 'c1', text: '', start: 0, end: 0, checkworthiness: 0.5, attribution: { type: 'none', source: null }, matches: [], evidence: [], sentence: 1 }],
  } as unknown as ReportDraft
  attribution.contribute!(out, draft, doc)
  const signals = draft.signals.map((s) => toSignal(s, VAGUE_ATTRIBUTION))
  assert.deepEqual(signals.map((s) => [s.id, doc.text.slice(s.start, s.end), s.message, s.severity]), [[VAGUE_ATTRIBUTION.id, 'Analysts note', 'unnamed source: analysts note', 'warn']])
  assert.deepEqual(draft.claims[0]!.attribution, { type: 'named', source: 'Ana Ruiz' })
})
