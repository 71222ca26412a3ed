import { test } from 'node:test'
import assert from 'node:assert/strict'
import { annotatedText, runAnalyzer } from '../../test-support/analyzer-tester.js'
import type { ReportDraft } from '../types.js'
import opinion from './opinion.js'

/** Each case lists the sentences that must come out as opinion, by their first words. */
const cases: { name: string; text: string; opinions: string[] }[] = [
  { name: 'facts are not opinions', text: 'The council approved the stadium by seven votes to two. Construction begins in October.', opinions: [] },
  { name: 'evaluation with a frame', text: 'It is a shameful waste of public money. It’s quite disheartening to see.', opinions: ['It is a shameful', 'It’s quite disheartening'] },
  { name: 'first person and certainty markers', text: 'In my view, the city should have invested in schools. There’s no doubt the law is a disaster.', opinions: ['In my view', 'There’s no doubt'] },
  { name: 'rhetorical question and exclamation', text: 'Who will feed the country now? What a terrible decision!', opinions: ['Who will feed', 'What a terrible'] },
  { name: 'words inside quotes do not count', text: '“This is a disgraceful, shameful decision!” the mayor said.', opinions: [] },
]

for (const c of cases) {
  test(`opinion: ${c.name}`, async () => {
    const doc = annotatedText(c.text)
    const out = await runAnalyzer(opinion, doc)
    assert.equal(out.scores.length, doc.sentences.length)
    for (const cue of out.cues) assert.equal(doc.text.slice(cue.start, cue.end), cue.text)
    const got = out.sentences.map((i) => doc.text.slice(doc.sentences[i]!.start, doc.sentences[i]!.end))
    assert.equal(got.length, c.opinions.length, `opinions: ${JSON.stringify(got)}`)
    got.forEach((s, i) => assert.ok(s.startsWith(c.opinions[i]!), `${s} should start with ${c.opinions[i]}`))
  })
}

test('opinion: contribute marks claims of opinion sentences', async () => {
  const doc = annotatedText('Taxes rose by 2 percent. What a terrible decision!')
  const out = await runAnalyzer(opinion, doc)
  const claim = (sentence: number) => ({ id: `c${sentence}`, text: '', start: 0, end: 0, checkworthiness: 0.5, attribution: { type: 'none', source: null }, matches: [], evidence: [], sentence })
  const draft = { claims: [claim(0), claim(1)] } as unknown as ReportDraft
  opinion.contribute!(out, draft, doc)
  assert.deepEqual(draft.claims.map((c) => c.opinion), [undefined, true])
})
