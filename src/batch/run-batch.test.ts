import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync, readFileSync, appendFileSync, mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runBatch, type BatchRecord } from './run-batch.js'
import { renderSummaryHtml } from './summary-html.js'
import { assertValidReport } from '../test-support/report-assertions.js'

const dir = mkdtempSync(join(tmpdir(), 'factsift-batch-'))
after(() => rmSync(dir, { recursive: true, force: true }))

const article = (n: number) => `Council member ${n} said the bridge vote was delayed again. Reports emerged that costs rose ${n} percent. The council will meet again next week to discuss it.`

function readRecords(path: string): BatchRecord[] {
  return readFileSync(path, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as BatchRecord)
}

test('JSONL: good items are analyzed, bad rows become error records, nothing stops the batch', async () => {
  const input = join(dir, 'in.jsonl')
  writeFileSync(input, [
    JSON.stringify({ id: 'a', text: article(1), title: 'One' }),
    '{"id": "broken", ',
    JSON.stringify({ id: 'b', text: article(2) }),
    JSON.stringify({ id: 'empty', title: 'no text' }),
    '',
    JSON.stringify({ text: article(3) }),
    JSON.stringify({ id: 'blank', text: '\u200b\u200b' }),
  ].join('\n'))
  const out = join(dir, 'out.jsonl')
  const summary = await runBatch({ input, out, threads: 2 })
  const records = readRecords(out)
  assert.equal(records.length, 6)
  const ok = records.filter((r) => r.status === 'ok')
  assert.deepEqual(ok.map((r) => r.id).filter((id) => !id.startsWith('sha256:')).sort(), ['a', 'b'])
  for (const r of ok) if (r.status === 'ok') assertValidReport(r.report)
  const errors = records.filter((r) => r.status === 'error').map((r) => (r.status === 'error' ? [r.where, r.error.code] : []))
  assert.deepEqual(errors.sort(), [['line 2', 'E_BAD_DATA_ROW'], ['line 4', 'E_BAD_DATA_ROW'], ['line 7', 'E_INPUT_EMPTY']])
  assert.equal(summary.analyzed, 3)
  assert.equal(summary.errors, 3)
  assert.equal(summary.byLabel.low + summary.byLabel.medium + summary.byLabel.high, 3)
})

test('resume after a torn last line yields every id exactly once', async () => {
  const input = join(dir, 'resume.jsonl')
  writeFileSync(input, Array.from({ length: 8 }, (_, i) => JSON.stringify({ id: `item-${i}`, text: article(i) })).join('\n'))
  const partial = join(dir, 'partial.jsonl')
  writeFileSync(join(dir, 'first3.jsonl'), readFileSync(input, 'utf8').split('\n').slice(0, 3).join('\n'))
  await runBatch({ input: join(dir, 'first3.jsonl'), out: partial, threads: 1 })
  appendFileSync(partial, '{"id":"item-3","seq":3,"status":"ok","report":{"schema') // a crash mid-write
  const summary = await runBatch({ input, out: partial, threads: 2, resume: true })
  const ids = readRecords(partial).map((r) => r.id).sort()
  assert.deepEqual(ids, Array.from({ length: 8 }, (_, i) => `item-${i}`).sort())
  assert.equal(summary.skipped, 3)
  assert.equal(summary.analyzed, 5)
})

test('resume cuts the file at a fragment that later lines were appended after, and redoes everything from there', async () => {
  const input = join(dir, 'fragment.jsonl')
  writeFileSync(input, Array.from({ length: 6 }, (_, i) => JSON.stringify({ id: `frag-${i}`, text: article(i) })).join('\n'))
  const out = join(dir, 'fragment-out.jsonl')
  await runBatch({ input, out, threads: 2 })
  const lines = readFileSync(out, 'utf8').split('\n').filter(Boolean)
  // A write cut short by a full disk, then another thread's whole line, then more: as one broken line mid-file.
  writeFileSync(out, `${lines[0]}\n${lines[1]!.slice(0, 200)}${lines[2]}\n${lines[3]}\n`)
  const summary = await runBatch({ input, out, threads: 2, resume: true })
  const ids = readRecords(out).map((r) => r.id).sort()
  assert.deepEqual(ids, Array.from({ length: 6 }, (_, i) => `frag-${i}`).sort())
  assert.equal(summary.skipped, 1)
  assert.equal(summary.analyzed, 5)
})

test('the output must be a regular file', async () => {
  const input = join(dir, 'one.jsonl')
  writeFileSync(input, JSON.stringify({ id: 'one', text: article(1) }))
  await assert.rejects(runBatch({ input, out: '/dev/null', threads: 1, overwrite: true }), { code: 'E_BAD_ARGUMENT', message: /not a regular file/ })
})

