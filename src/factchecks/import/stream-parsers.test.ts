import { test } from 'node:test'
import assert from 'node:assert/strict'
import { JsonSplitter, JsonStructureError, type JsonItem } from './json-stream.js'
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

test('format detection by extension, then by content', () => {
  assert.equal(detectFormat('.csv', 'claim,rating'), 'csv')
  assert.equal(detectFormat('.json', '{"a":1}\n{"b":2}\n'), 'jsonl')
  assert.equal(detectFormat('.json', '{\n "a": 1\n}'), 'json')
  assert.equal(detectFormat('', '  <!doctype html><html>'), 'html')
  assert.equal(detectFormat('', '[{"@type":"ClaimReview"}]'), 'json')
  assert.equal(detectFormat('.txt', '\tvclaim\ttitle\n0\tx\ty'), 'tsv')
  assert.equal(detectFormat('', 'claim,rating\nx,y'), 'csv')
})
