// Speakers named at the start of a sentence (where capitals prove nothing) and sentences that end in a link.
// Texts written for these tests.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { sourcing } from '../../src/test-support/sourcing-tester.js'


test('a pronoun speaker resolves to a person introduced at the start of a sentence', async () => {
  const { out } = await sourcing(
    'Oyelaran Bakare has mended fishing nets in the harbour for thirty years.\n\n'
    + '“The new quay took half our moorings,” she said. “Nobody asked us.”',
  )
  assert.deepEqual(out.quotes.quotes.map((q) => q.speaker), ['Oyelaran Bakare', 'Oyelaran Bakare'])
  assert.ok(out.sources.sources.some((s) => s.kind === 'person' && s.name === 'Oyelaran Bakare'))
})

test('an organization named at the start of a sentence is the source, not a person', async () => {
  const { out } = await sourcing(
    'Corvina Rail said on Tuesday that the line would reopen in May.\n\n'
    + '“Safety comes first,” the company said.',
  )
  assert.deepEqual(out.quotes.quotes.map((q) => q.speaker), ['Corvina Rail'])
  assert.ok(out.sources.sources.some((s) => s.kind === 'organization' && s.name === 'Corvina Rail'))
  assert.ok(!out.sources.sources.some((s) => s.kind === 'person'))
})

test('a link that ends a sentence does not swallow the next one', async () => {
  const { doc, out } = await sourcing(
    'The council published its budget at https://council.example/budget-2031. Officials said it was balanced.',
  )
  const texts = out.attribution.sentences.map((s) => doc.text.slice(s.start, s.end))
  assert.deepEqual(texts, [
    'The council published its budget at https://council.example/budget-2031.',
    'Officials said it was balanced.',
  ])
  assert.equal(out.attribution.sentences[1]!.type, 'vague')
  assert.ok(out.sources.sources.some((s) => s.kind === 'document' && s.name === 'council.example'))
})

test('an ordinary plural noun opening the sentence is an unnamed source, not an organization', async () => {
  const { doc, out } = await sourcing('Meteorologists expect more snow by Friday. Seismologists believe the fault is quiet.')
  for (const s of out.attribution.sentences) assert.equal(s.type, 'vague', doc.text.slice(s.start, s.end))
  assert.deepEqual(out.sources.sources.filter((s) => s.kind !== 'unnamed'), [])
})

test('a recommendation or advice with its content is a named attribution', async () => {
  const { doc, out } = await sourcing(
    'The Harbor Authority recommended on Monday that ferries stay in port. The coastguard advised sailors to wait.',
  )
  const types = out.attribution.sentences.map((s) => [doc.text.slice(s.start, s.end).split(' ')[1], s.type, s.source])
  assert.deepEqual(types, [['Harbor', 'named', 'Harbor Authority'], ['coastguard', 'named', 'coastguard']])
})
