// `factsift reports prune --older-than` and `reports delete` against a real SQLite file.
import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli, isOneLineError } from './cli-helpers.js'
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js'
import type { Report } from '../../src/report/types.js'

const dir = mkdtempSync(join(tmpdir(), 'factsift-reports-cli-'))
after(() => rmSync(dir, { recursive: true, force: true }))

const report = (id: string): Report =>
  ({
    schemaVersion: 1,
    id,
    document: { title: id, url: null, outlet: null, publishedAt: null, language: 'en', wordCount: 1, text: 'text' },
    risk: { score: 0.1, label: 'low', reasons: [] },
    claims: [], quotes: [], sources: [], entities: [], signals: [], errors: [],
    timings: { totalMs: 1 },
  }) as unknown as Report

test('reports prune deletes only reports older than --older-than; reports delete removes one by id', async () => {
  const db = join(dir, 'reports.db')
  const store = openSqliteStore(db)
  await store.reports.save(report('old'))
  await store.reports.save(report('other'))
  await store.close()
  await new Promise((resolve) => setTimeout(resolve, 1200))
  const kept = await runCli(['reports', 'prune', '--older-than', '1h', '--db', db])
  assert.equal(kept.code, 0, kept.stderr)
  assert.match(kept.stdout, /^reports: deleted 0 saved before /)
  const pruned = await runCli(['reports', 'prune', '--older-than', '1s', '--db', db, '--format', 'json'])
  assert.equal(pruned.code, 0, pruned.stderr)
  assert.equal(JSON.parse(pruned.stdout).deleted, 2)

  const again = openSqliteStore(db)
  await again.reports.save(report('one'))
  await again.close()
  const deleted = await runCli(['reports', 'delete', 'one', '--db', db])
  assert.equal(deleted.code, 0, deleted.stderr)
  const missing = await runCli(['reports', 'delete', 'one', '--db', db])
  assert.equal(missing.code, 2)
  assert.ok(isOneLineError(missing.stderr, 'E_NOT_FOUND'), missing.stderr)
})

test('reports prune: a bad duration and a missing store are one coded line each', async () => {
  const bad = await runCli(['reports', 'prune', '--older-than', '90', '--db', join(dir, 'x.db')])
  assert.equal(bad.code, 2)
  assert.ok(isOneLineError(bad.stderr, 'E_BAD_ARGUMENT'), bad.stderr)
  assert.match(bad.stderr, /90d/)
  const none = await runCli(['reports', 'prune', '--older-than', '90d', '--db', join(dir, 'absent.db')])
  assert.equal(none.code, 2)
  assert.ok(isOneLineError(none.stderr, 'E_INPUT_NOT_FOUND'), none.stderr)
})
