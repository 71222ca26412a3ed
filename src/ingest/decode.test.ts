import { test } from 'node:test'
import assert from 'node:assert/strict'
import { sniffHtmlCharset } from './sniff.js'
import { decodeInput } from './decode.js'
import { scanUtf8 } from './utf8-scan.js'
import { FactsiftError } from '../errors.js'

const limits = { maxBytes: 1000 }
const code = (fn: () => unknown): string => {
  try {
    fn()
  } catch (error) {
    assert.ok(error instanceof FactsiftError, String(error))
    assert.ok(!error.message.includes('\n'), 'error messages are one line')
    return error.code
  }
  return 'no error'
}

test('plain UTF-8 decodes unchanged, without warnings', () => {
  const d = decodeInput(Buffer.from('Café “quoted” — ok 👍'), limits)
  assert.equal(d.text, 'Café “quoted” — ok 👍')
  assert.equal(d.encoding, 'utf-8')
  assert.deepEqual(d.warnings, [])
})

test('empty and whitespace-only input → E_INPUT_EMPTY', () => {
  assert.equal(code(() => decodeInput(Buffer.alloc(0), limits)), 'E_INPUT_EMPTY')
  assert.equal(code(() => decodeInput(Buffer.from(' \n\t\r\n  \u00A0'), limits)), 'E_INPUT_EMPTY')
  assert.equal(code(() => decodeInput(Buffer.from('\uFEFF\u200B\n'), limits)), 'E_INPUT_EMPTY')
})

test('size limit is checked first → E_INPUT_TOO_LARGE', () => {
  assert.equal(code(() => decodeInput(Buffer.alloc(1001, 0x61), limits)), 'E_INPUT_TOO_LARGE')
  assert.equal(code(() => decodeInput(Buffer.alloc(1001, 0), limits)), 'E_INPUT_TOO_LARGE')
  assert.equal(decodeInput(Buffer.alloc(1000, 0x61), limits).text.length, 1000)
})

test('NUL bytes (beyond a stray few) or many control bytes → E_INPUT_BINARY', () => {
  assert.equal(code(() => decodeInput(Buffer.from('text\u0000more text'), limits)), 'E_INPUT_BINARY')
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d])
  assert.equal(code(() => decodeInput(png, limits)), 'E_INPUT_BINARY')
  const controls = Buffer.from('ab\u0001\u0002\u0003cd\u0004\u0005ef\u0006\u0007', 'latin1')
  assert.equal(code(() => decodeInput(controls, limits)), 'E_INPUT_BINARY')
  // A page with a few stray NULs (one in 5,000 bytes) is text; the NULs go in normalization.
  const page = Buffer.from(`<p>${'word '.repeat(1000)}\u0000</p>`)
  assert.equal(decodeInput(page, { maxBytes: 10_000 }).encoding, 'utf-8')
  // Tabs, form feeds and ANSI escapes are text.
  assert.equal(decodeInput(Buffer.from('a\tb\fc\u001b[1mbold\u001b[0m\r\n'), limits).warnings.length, 0)
})

test('UTF-8 BOM is dropped', () => {
  const d = decodeInput(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Hello')]), limits)
  assert.equal(d.text, 'Hello')
})

test('UTF-16 LE and BE with BOM decode (their NUL bytes are not binary)', () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Héllo wörld', 'utf16le')])
  assert.deepEqual([decodeInput(le, limits).text, decodeInput(le, limits).encoding], ['Héllo wörld', 'utf-16le'])
  const be = Buffer.from('Héllo', 'utf16le').swap16()
  const d = decodeInput(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), limits)
  assert.deepEqual([d.text, d.encoding], ['Héllo', 'utf-16be'])
  // UTF-16 text that decodes to NUL characters is still binary.
  const nul = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\u0000b', 'utf16le')])
  assert.equal(code(() => decodeInput(nul, limits)), 'E_INPUT_BINARY')
  assert.equal(code(() => decodeInput(Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), limits)), 'E_INPUT_ENCODING')
})

