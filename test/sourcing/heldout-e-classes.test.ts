// Speaker, attribution, source and opinion classes fixed after held-out set E: an appositive name after a possessive
// descriptor, a participle clause ("…, saying “…”"), a quoted phrase as the object of a stance verb, vague subjects
// followed by a place phrase, progressive reporting verbs, swirling rumors, outlets named as the object of "told" or
// "interview with", moral-judgement sentence adverbs, and judgements inside reported "that" clauses. Texts written for
// these tests.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { attributionOf, sourcing, type SourcingRun } from '../../src/test-support/sourcing-tester.js'



function opinionOf(doc: SourcingRun['doc'], out: SourcingRun['out'], opening: string): boolean {
  const s = doc.sentences.find((x) => doc.text.slice(x.start, x.end).startsWith(opening))
  assert.ok(s, `no sentence opening with ${opening}`)
  return out.opinion.sentences.includes(s.index)
}

test('a possessive descriptor before an appositive name: the name is the speaker', async () => {
  const { doc, out } = await sourcing(
    '“Nobody warned us,” said the baker’s brother, Ilya Sorokin.\n\n'
    + 'Mara’s landlord, Oskar Lindqvist, said the rent would stay the same. “I am not a monster,” said Priya’s uncle, Dev Anand.',
  )
  assert.deepEqual(out.quotes.quotes.map((q) => q.speaker), ['Ilya Sorokin', 'Dev Anand'])
  const s = attributionOf(doc, out, 'Mara’s landlord')
  assert.equal(s.type, 'named')
  assert.equal(s.source, 'Oskar Lindqvist')
  const people = out.sources.sources.filter((x) => x.kind === 'person').map((x) => x.name).sort()
  assert.deepEqual(people, ['Dev Anand', 'Ilya Sorokin', 'Oskar Lindqvist'])
})

test('a participle clause after a comma takes the subject of the main clause', async () => {
  const { out } = await sourcing(
    'Fire chief Rosa Quintero defended the evacuation order, saying “we would rather be early than sorry.” '
    + 'On Friday, Quintero visited the shelter, adding: “Everyone here will be fed.”',
  )
  assert.deepEqual(out.quotes.quotes.map((q) => q.speaker), ['Rosa Quintero', 'Rosa Quintero'])
})

test('a participle clause reporting speech without quotes attributes the sentence to the main subject', async () => {
  const { doc, out } = await sourcing('Coastguard officer Lena Brandt closed the harbour on Sunday, saying that the swell was too high.')
  const s = attributionOf(doc, out, 'Coastguard officer')
  assert.equal(s.type, 'named')
  assert.equal(s.source, 'Lena Brandt')
})

test('a quoted phrase as the object of a stance verb belongs to the verb’s subject', async () => {
  const { doc, out } = await sourcing('The festival director, Amara Osei, praised the album’s “quiet, stubborn hope.”')
  assert.deepEqual(out.quotes.quotes.map((q) => q.speaker), ['Amara Osei'])
  const s = attributionOf(doc, out, 'The festival director')
  assert.equal(s.type, 'named')
  assert.ok(out.sources.sources.some((x) => x.kind === 'person' && x.name === 'Amara Osei'))
})

test('a vague subject followed by a place phrase stays vague, and the place is no source', async () => {
  const { doc, out } = await sourcing(
    'Sources inside the ministry say the budget will be cut. Many families in the valley are saying the school must stay open. '
    + 'Rumours have swirled for months that the ferry will stop.',
  )
  for (const opening of ['Sources inside', 'Many families', 'Rumours have']) assert.equal(attributionOf(doc, out, opening).type, 'vague', opening)
  assert.ok(!out.sources.sources.some((x) => x.kind !== 'unnamed'), JSON.stringify(out.sources.sources))
})

test('a progressive reporting verb names its subject; a passive one stays vague', async () => {
  const { doc, out } = await sourcing('Governor Ines Bauer is saying the bridge will reopen in May. The bridge was said to be unsafe.')
  const s = attributionOf(doc, out, 'Governor Ines Bauer')
  assert.equal(s.type, 'named')
  assert.equal(s.source, 'Ines Bauer')
  assert.equal(attributionOf(doc, out, 'The bridge was said').type, 'vague')
})

test('outlets named as the object of "told" or of "interview with" are cited', async () => {
  const { out } = await sourcing(
    'Midfielder Tomas Varga told Sky Sports he wanted to stay. His coach said in an interview with Al Jazeera that Varga was happy.',
  )
  const outlets = out.sources.sources.filter((x) => x.kind === 'outlet').map((x) => x.name).sort()
  assert.deepEqual(outlets, ['Al Jazeera', 'Sky Sports'])
})

test('a moral-judgement sentence adverb makes an opinion; a judgement inside a reported clause does not', async () => {
  const { doc, out } = await sourcing(
    'Disgracefully, the council ignored the petition. The minister warned that the forecast was wrong. The forecast was wrong.',
  )
  assert.equal(opinionOf(doc, out, 'Disgracefully'), true)
  assert.equal(opinionOf(doc, out, 'The minister warned'), false)
  assert.equal(out.opinion.scores[doc.sentences.find((x) => doc.text.slice(x.start, x.end).startsWith('The forecast'))!.index]! > 0, true)
})
