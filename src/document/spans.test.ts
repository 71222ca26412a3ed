import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { AnnotatedDocument, Sentence, Token } from './types.js'
import { assertSpansValid, sentenceAt, sentenceOf, sentenceText, spanText, tokensOf, wordCount } from './spans.js'

const text = 'One two. Three four five.'
const tok = (start: number, end: number, sentence: number): Token => ({
  start, end, sentence, kind: 'word', pos: 'X', lower: text.slice(start, end).toLowerCase(), lemma: '',
})
const tokens = [tok(0, 3, 0), tok(4, 7, 0), tok(7, 8, 0), tok(9, 14, 1), tok(15, 19, 1), tok(20, 24, 1), tok(24, 25, 1)]
const sentences: Sentence[] = [
  { start: 0, end: 8, index: 0, paragraph: 0, tokenStart: 0, tokenEnd: 3 },
  { start: 9, end: 25, index: 1, paragraph: 0, tokenStart: 3, tokenEnd: 7 },
]
const doc = { text, tokens, sentences } as unknown as AnnotatedDocument

describe('span accessors', () => {
  it('spanText and sentenceText slice the text', () => {
    assert.equal(spanText(doc, { start: 4, end: 7 }), 'two')
    assert.equal(sentenceText(doc, sentences[1]), 'Three four five.')
  })
  it('sentenceAt finds the sentence holding an offset, or none between sentences', () => {
    assert.equal(sentenceAt(doc, 0)?.index, 0)
    assert.equal(sentenceAt(doc, 7)?.index, 0)
    assert.equal(sentenceAt(doc, 8), undefined)
    assert.equal(sentenceAt(doc, 24)?.index, 1)
    assert.equal(sentenceAt(doc, 25), undefined)
    assert.equal(sentenceOf(doc, { start: 15, end: 19 })?.index, 1)
  })
  it('tokensOf returns the tokens of a sentence', () => {
    assert.deepEqual(tokensOf(doc, sentences[1]).map((t) => t.lower), ['three', 'four', 'five', '.'])
  })
  it('wordCount counts words with a letter or digit', () => {
    assert.equal(wordCount({ text: 'It’s 5 o’clock — twenty-two people!' }), 5)
    assert.equal(wordCount({ text: '' }), 0)
    assert.equal(wordCount({ text: ' — … \n' }), 0)
    assert.equal(wordCount({ text: 'Ünïcode wörds\nhere' }), 3)
  })
})

describe('assertSpansValid', () => {
  const cases: Array<[string, object, RegExp | null]> = [
    ['a valid span', { start: 0, end: 3, text: 'One' }, null],
    ['an empty span', { start: 2, end: 2 }, /empty/],
    ['a reversed span', { start: 5, end: 2 }, /reversed/],
    ['a span past the end', { start: 20, end: 99 }, /out of range/],
    ['a negative start', { start: -1, end: 2 }, /out of range/],
    ['a fractional offset', { start: 0.5, end: 2 }, /integers/],
    ['a text that differs from the slice', { start: 0, end: 3, text: 'Two' }, /differs/],
  ]
  for (const [name, span, error] of cases) {
    it(error ? `rejects ${name}` : `accepts ${name}`, () => {
      const run = () => assertSpansValid(text, [span as never], 'layer')
      if (error) assert.throws(run, error)
      else assert.doesNotThrow(run)
    })
  }
  it('names the layer and index in its message', () => {
    assert.throws(() => assertSpansValid(text, [{ start: 0, end: 1 }, { start: 3, end: 3 }], 'quotes'), /quotes\[1\] \[3, 3\)/)
  })
})
