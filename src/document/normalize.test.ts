import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { normalizeSteps, normalizeText } from './normalize.js'

// Any UTF-16 code unit, lone surrogates included: what a broken decoder or a hostile input can hand us.
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))
const messy = fc.constantFrom('\r\n', '\r', '\n', '\n\n\n', '\t', '\u00a0', '\u200b', '\ufeff', '\u2028', '\u2029', ' ', 'e\u0301', 'a', 'Z', '.')
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: codeUnit, maxLength: 200 }),
  fc.string({ unit: fc.oneof(messy, fc.string({ unit: 'grapheme', maxLength: 3 })), maxLength: 80 }),
)

describe('normalizeText', () => {
  const cases: Array<[string, string, string]> = [
    ['strips a BOM', '\ufeffHello', 'Hello'],
    ['CRLF and CR become LF', 'a\r\nb\rc', 'a\nb\nc'],
    ['removes zero-width and control characters', 'a\u200bb\u200dc\u0007d\u00ade', 'abcde'],
    ['tabs, nbsp and Unicode spaces become one space', 'a\tb\u00a0\u00a0c\u2003d\u3000e', 'a b c d e'],
    ['collapses runs of spaces', 'a    b', 'a b'],
    ['trims each line', '  a  \n   b ', 'a\nb'],
    ['collapses 3+ newlines into one blank line', 'a\n\n\n\n\nb', 'a\n\nb'],
    ['keeps a single blank line', 'a\n\nb', 'a\n\nb'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'a\nb\n\nc'],
    ['NFC composes combining marks', 'Cafe\u0301', 'Caf\u00e9'],
    ['NFC after removing a zero-width char between letter and mark', 'e\u200b\u0301', '\u00e9'],
    ['lone surrogates become U+FFFD', 'a\ud800b', 'a\ufffdb'],
    ['keeps surrogate pairs', 'a😀b', 'a😀b'],
    ['whitespace only becomes empty', ' \n\t\u00a0\n ', ''],
    ['keeps curly quotes and dashes', '“Hi” — she said', '“Hi” — she said'],
  ]
  for (const [name, input, expected] of cases) {
    it(name, () => assert.equal(normalizeText(input), expected))
  }

  it('is idempotent, leaves no CR, zero-width, control or lone surrogate characters (property)', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const once = normalizeText(raw)
        assert.equal(normalizeText(once), once)
        assert.doesNotMatch(once, /[\r\u200b-\u200f\ufeff\u2060\u0000-\u0009\u000b-\u001f\u007f-\u009f]/)
        assert.doesNotMatch(once, /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/)
        assert.doesNotMatch(once, / {2}|\n{3}|^[ \n]|[ \n]$| \n|\n /)
        assert.equal(once, once.normalize('NFC'))
      }),
      { numRuns: 500, seed: 42 },
    )
  })

  it('returns already normal text as it is only when every step would (property)', () => {
    // Raw and once-normalized text, and normal text with one messy piece spliced in: the shortcut must agree with
    // running the steps.
    const spliced = fc.tuple(anyText, messy, fc.nat()).map(([raw, piece, at]) => {
      const once = normalizeSteps(raw)
      const k = once.length === 0 ? 0 : at % once.length
      return once.slice(0, k) + piece + once.slice(k)
    })
    fc.assert(
      fc.property(fc.oneof(anyText, anyText.map(normalizeSteps), spliced), (raw) => {
        assert.equal(normalizeText(raw), normalizeSteps(raw))
      }),
      { numRuns: 2000, seed: 7 },
    )
  })
})
