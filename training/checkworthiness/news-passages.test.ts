import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fileURLToPath } from 'node:url'
import { annotate } from '../../src/nlp/annotate.js'
import { meanPrecisionAtK, parseNewsPassage, passageDocument, readNewsPassages, sentenceLabels } from './news-passages.js'
import { isFactsiftError } from '../../src/errors.js'

const sample = ['# comment', '* The mayor cut the budget by 5 percent.', 'It was a sad day.', '', '* Taxes rose 2 percent in May.', 'Who knows?'].join('\n')

test('parseNewsPassage joins sentences into paragraphs and records gold spans exactly', () => {
  const p = parseNewsPassage('n', sample)
  assert.equal(p.text, 'The mayor cut the budget by 5 percent. It was a sad day.\n\nTaxes rose 2 percent in May. Who knows?')
  assert.deepEqual(p.gold.map((g) => p.text.slice(g.start, g.end)), ['The mayor cut the budget by 5 percent.', 'Taxes rose 2 percent in May.'])
})

test('a passage without gold sentences is a data error', () => {
  assert.throws(() => parseNewsPassage('n', 'Just text.'), (e: unknown) => isFactsiftError(e) && e.code === 'E_BAD_DATA_ROW')
})

test('annotated sentences get the gold labels of the spans they overlap', () => {
  const p = parseNewsPassage('n', sample)
  const doc = annotate(passageDocument(p))
  assert.deepEqual(sentenceLabels(doc.sentences, p.gold), [1, 0, 1, 0])
})

test('meanPrecisionAtK ranks each passage by its scores', () => {
  const passages = [
    { scores: [3, 2, 1, 0], labels: [1, 0, 1, 0] },
    { scores: [0, 1, 2], labels: [1, 1, 1] },
  ]
  assert.equal(meanPrecisionAtK(passages, 3), (2 / 3 + 1) / 2)
})

test('the shipped news fixtures: at least 20 passages, every gold span is a whole annotated sentence', () => {
  const dir = fileURLToPath(new URL('../../test/fixtures/checkworthiness/news/', import.meta.url))
  const passages = readNewsPassages(dir)
  assert.ok(passages.length >= 20)
  for (const p of passages) {
    const doc = annotate(passageDocument(p))
    const labels = sentenceLabels(doc.sentences, p.gold)
    assert.equal(labels.reduce((a: number, b) => a + b, 0), p.gold.length, `${p.id}: each gold sentence is one annotated sentence`)
  }
})
