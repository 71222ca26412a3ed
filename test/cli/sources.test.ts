// `factsift sources …` and `factsift analyze --url …` as a user runs them: import with bad rows reported by line,
// strict refusal with a code, precedence over the shipped table, export round trip, remove; the publisher's rating.
import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli, isOneLineError } from './cli-helpers.js'
import type { Report } from '../../src/report/types.js'

const dir = mkdtempSync(join(tmpdir(), 'factsift-cli-sources-'))
const db = join(dir, 'store.db')
after(() => rmSync(dir, { recursive: true, force: true }))

const csv = join(dir, 'newsroom.csv')
writeFileSync(csv, 'domain,score\ninfowars.com,0.6\nbad domain,0.5\nexample.org,1.7\nsatire.example,satire\nhttps://www.apnews.com/,0.95\n')

test('sources import: good rows stored, bad rows reported with line and code and skipped; --strict refuses with E_BAD_DATA_ROW', async () => {
  const r = await runCli(['sources', 'import', csv, '--list', 'newsroom', '--db', db, '--json'])
  assert.equal(r.code, 0, r.stderr)
  const out = JSON.parse(r.stdout) as { imported: number; problems: { line: number; code: string; reason: string }[]; list: { name: string; rank: number } }
  assert.equal(out.imported, 3)
  assert.deepEqual(out.problems.map((p) => [p.line, p.code, p.reason]), [[3, 'E_BAD_DATA_ROW', 'domain-invalid'], [4, 'E_BAD_DATA_ROW', 'score-out-of-range']])
  assert.deepEqual([out.list.name, out.list.rank], ['newsroom', 1])
  const strict = await runCli(['sources', 'import', csv, '--list', 'other', '--strict', '--db', db])
  assert.equal(strict.code, 2)
  assert.ok(isOneLineError(strict.stderr, 'E_BAD_DATA_ROW'), strict.stderr)
  assert.match(strict.stderr, /newsroom\.csv:3: "bad domain" is not a domain/)
  const shipped = await runCli(['sources', 'import', csv, '--list', 'lin2023', '--db', db])
  assert.ok(isOneLineError(shipped.stderr, 'E_BAD_ARGUMENT'), shipped.stderr)
})

test('sources list / lookup / export / remove; analyze --url shows the publisher rating from the user list, then the shipped one', async () => {
  const list = await runCli(['sources', 'list', '--db', db, '--json'])
  assert.deepEqual((JSON.parse(list.stdout) as { name: string; rank: number; shipped: boolean }[]).map((l) => [l.name, l.rank, l.shipped]), [['newsroom', 1, false], ['lin2023', 2, true]])
  const lookup = JSON.parse((await runCli(['sources', 'lookup', 'https://www.infowars.com/a', 'reuters.com', '--db', db, '--json'])).stdout) as { rating: { list: string; score: number } }[]
  assert.deepEqual(lookup.map((l) => [l.rating.list, l.rating.score]), [['newsroom', 0.6], ['lin2023', 1]])
  const exported = join(dir, 'out.json')
  const ex = await runCli(['sources', 'export', 'newsroom', '-f', 'json', '-o', exported, '--db', db])
  assert.equal(ex.code, 0, ex.stderr)
  assert.deepEqual(JSON.parse(readFileSync(exported, 'utf8')).ratings, [{ domain: 'apnews.com', score: 0.95 }, { domain: 'infowars.com', score: 0.6 }, { domain: 'satire.example', label: 'satire' }])
  const back = await runCli(['sources', 'import', exported, '--list', 'copy', '--db', db, '--json'])
  assert.equal(JSON.parse(back.stdout).imported, 3)
  const article = join(dir, 'a.txt')
  writeFileSync(article, 'The mayor said the bridge would close on Monday for repairs. Officials said the work would take two weeks and cost four million dollars, according to the city budget office.')
  const analyzed = await runCli(['analyze', article, '--url', 'https://www.infowars.com/posts/bridge', '--format', 'json', '--db', db])
  assert.equal(analyzed.code, 0, analyzed.stderr)
  const report = JSON.parse(analyzed.stdout) as Report
  assert.deepEqual(report.document.publisher?.rating, { score: 0.6, band: 'mixed', list: 'newsroom', citation: 'user list "newsroom"', domain: 'infowars.com' })
  assert.ok(report.risk.reasons.some((r) => r.message === 'Published by infowars.com, rated 0.6 of 1 (user list "newsroom")'))
  assert.equal((await runCli(['sources', 'remove', 'newsroom', '--domain', 'infowars.com', '--db', db])).code, 0)
  assert.equal((await runCli(['sources', 'remove', 'copy', '--db', db])).code, 0)
  const missing = await runCli(['sources', 'remove', 'copy', '--db', db])
  assert.ok(isOneLineError(missing.stderr, 'E_NOT_FOUND'), missing.stderr)
  const text = await runCli(['analyze', article, '--url', 'https://www.infowars.com/posts/bridge', '--format', 'text', '--db', db])
  assert.equal(text.code, 0, text.stderr)
  assert.match(text.stdout, /Published by infowars\.com, rated 0\.05 of 1 \(Lin et al\. 2023\)/)
  assert.match(text.stdout, /Publisher: Infowars \(infowars\.com\) — 0\.05 of 1, low \[lin2023: Lin et al\. 2023\]/)
})
