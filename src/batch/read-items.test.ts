import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { countItems, readItems, detectFormat, sniffFormat, DEFAULT_COLUMNS } from './read-items.js'
import { FactsiftError } from '../errors.js'

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

test('detectFormat: directory and extensions first, then the content; a plain text file is E_UNSUPPORTED_TYPE', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'factsift-detect-'))
  try {
    const file = (name: string, content: string) => (writeFileSync(join(dir, name), content), join(dir, name))
    assert.equal(detectFormat(dir), 'dir')
    assert.equal(detectFormat(file('a.csv', 'anything')), 'csv')
    assert.equal(detectFormat(file('a.tab', 'anything')), 'tsv')
    assert.equal(detectFormat(file('a.ndjson', '{}')), 'jsonl')
    assert.equal(detectFormat(file('rows.txt', '\uFEFF  {"text": "a"}\n{"text": "b"}\n')), 'jsonl')
    assert.equal(detectFormat(file('rows.dat', 'id,title,text\n1,T,body\n')), 'csv')
    assert.equal(detectFormat(file('rows', 'id\ttext\n1\tbody\n')), 'tsv')
    assert.equal(detectFormat(file('mapped.txt', '"uid","Body"\n1,x\n'), { ...DEFAULT_COLUMNS, text: 'Body' }), 'csv')
    const article = file('article.txt', 'The council voted on Monday, the mayor said, to reopen the bridge.\nMore text follows.\n')
    assert.throws(() => detectFormat(article), (error: unknown) =>
      error instanceof FactsiftError && error.code === 'E_UNSUPPORTED_TYPE' && /factsift analyze .*article\.txt/.test(error.message))
    assert.throws(() => detectFormat(join(dir, 'missing.jsonl')), (error: unknown) => error instanceof FactsiftError && error.code === 'E_INPUT_NOT_FOUND')
    assert.equal(sniffFormat('Some words, and a comma\nmore'), null, 'a comma in prose is not a CSV header')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
