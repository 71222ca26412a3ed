import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { decodeInput } from './decode.js'
import { extractArticle } from './html-extract.js'
import { ingest } from './ingest.js'
import { normalizeText } from '../document/normalize.js'
import { DEFAULT_LIMITS } from './limits.js'
import { FactsiftError } from '../errors.js'

const onlyFactsiftErrors = (fn: () => unknown): void => {
  try {
    fn()
  } catch (error) {
    assert.ok(error instanceof FactsiftError, `non-Factsift error: ${String(error)}`)
  }
}

test('decodeInput: arbitrary bytes decode or fail with a FactsiftError, never anything else', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => onlyFactsiftErrors(() => decodeInput(Buffer.from(bytes), DEFAULT_LIMITS))),
    { seed: 20261124, numRuns: 400 },
  )
})

test('ingest({ text }): the Document text is exactly normalizeText(text), or E_INPUT_EMPTY', async () => {
  // Code points (lone surrogates included) plus the characters normalization cares about. Built from integers:
  // fc.string({ unit: 'binary' }) takes seconds per hundred samples here.
  const unit = fc.oneof(
    fc.integer({ min: 0, max: 0x10ffff }),
    fc.constantFrom(0x0a, 0x0d, 0x20, 0x09, 0xa0, 0x200b, 0xfeff, 0x0301, 0x2028, 0x2029, 0x2e, 0x41, 0x61),
  )
  const text = fc.array(unit, { maxLength: 120 }).map((cps) => cps.map((c) => String.fromCodePoint(c)).join(''))
  const texts = fc.sample(text, { seed: 20261124, numRuns: 400 })
  for (const text of texts) {
    try {
      const doc = await ingest({ text }, DEFAULT_LIMITS)
      assert.equal(doc.text, normalizeText(text))
      assert.ok(doc.meta.title === null || !doc.meta.title.includes('\n'))
    } catch (error) {
      assert.ok(error instanceof FactsiftError && error.code === 'E_INPUT_EMPTY', `${String(error)} for ${JSON.stringify(text)}`)
    }
  }
})

test('extractArticle: arbitrary tag soup never crashes with anything but E_NO_ARTICLE', () => {
  const piece = fc.oneof(
    fc.constantFrom('<p>', '</p>', '<div class="share">', '</div>', '<article>', '<br>', '<ul><li>', '<a href="/x">', '</a>', '<h1>', '<script>', '</script>', '<!--', '-->', '<table><tr><td>'),
    fc.string({ maxLength: 30 }),
  )
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (parts) => onlyFactsiftErrors(() => extractArticle(parts.join('')))),
    { seed: 20261124, numRuns: 40 },
  )
})
