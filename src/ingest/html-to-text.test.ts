import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseHTML } from 'linkedom'
import { htmlToBlocks } from './html-to-text.js'

function blocks(html: string): Array<{ text: string; linkChars: number }> {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as { document: Document }
  return htmlToBlocks(document.body).map((b) => ({ text: b.text, linkChars: b.linkChars }))
}

test('<br> is a line break inside a block; <br><br> starts a new block with its own link count', () => {
  assert.deepEqual(blocks('<div>Mill Street 4<br>Eastbrook<br><br>Read <a href="/x">the report</a></div>'), [
    { text: 'Mill Street 4\nEastbrook', linkChars: 0 },
    { text: 'Read the report', linkChars: 10 },
  ])
})

test('three breaks in a row are one paragraph break, not an empty block', () => {
  assert.deepEqual(blocks('<p>One<br><br><br>Two</p>').map((b) => b.text), ['One', 'Two'])
})
