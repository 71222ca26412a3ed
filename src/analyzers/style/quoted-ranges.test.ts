import { test } from 'node:test'
import assert from 'node:assert/strict'
import { quotedRanges } from './quoted-ranges.js'

const spans = (text: string) => quotedRanges(text).map((r) => text.slice(r.start, r.end))

test('quoted ranges: curly, straight and guillemet quotes, each closed by its own mark', () => {
  assert.deepEqual(spans('He said “it is fine” and "so it is" and «oui».'), ['“it is fine”', '"so it is"', '«oui»'])
  // A straight quote inside curly quotes does not close them, nor open a second range.
  assert.deepEqual(spans('“a "b” c" d'), ['“a "b”', '" d'])
})

test('quoted ranges: an unclosed quote runs to the end of its paragraph, or of the text', () => {
  assert.deepEqual(spans('“Open here\nstill open\n\nNew paragraph “and open'), ['“Open here\nstill open', '“and open'])
  assert.deepEqual(spans('No quotes at all.\n\n'), [])
})
