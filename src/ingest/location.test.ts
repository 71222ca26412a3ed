import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { ingestLocation } from './location.js'
import { DEFAULT_LIMITS } from './limits.js'
import { FactsiftError } from '../errors.js'

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/ingest/', import.meta.url))
const at = (name: string): string => join(FIXTURES, name)
let tmp: string

before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'factsift-ingest-'))
})
after(() => rmSync(tmp, { recursive: true, force: true }))

const failsWith = (code: string) => (e: unknown) => {
  assert.ok(e instanceof FactsiftError, String(e))
  assert.equal(e.code, code, e.message)
  assert.ok(!e.message.includes('\n'), 'one-line message')
  return true
}
const stdin = (...chunks: Array<string | Buffer>) => ({ stdin: Readable.from(chunks.map((c) => Buffer.from(c))) })

test('.txt file: title from "… Source: X", Source lines kept in the text', async () => {
  const doc = await ingestLocation(at('ferry-strike.txt'), DEFAULT_LIMITS)
  assert.equal(doc.meta.title, 'Ferry crews walk out as island runs short of fuel')
  assert.ok(doc.text.startsWith('Ferry crews walk out as island runs short of fuel. Source: Harbour Times\n\nCrews'))
  assert.ok(doc.text.includes('resume on Wednesday. Source: Coastline Radio\n\nShops'))
  assert.equal(doc.text.split('\n\n').length, 4)
})

test('.md file is plain text; a # heading is the title', async () => {
  const doc = await ingestLocation(at('ferry-strike.md'), DEFAULT_LIMITS)
  assert.equal(doc.meta.title, 'Ferry crews walk out as island runs short of fuel')
  assert.ok(doc.text.startsWith('# Ferry crews'))
})

test('.json article {title, text, url, outlet, publishedAt}; {html, url}; command-line overrides win', async () => {
  const doc = await ingestLocation(at('ferry-strike.json'), DEFAULT_LIMITS)
  assert.deepEqual(
    [doc.meta.title, doc.meta.url, doc.meta.outlet, doc.meta.publishedAt],
    ['Ferry crews walk out', 'https://harbourtimes.example/ferry-strike', 'Harbour Times', '2026-01-19T07:00:00Z'],
  )
  assert.equal(doc.text, 'Crews on the Skerra ferry stopped work on Monday.\n\nThe operator said talks would resume on Wednesday.')
  const html = await ingestLocation(at('ferry-strike-html.json'), DEFAULT_LIMITS, { overrides: { title: 'CLI title' } })
  assert.deepEqual([html.meta.title, html.meta.outlet, html.meta.url], ['CLI title', 'Harbour Times', 'https://harbourtimes.example/ferry-strike'])
  assert.match(html.text, /^Ferry crews walk out\n\nCrews on the Skerra ferry/)
})

test('malformed JSON and wrong field types → E_INPUT_INVALID', async () => {
  await assert.rejects(ingestLocation(at('malformed.json'), DEFAULT_LIMITS), failsWith('E_INPUT_INVALID'))
  await assert.rejects(ingestLocation(at('wrong-field.json'), DEFAULT_LIMITS), failsWith('E_INPUT_INVALID'))
  await assert.rejects(ingestLocation('-', DEFAULT_LIMITS, stdin('[{"text": "a"}]')), failsWith('E_INPUT_INVALID'))
})

test('.htm and extension-less HTML (sniffed) go through extraction', async () => {
  for (const name of ['ferry-strike.htm', 'ferry-strike-page']) {
    const doc = await ingestLocation(at(name), DEFAULT_LIMITS)
    assert.equal(doc.meta.title, 'Ferry crews walk out', name)
    assert.equal(doc.meta.outlet, 'Harbour Times', name)
    assert.doesNotMatch(doc.text, /Home/, name)
  }
  const json = await ingestLocation(at('ferry-strike.data'), DEFAULT_LIMITS)
  assert.equal(json.meta.outlet, 'Harbour Times')
})

test('stdin: text, HTML and JSON are sniffed', async () => {
  const text = await ingestLocation('-', DEFAULT_LIMITS, stdin('Headline from stdin\n\n', 'Body ', 'in two chunks.'))
  assert.deepEqual([text.meta.title, text.text], ['Headline from stdin', 'Headline from stdin\n\nBody in two chunks.'])
  const html = await ingestLocation('-', DEFAULT_LIMITS, stdin('<p>A paragraph from a pipe, long enough to count.</p>'))
  assert.equal(html.text, 'A paragraph from a pipe, long enough to count.')
  const json = await ingestLocation('-', DEFAULT_LIMITS, stdin('{"title": "T", "text": "From JSON on stdin."}'))
  assert.deepEqual([json.meta.title, json.text], ['T', 'From JSON on stdin.'])
})

