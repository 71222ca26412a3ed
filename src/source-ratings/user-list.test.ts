import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { FactsiftError } from '../errors.js'
import { parseRatingsList, parseRatingsListStrict } from './user-list.js'

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/source-ratings/${name}`, import.meta.url), 'utf8')

test('CSV: header found by name, labels mapped to scores, bad rows reported with their line and skipped', () => {
  const { list, problems } = parseRatingsList(fixture('user-list.csv'), { name: 'desk', where: 'user-list.csv' })
  assert.deepEqual([...list.entries], [
    ['example-news.com', { score: 0.9 }],
    ['satirewire.com', { score: 0.2, label: 'satire' }],
    ['infowars.com', { score: 0.3 }],
    ['xn--bcher-kva.de', { score: 0.85, label: 'reliable' }],
  ])
  assert.deepEqual(problems.map((p) => [p.line, p.code, p.reason]), [
    [6, 'E_BAD_DATA_ROW', 'domain-invalid'],
    [7, 'E_BAD_DATA_ROW', 'score-out-of-range'],
    [8, 'E_BAD_DATA_ROW', 'value-invalid'],
    [9, 'E_BAD_DATA_ROW', 'duplicate'],
    [10, 'E_BAD_DATA_ROW', 'value-missing'],
  ])
  assert.equal(problems[1].message, 'user-list.csv:7: score 1.5 is outside 0–1')
  assert.match(problems[3].message, /rated already on line 3/)
})

test('CSV without a header reads domain,value; a header without a value column is refused', () => {
  const { list, problems } = parseRatingsList('cnn.com,mixed\nfoxnews.com,0.55\n', { name: 'x' })
  assert.deepEqual([...list.entries.keys()], ['cnn.com', 'foxnews.com'])
  assert.equal(problems.length, 0)
  assert.throws(() => parseRatingsList('domain,comment\ncnn.com,x\n', { name: 'x' }), (e: unknown) => e instanceof FactsiftError && e.code === 'E_INPUT_INVALID')
})

test('JSON: rows in "ratings", labels in any case, line numbers of the array elements', () => {
  const { list, problems } = parseRatingsList(fixture('user-list.json'), { name: 'desk', where: 'user-list.json' })
  assert.deepEqual([...list.entries], [
    ['example.org', { score: 0.25 }],
    ['blog.example.co.uk', { score: 0.55, label: 'mixed' }],
    ['yahoo.com/news', { score: 0.2, label: 'unreliable' }],
  ])
  assert.deepEqual(problems.map((p) => [p.line, p.reason]), [[6, 'domain-invalid'], [7, 'score-out-of-range']])
})

test('JSON object form: domain → score or label, with the line of each key', () => {
  const text = '{\n  "$comment": "mine",\n  "a.com": 0.5,\n  "b.com": 2,\n  "c.com": "reliable"\n}'
  const { list, problems } = parseRatingsList(text, { name: 'o' })
  assert.deepEqual([...list.entries.keys()], ['a.com', 'c.com'])
  assert.deepEqual(problems.map((p) => [p.line, p.reason]), [[4, 'score-out-of-range']])
})

test('malformed JSON is refused as a whole; the strict parser throws E_BAD_DATA_ROW on the first bad row', () => {
  assert.throws(() => parseRatingsList('[{"domain": ', { name: 'x' }), (e: unknown) => e instanceof FactsiftError && e.code === 'E_INPUT_INVALID')
  assert.throws(() => parseRatingsList('42', { name: 'x', format: 'json' }), (e: unknown) => e instanceof FactsiftError && e.code === 'E_INPUT_INVALID')
  assert.throws(
    () => parseRatingsListStrict('good.com,0.5\nbad.com,-1\n', { name: 'x' }),
    (e: unknown) => e instanceof FactsiftError && e.code === 'E_BAD_DATA_ROW' && e.details?.line === 2 && e.details?.reason === 'score-out-of-range',
  )
  assert.equal(parseRatingsListStrict('good.com,0.5', { name: 'x', citation: 'our desk' }).citation, 'our desk')
})
