import { test } from 'node:test'
import assert from 'node:assert/strict'
import { annotatedText, runAnalyzer } from '../../test-support/analyzer-tester.js'
import coreference, { createCoreferenceAnalyzer, resolveCoreference } from './coreference.js'
import type { CoreferenceOutput } from './types.js'
import type { ReportDraft } from '../types.js'
import { FactsiftError } from '../../errors.js'

/** Mentions of the entity named `name`, as "text/kind" in text order. */
function mentionsOf(out: CoreferenceOutput, name: string): string[] {
  const index = out.entities.findIndex((e) => e.name === name)
  assert.ok(index >= 0, `no entity named ${name}: ${out.entities.map((e) => e.name).join(', ')}`)
  return out.mentions.filter((m) => m.entity === index).map((m) => `${m.text}/${m.kind}`)
}

const cases: { name: string; text: string; entity: string; type?: string; mentions: string[] }[] = [
  {
    name: 'full name → surname → title → pronoun',
    text: 'Attorney General Mark Ellison opened an inquiry. Ellison said it would take months. The attorney general said he was confident.',
    entity: 'Mark Ellison',
    mentions: ['Mark Ellison/name', 'Ellison/surname', 'attorney general/title', 'he/pronoun'],
  },
  {
    name: 'known entity from a surname, titles linked by the article',
    text: 'President Trump attacked Jeff Sessions again. Trump tweeted on Tuesday. Later the President said he was unhappy.',
    entity: 'Donald Trump',
    mentions: ['Trump/surname', 'Trump/surname', 'President/title', 'he/pronoun'],
  },
  {
    name: 'apposition links a title ("the Attorney General, Jeff Sessions") and an abbreviation resolves',
    text: 'Trump criticized the Attorney General, Jeff Sessions. He said the A.G. was weak.',
    entity: 'Jeff Sessions',
    mentions: ['Attorney General/title', 'Jeff Sessions/name', 'A.G./title'],
  },
  {
    name: 'name, the title (with a modifier)',
    text: 'Rosa Delgado, the state attorney general, sued the chain. The attorney general said the chain ignored warnings.',
    entity: 'Rosa Delgado',
    mentions: ['Rosa Delgado/name', 'attorney general/title', 'attorney general/title'],
  },
  {
    name: 'acronym canonical name',
    text: 'The DNC said the server was secure. A DNC spokesman declined to comment.',
    entity: 'Democratic National Committee',
    type: 'organization',
    mentions: ['DNC/acronym', 'DNC/acronym'],
  },
  {
    name: 'a fuller name in the article beats the known-entity surname',
    text: 'Union secretary Mel Harris spoke on Monday. Harris said the union would vote.',
    entity: 'Mel Harris',
    mentions: ['Mel Harris/name', 'Harris/surname'],
  },
  {
    name: '"the airline" refers back to the organization',
    text: 'Northwind Air said flights would resume. The airline said safety came first.',
    entity: 'Northwind Air',
    type: 'organization',
    mentions: ['Northwind Air/name', 'airline/nominal'],
  },
  {
    name: 'pronouns skip quoted words and follow gender',
    text: 'Coach Ben Okafor praised the team. Captain Lucy Grant agreed. “He is right,” she said.',
    entity: 'Lucy Grant',
    mentions: ['Lucy Grant/name', 'she/pronoun'],
  },
]

for (const c of cases) {
  test(`coreference: ${c.name}`, async () => {
    const doc = annotatedText(c.text)
    const out = await runAnalyzer(coreference, doc)
    for (const m of out.mentions) assert.equal(doc.text.slice(m.start, m.end), m.text, 'mention span')
    for (let i = 1; i < out.mentions.length; i++) assert.ok(out.mentions[i - 1]!.start <= out.mentions[i]!.start, 'sorted')
    assert.deepEqual(mentionsOf(out, c.entity), c.mentions)
    if (c.type) assert.equal(out.entities.find((e) => e.name === c.entity)!.type, c.type)
  })
}

test('coreference: contribute replaces report.entities with canonical names and all mentions', async () => {
  const doc = annotatedText('President Trump spoke. The president said he would win.')
  const out = await runAnalyzer(coreference, doc)
  const draft = { entities: [] } as unknown as ReportDraft
  coreference.contribute!(out, draft, doc)
  const trump = draft.entities.find((e) => e.name === 'Donald Trump')!
  assert.deepEqual(trump.mentions.map((m) => m.text), ['Trump', 'president', 'he'])
  for (const m of trump.mentions) assert.equal(doc.text.slice(m.start, m.end), m.text)
})

test('coreference: user known entities extend the bundled table', () => {
  const doc = annotatedText('Okonkwo said the port would reopen. Okonkwo added that trade would recover.')
  const plain = resolveCoreference(doc)
  assert.ok(!plain.entities.some((e) => e.name === 'Amara Okonkwo'))
  const extended = resolveCoreference(doc, { knownEntities: { 'Amara Okonkwo': { type: 'person', gender: 'f', aliases: ['Okonkwo'], titles: ['port director'] } } })
  assert.deepEqual(mentionsOf(extended, 'Amara Okonkwo'), ['Okonkwo/surname', 'Okonkwo/surname'])
})

test('coreference: a missing known-entities file is a configuration error', () => {
  const analyzer = createCoreferenceAnalyzer({ knownEntities: '/nonexistent/known.json' })
  assert.throws(() => analyzer.analyze(annotatedText('Hello.'), undefined as never), (e: unknown) => e instanceof FactsiftError && e.code === 'E_CONFIG')
})
