// A URL or e-mail address that ends a sentence: wink glues the full stop to it; annotate splits it off so that the
// sentence ends there. Texts written for these tests.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { documentFromText } from '../document/create.js'
import { assertAnnotatedDocumentValid } from '../document/test-support/validate.js'
import { annotate } from './annotate.js'

function sentencesOf(text: string): { sentences: string[]; urls: string[] } {
  const doc = annotate(documentFromText(text))
  assertAnnotatedDocumentValid(doc)
  return {
    sentences: doc.sentences.map((s) => text.slice(s.start, s.end)),
    urls: doc.tokens.filter((t) => t.kind === 'url' || t.kind === 'email').map((t) => text.slice(t.start, t.end)),
  }
}

describe('URLs at the end of a sentence', () => {
  it('a URL before a full stop ends the sentence', () => {
    const text = 'The full ruling is at https://courts.example/rulings/2031-44. Lawyers for the city said they would appeal.'
    const { sentences, urls } = sentencesOf(text)
    assert.deepEqual(sentences, [
      'The full ruling is at https://courts.example/rulings/2031-44.',
      'Lawyers for the city said they would appeal.',
    ])
    assert.deepEqual(urls, ['https://courts.example/rulings/2031-44'])
  })

  it('an e-mail address before a full stop ends the sentence too', () => {
    const { sentences, urls } = sentencesOf('Send tips to desk@paper.example. The desk reads every one.')
    assert.equal(sentences.length, 2)
    assert.deepEqual(urls, ['desk@paper.example'])
  })

  it('a URL with its own parentheses keeps them; a closing bracket outside is punctuation', () => {
    const a = sentencesOf('See https://wiki.example/Mercury_(planet). It is small.')
    assert.deepEqual(a.urls, ['https://wiki.example/Mercury_(planet)'])
    assert.equal(a.sentences.length, 2)
    const b = sentencesOf('The data (https://stats.example/q3) were revised. Nothing else changed.')
    assert.deepEqual(b.urls, ['https://stats.example/q3'])
    assert.equal(b.sentences.length, 2)
  })

  it('a URL inside a sentence is left whole', () => {
    const { sentences, urls } = sentencesOf('Visit https://shop.example/a.b?x=1 for details. Prices vary.')
    assert.deepEqual(urls, ['https://shop.example/a.b?x=1'])
    assert.equal(sentences.length, 2)
  })
})
