import { test } from 'node:test'
import assert from 'node:assert/strict'
import { JsonSplitter, JsonStructureError, type JsonItem } from './json-stream.js'
import { CsvReader } from './csv-stream.js'
import { detectFormat } from './detect-format.js'

function splitAll(text: string, size: number): JsonItem[] {
  const s = new JsonSplitter()
  const out: JsonItem[] = []
  for (let i = 0; i < text.length; i += size) out.push(...s.push(text.slice(i, i + size)))
  out.push(...s.end())
  return out
}

test('JSON splitter: the same items at every chunk size, with start lines', () => {
  const text = '\uFEFF{\n "@context": "https://schema.org",\n "claims": [\n  {"text": "a \\"quoted\\" [bracket]"},\n  {"text": "b"}\n ],\n "next\\u0050age": {"x": [1, 2]}\n}\n'
  const expected: JsonItem[] = [
    { line: 4, value: { text: 'a "quoted" [bracket]' } },
    { line: 5, value: { text: 'b' } },
    { line: 2, value: { '@context': 'https://schema.org', nextPage: { x: [1, 2] } } },
  ]
  for (const size of [1, 2, 3, 7, 1000]) assert.deepEqual(splitAll(text, size), expected, `chunk size ${size}`)
})

test('JSON splitter: top-level array; a bad element is an item error, the rest continue', () => {
  const items = splitAll('[1, {"a": tru}, "x",\n[2]]', 4)
  assert.deepEqual(items.map((i) => i.value ?? 'error'), [1, 'error', 'x', [2]])
  assert.equal(items[3]!.line, 2)
})

test('JSON splitter: structural errors carry a line number', () => {
  assert.throws(() => splitAll('[{"a": 1}]\n{"b": 2}', 3), (e: unknown) => e instanceof JsonStructureError && e.line === 2)
  assert.throws(() => splitAll('[{"a": 1}', 3), JsonStructureError)
  assert.throws(() => splitAll('"just a string"', 3), JsonStructureError)
})

function readAll(text: string, size: number, delimiter = ','): { line: number; fields: string[] }[] {
  const r = new CsvReader(delimiter)
  const rows = []
  for (let i = 0; i < text.length; i += size) rows.push(...r.push(text.slice(i, i + size)))
  rows.push(...r.end())
  return rows
}

test('CSV reader: quotes, doubled quotes, embedded newlines and CRLF at every chunk size', () => {
  const text = 'a,b,c\r\n"x, y","he said ""hi""",3\r\n"multi\nline",,end\n\nlast,row,"q"'
  const expected = [
    { line: 1, fields: ['a', 'b', 'c'] },
    { line: 2, fields: ['x, y', 'he said "hi"', '3'] },
    { line: 3, fields: ['multi\nline', '', 'end'] },
    { line: 6, fields: ['last', 'row', 'q'] },
  ]
  for (const size of [1, 2, 5, 1000]) assert.deepEqual(readAll(text, size), expected, `chunk size ${size}`)
})

test('TSV reader: quotes inside a field are text, not quoting', () => {
  assert.deepEqual(readAll('1\tHe said "no" twice\t"t"\n', 3, '\t'), [{ line: 1, fields: ['1', 'He said "no" twice', 't'] }])
})

test('format detection by extension, then by content', () => {
  assert.equal(detectFormat('.csv', 'claim,rating'), 'csv')
  assert.equal(detectFormat('.json', '{"a":1}\n{"b":2}\n'), 'jsonl')
  assert.equal(detectFormat('.json', '{\n "a": 1\n}'), 'json')
  assert.equal(detectFormat('', '  <!doctype html><html>'), 'html')
  assert.equal(detectFormat('', '[{"@type":"ClaimReview"}]'), 'json')
  assert.equal(detectFormat('.txt', '\tvclaim\ttitle\n0\tx\ty'), 'tsv')
  assert.equal(detectFormat('', 'claim,rating\nx,y'), 'csv')
})