test('a few invalid UTF-8 sequences are replaced with U+FFFD and warned about', () => {
  const bytes = Buffer.concat([Buffer.from('Café au lait costs '), Buffer.from([0xff]), Buffer.from(' euros in “Paris” today, which is a lot.')])
  const d = decodeInput(bytes, limits)
  assert.equal(d.text, 'Café au lait costs \uFFFD euros in “Paris” today, which is a lot.')
  assert.deepEqual(d.warnings.map((w) => w.code), ['W_ENCODING_REPLACED'])
})

test('many invalid UTF-8 sequences → E_INPUT_ENCODING', () => {
  const bad = Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc])
  const bytes = Buffer.concat([Buffer.from('naïve text '), bad, Buffer.from(' more'), bad])
  assert.equal(code(() => decodeInput(bytes, limits)), 'E_INPUT_ENCODING')
})

test('legacy single-byte text without a charset falls back to windows-1252, with a warning', () => {
  const bytes = Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x63, 0x6f, 0x73, 0x74, 0x73, 0x20, 0x80, 0x33])
  const d = decodeInput(bytes, limits)
  assert.equal(d.text, '“Café” costs €3')
  assert.equal(d.encoding, 'windows-1252')
  assert.deepEqual(d.warnings.map((w) => w.code), ['W_ENCODING_FALLBACK'])
})

test('a declared charset is used; a BOM beats it; an unknown one is warned about', () => {
  const latin = Buffer.from([0x43, 0x61, 0x66, 0xe9])
  assert.equal(decodeInput(latin, limits, { charset: 'ISO-8859-1' }).text, 'Café')
  assert.equal(decodeInput(latin, limits, { charset: '"windows-1252"' }).text, 'Café')
  // WHATWG reads iso-8859-1 as windows-1252: 0x93/0x94 are curly quotes, not C1 controls.
  assert.equal(decodeInput(Buffer.from([0x93, 0x41, 0x94]), limits, { charset: 'iso-8859-1' }).text, '“A”')
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Café')])
  assert.equal(decodeInput(bom, limits, { charset: 'iso-8859-1' }).text, 'Café')
  const d = decodeInput(Buffer.from('plain'), limits, { charset: 'x-no-such-charset' })
  assert.deepEqual(d.warnings.map((w) => w.code), ['W_ENCODING_UNKNOWN'])
})

test('scanUtf8 counts the replacements a WHATWG decoder makes', () => {
  const cases: number[][] = [
    [0xff],
    [0xc3],
    [0xe2, 0x82],
    [0xe2, 0x82, 0x41],
    [0xed, 0xa0, 0x80],
    [0xf0, 0x9f, 0x98],
    [0xc0, 0xaf],
    [0xf4, 0x90, 0x80, 0x80],
    [0x41, 0xe2, 0x82, 0xac, 0x80, 0x42],
  ]
  for (const bytes of cases) {
    const decoded = new TextDecoder().decode(Uint8Array.from(bytes))
    const replaced = [...decoded].filter((c) => c === '\uFFFD').length
    assert.equal(scanUtf8(Uint8Array.from(bytes)).invalid, replaced, bytes.map((b) => b.toString(16)).join(' '))
  }
  assert.deepEqual(scanUtf8(Buffer.from('€ é 😀 \uFFFD')), { multiByte: 4, invalid: 0 })
})

test('sniffHtmlCharset: the first kilobyte first, then a <meta charset> later in the head, never one in the body', () => {
  const late = Buffer.from(`<html><head><script>${'/* toolbar */ '.repeat(100)}</script><meta charset="gb2312"></head><body></body></html>`)
  assert.equal(sniffHtmlCharset(late), 'gb2312')
  assert.equal(sniffHtmlCharset(Buffer.from('<meta charset="utf-8"><p>x</p>')), 'utf-8')
  const inBody = Buffer.from(`<html><head><title>t</title></head><body>${'x'.repeat(1100)}<meta charset="koi8-r"></body></html>`)
  assert.equal(sniffHtmlCharset(inBody), null)
})
