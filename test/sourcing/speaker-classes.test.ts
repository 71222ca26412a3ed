// Speaker and attribution classes fixed after held-out set D: a role word opening a sentence before a name, a quote
// introduced by reported speech in the sentence before, a passive report after a quote, nouns that look like reporting
// verbs, and counted objects of stance verbs. Texts written for these tests.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { attributionOf, sourcing } from '../../src/test-support/sourcing-tester.js'



test('a role word opening a sentence is a descriptor, not part of the speaker’s name', async () => {
  const { out } = await sourcing(
    'Plumber Farida Nkemelu has worked on the high street for a decade. “Trade has never been this slow,” she said.\n\n'
    + 'Economist Jane Doe said the slowdown was national. Goalkeeper Ali Khan, 31, agreed. “We all feel it,” Khan said.',
  )
  assert.deepEqual(out.quotes.quotes.map((q) => q.speaker), ['Farida Nkemelu', 'Ali Khan'])
  const people = out.sources.sources.filter((s) => s.kind === 'person').map((s) => s.name).sort()
  assert.deepEqual(people, ['Ali Khan', 'Farida Nkemelu', 'Jane Doe'])
})

test('a multi-word organization opening a sentence stays whole', async () => {
  const { out } = await sourcing('Harbourside Logistics said on Monday that it would hire 200 drivers.')
  assert.ok(out.sources.sources.some((s) => s.kind === 'organization' && s.name === 'Harbourside Logistics'))
})

test('a quote that is a whole sentence continues the reported speech of the sentence before', async () => {
  const { out } = await sourcing(
    'Tomasz Wielgus, the head of the rowing club, met members on Sunday. Wielgus told them the boathouse would be rebuilt. '
    + '“Every boat we lost will be replaced.”',
  )
  assert.deepEqual(out.quotes.quotes.map((q) => q.speaker), ['Tomasz Wielgus'])
})

test('a sentence that does not report speech gives no speaker to the quote after it', async () => {
  const { out } = await sourcing('Tomasz Wielgus rebuilt the boathouse in 2019. “Every boat we lost will be replaced.”')
  assert.deepEqual(out.quotes.quotes.map((q) => q.speaker), [null])
})

test('a passive report after a quote does not claim it', async () => {
  const { out } = await sourcing(
    'Governor Lina Ortega wrote in a post on Tuesday:\n\n'
    + '“The treasurer keeps saying, ‘The audit is almost done,’ but I have seen nothing.” Marsh is said to be weighing an appeal.',
  )
  assert.equal(out.quotes.quotes.length, 1)
  assert.equal(out.quotes.quotes[0]!.speaker, 'Lina Ortega')
})

test('"in another state" is a noun, not a reporting verb', async () => {
  const { doc, out } = await sourcing(
    'The ferry service resumed on Monday.\n\n'
    + 'Reports surfaced last week that the operator, Quayline Marine, had been fined in another state for overloading.',
  )
  const s = attributionOf(doc, out, 'Reports surfaced')
  assert.equal(s.type, 'vague')
  assert.ok(!out.sources.sources.some((x) => x.kind === 'document'))
})

test('a stance verb with a counted object ("recalled 12,000 bottles of") attributes nothing', async () => {
  const { doc, out } = await sourcing('Brookfield Dairy recalled 12,000 bottles of milk in May after a cooling fault.')
  assert.equal(attributionOf(doc, out, 'Brookfield Dairy').type, 'none')
})
