// The seed article's sourcing patterns, on a paraphrase we wrote (test/fixtures/sourcing/seed-like.txt).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { sourcing } from '../../src/test-support/sourcing-tester.js'

const text = readFileSync(new URL('../../test/fixtures/sourcing/seed-like.txt', import.meta.url), 'utf8')
const { doc, out } = await sourcing(text)

function sentenceStarting(prefix: string) {
  const found = out.attribution.sentences.find((s) => doc.text.slice(s.start, s.end).startsWith(prefix))
  assert.ok(found, `no sentence starts with ${prefix}`)
  return found
}

test('seed-like: the three quotes are Donald Trump’s, whatever he is called', async () => {
  assert.deepEqual(
    out.quotes.quotes.map((q) => [q.text, q.speaker, doc.text.slice(q.speakerStart!, q.speakerEnd!)]),
    [
      ['Where is the probe, A.G.?', 'Donald Trump', 'president'],
      ['a feeble stance', 'Donald Trump', 'he'],
      ['Why is nobody looking into the leaks and the lost e-mails?', 'Donald Trump', 'Trump'],
    ],
  )
  for (const q of out.quotes.quotes) assert.equal(doc.text.slice(q.start, q.end), q.text)
  assert.equal(out.quotes.quotes[0]!.medium, 'tweet')
})

test('seed-like: vaguely sourced statements are vague, the admission is named', async () => {
  for (const prefix of ['The tweet came days after', 'There have been rumors', 'Trump and his aides are reported', 'Analysts note', 'It has also been said']) {
    assert.equal(sentenceStarting(prefix).type, 'vague', prefix)
  }
  const admission = sentenceStarting('The White House Communication Director admitted')
  assert.equal(admission.type, 'named')
  assert.equal(admission.source, 'White House Communication Director')
  assert.equal(sentenceStarting('“Where is the probe').type, 'quote')
})

test('seed-like: the three outlets are cited sources, names normalized', async () => {
  const outlets = out.sources.sources.filter((s) => s.kind === 'outlet').map((s) => s.name).sort()
  assert.deepEqual(outlets, ['Newsweek', 'The Washington Post', 'Yellowhammer News'])
  assert.ok(out.sources.sources.some((s) => s.kind === 'person' && s.name === 'Donald Trump'))
})

test('seed-like: entities carry canonical names and all mentions', async () => {
  const trump = out.coreference.entities.findIndex((e) => e.name === 'Donald Trump')
  const kinds = new Set(out.coreference.mentions.filter((m) => m.entity === trump).map((m) => m.kind))
  assert.deepEqual([...kinds].sort(), ['pronoun', 'surname', 'title'])
  const sessions = out.coreference.entities.findIndex((e) => e.name === 'Jeff Sessions')
  assert.ok(out.coreference.mentions.some((m) => m.entity === sessions && m.text === 'A.G.'))
  assert.ok(out.opinion.sentences.length >= 2)
})
