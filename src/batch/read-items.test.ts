import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { countItems, readItems, DEFAULT_COLUMNS } from './read-items.js'

const dir = mkdtempSync(join(tmpdir(), 'factsift-read-items-'))
after(() => rmSync(dir, { recursive: true, force: true }))

async function readAll(path: string) {
  const entries = []
  for await (const entry of readItems(path, 'jsonl')) entries.push(entry)
  return entries
}

test('countItems counts the JSONL lines the reader yields: blank, CRLF and whitespace-only lines skipped, last line without newline counted', async () => {
  const path = join(dir, 'mixed.jsonl')
  writeFileSync(path, ['{"text":"a"}', '', '   \t', '{"text":"b"}\r', '\r', '{broken', '  {"text":"c"}'].join('\n'))
  assert.equal(await countItems(path, 'jsonl', DEFAULT_COLUMNS), 4)
  assert.equal((await readAll(path)).length, 4)
})

test('countItems: lines longer than a read chunk and lines across chunk boundaries are counted once', async () => {
  const path = join(dir, 'long.jsonl')
  const long = JSON.stringify({ text: 'word '.repeat(500_000) }) // 2.5 MB: spans several 1 MB chunks
  const lines = [long, ...Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: `n${i}`, text: 'x'.repeat(i % 700) })), long]
  writeFileSync(path, `${lines.join('\n')}\n\n`)
  assert.equal(await countItems(path, 'jsonl', DEFAULT_COLUMNS), 3002)
})

test('countItems: empty file and a file of blank lines hold no items', async () => {
  const empty = join(dir, 'empty.jsonl')
  writeFileSync(empty, '')
  assert.equal(await countItems(empty, 'jsonl', DEFAULT_COLUMNS), 0)
  const blank = join(dir, 'blank.jsonl')
  writeFileSync(blank, '\n \n\r\n\t\n')
  assert.equal(await countItems(blank, 'jsonl', DEFAULT_COLUMNS), 0)
})

test('countItems on CSV counts data rows, not the header', async () => {
  const path = join(dir, 'rows.csv')
  writeFileSync(path, 'id,text\n1,"first, with comma"\n2,"second\nspans lines"\n')
  assert.equal(await countItems(path, 'csv', DEFAULT_COLUMNS), 2)
})