test('size limit: files are refused before reading, stdin stops once past the limit', async () => {
  const limits = { ...DEFAULT_LIMITS, maxBytes: 1024 }
  const big = join(tmp, 'big.txt')
  writeFileSync(big, 'word '.repeat(400))
  await assert.rejects(ingestLocation(big, limits), failsWith('E_INPUT_TOO_LARGE'))
  let pulled = 0
  const endless = new Readable({
    read() {
      pulled++
      this.push(Buffer.alloc(256, 0x61))
    },
  })
  await assert.rejects(ingestLocation('-', limits, { stdin: endless }), failsWith('E_INPUT_TOO_LARGE'))
  assert.ok(pulled < 50, `stopped reading early (pulled ${pulled} chunks)`)
})

test('bad files: missing, directory, empty, whitespace, binary, invalid and legacy encodings', async () => {
  await assert.rejects(ingestLocation(join(tmp, 'nope.txt'), DEFAULT_LIMITS), failsWith('E_INPUT_NOT_FOUND'))
  await assert.rejects(ingestLocation(tmp, DEFAULT_LIMITS), failsWith('E_INPUT_NOT_FOUND'))
  const file = (name: string, bytes: Buffer | string): string => {
    const p = join(tmp, name)
    writeFileSync(p, bytes)
    return p
  }
  await assert.rejects(ingestLocation(file('empty.txt', ''), DEFAULT_LIMITS), failsWith('E_INPUT_EMPTY'))
  await assert.rejects(ingestLocation(file('blank.txt', '  \n\n\t\r\n'), DEFAULT_LIMITS), failsWith('E_INPUT_EMPTY'))
  await assert.rejects(ingestLocation(file('blank.html', '<html><body> </body></html>'), DEFAULT_LIMITS), failsWith('E_NO_ARTICLE'))
  const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.from([1, 0, 1, 0, 0x80, 0, 0])])
  await assert.rejects(ingestLocation(file('image.txt', gif), DEFAULT_LIMITS), failsWith('E_INPUT_BINARY'))
  await assert.rejects(ingestLocation(file('nul.html', '<p>a\u0000b</p>'), DEFAULT_LIMITS), failsWith('E_INPUT_BINARY'))
  const broken = Buffer.concat([Buffer.from('Ünïcödé '), Buffer.alloc(20, 0xff)])
  await assert.rejects(ingestLocation(file('broken.txt', broken), DEFAULT_LIMITS), failsWith('E_INPUT_ENCODING'))

  const oneBad = Buffer.concat([Buffer.from('Naïve reporting '), Buffer.from([0xc3]), Buffer.from(' is still reporting, mostly.')])
  const warned = await ingestLocation(file('one-bad.txt', oneBad), DEFAULT_LIMITS)
  assert.equal(warned.text, 'Naïve reporting \uFFFD is still reporting, mostly.')
  assert.deepEqual(warned.warnings.map((w) => w.code), ['W_ENCODING_REPLACED'])

  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Überschrift\r\n\r\nText.', 'utf16le')])
  const u = await ingestLocation(file('utf16.txt', utf16), DEFAULT_LIMITS)
  assert.deepEqual([u.text, u.meta.title, u.warnings], ['Überschrift\n\nText.', 'Überschrift', []])

  const legacy = Buffer.from('\x93Caf\xe9\x94 reopens\r\n\r\nThe caf\xe9 reopened on Monday.', 'latin1')
  const l = await ingestLocation(file('legacy.txt', legacy), DEFAULT_LIMITS)
  assert.equal(l.text, '“Café” reopens\n\nThe café reopened on Monday.')
  assert.deepEqual(l.warnings.map((w) => w.code), ['W_ENCODING_FALLBACK'])

  const meta = Buffer.from('<html><head><meta charset="iso-8859-1"><title>Caf\xe9</title></head><body><p>The caf\xe9 reopened on Monday after the long winter.</p></body></html>', 'latin1')
  const m = await ingestLocation(file('latin1.html', meta), DEFAULT_LIMITS)
  assert.match(m.text, /The café reopened/)
  assert.deepEqual(m.warnings, [])
})