test('an existing output is not overwritten without --overwrite or --resume', async () => {
  const out = join(dir, 'exists.jsonl')
  writeFileSync(out, '{"id":"x"}\n')
  await assert.rejects(runBatch({ input: join(dir, 'in.jsonl'), out }), /already exists/)
  assert.equal(readFileSync(out, 'utf8'), '{"id":"x"}\n')
})

test('CSV with mapped columns, and a directory of text and HTML files', async () => {
  const csv = join(dir, 'in.csv')
  writeFileSync(csv, `key,headline,body\nk1,First,"${article(1)}"\nk2,Second,"Line one.\n\nLine ""two"" of ${article(2)}"\n`)
  const out = join(dir, 'csv-out.jsonl')
  await runBatch({ input: csv, out, threads: 1, columns: { id: 'key', title: 'headline', text: 'body' } })
  const records = readRecords(out)
  assert.deepEqual(records.map((r) => r.id).sort(), ['k1', 'k2'])
  const second = records.find((r) => r.id === 'k2')
  assert.ok(second?.status === 'ok' && second.report.document.title === 'Second' && second.report.document.text.includes('"two"'))

  const folder = join(dir, 'articles')
  mkdirSync(join(folder, 'sub'), { recursive: true })
  writeFileSync(join(folder, 'one.txt'), article(5))
  writeFileSync(join(folder, 'sub', 'two.html'), `<html><head><title>Two</title></head><body><article><h1>Two</h1><p>${article(6)}</p><p>${article(7)}</p></article></body></html>`)
  writeFileSync(join(folder, 'ignore.bin'), 'x')
  const dirOut = join(dir, 'dir-out.jsonl')
  await runBatch({ input: folder, out: dirOut, threads: 1 })
  assert.deepEqual(readRecords(dirOut).map((r) => [r.id, r.status]).sort(), [['one.txt', 'ok'], ['sub/two.html', 'ok']])
})

test('the summary page escapes titles', () => {
  const html = renderSummaryHtml({
    items: 1, analyzed: 1, errors: 0, skipped: 0, byLabel: { low: 0, medium: 0, high: 1 }, notAssessed: 0, notAssessedByReason: {}, errorsByCode: {},
    elapsedMs: 10, itemsPerSecond: 100, histogram: [0, 0, 0, 0, 0, 0, 0, 0, 1, 0],
    topFlagged: [{ id: 'x', title: '<script>alert(1)</script>', score: 0.85, label: 'high', reasons: ['<b>r</b>'] }],
  })
  assert.ok(!html.includes('<script>') && html.includes('&lt;script&gt;'))
  assert.ok(!html.includes('<b>r</b>'))
})

test('a reused id: same content is analyzed once (skipped after), different content is an E_DUPLICATE_ID error record', async () => {
  const input = join(dir, 'dupes.jsonl')
  writeFileSync(input, [
    JSON.stringify({ id: 'x', text: article(1) }),
    JSON.stringify({ id: 'x', text: article(1) }),
    JSON.stringify({ id: 'x', text: article(2) }),
    JSON.stringify({ id: 'y', text: article(3) }),
  ].join('\n'))
  const out = join(dir, 'dupes-out.jsonl')
  const summary = await runBatch({ input, out, threads: 1 })
  const records = readRecords(out)
  assert.deepEqual(records.map((r) => [r.id, r.where, r.status]).sort(), [['x', 'line 1', 'ok'], ['x', 'line 3', 'error'], ['y', 'line 4', 'ok']])
  const duplicate = records.find((r) => r.status === 'error')
  assert.ok(duplicate && duplicate.status === 'error')
  assert.equal(duplicate.error.code, 'E_DUPLICATE_ID')
  assert.match(duplicate.error.message, /^line 3: id "x" was already used by line 1 for different content$/)
  assert.equal(summary.analyzed, 2)
  assert.equal(summary.errors, 1)
  assert.equal(summary.skipped, 1)
  assert.deepEqual(summary.errorsByCode, { E_DUPLICATE_ID: 1 })
})

test('threads: never more than items; by default one per MIN_ITEMS_PER_THREAD items, at least one', async () => {
  const { threadsFor, MIN_ITEMS_PER_THREAD } = await import('./run-batch.js')
  assert.equal(threadsFor(3, 8, true), 3, 'a given count is capped by the items')
  assert.equal(threadsFor(5000, 8, true), 8)
  assert.equal(threadsFor(0, 4, false), 1)
  assert.equal(threadsFor(MIN_ITEMS_PER_THREAD - 1, 4, false), 1, 'a small batch starts one thread')
  assert.equal(threadsFor(2 * MIN_ITEMS_PER_THREAD, 4, false), 2)
  assert.equal(threadsFor(100 * MIN_ITEMS_PER_THREAD, 4, false), 4)
})
