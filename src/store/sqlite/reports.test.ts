// SQLite-specific report repository tests: FTS5 search details and idempotent migrations. Save/replace/get, cursor
// pages and bad arguments are in the store contract (src/store/test-support/store-contract.ts), run on SQLite too.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import Database from 'better-sqlite3'
import { migrateArea } from './migrate.js'
import * as reports from './reports.js'
import { report } from '../test-support/store-contract.js'

function openRepository() {
  const db = new Database(':memory:')
  migrateArea(db, reports.area, reports.migrations)
  return { db, repo: reports.createRepository(db) }
}

test('q searches title and text, every word required, last word as prefix, newest first', async () => {
  const { repo } = openRepository()
  await repo.save(report('x', 'Mayor denies budget claim', 'The mayor said the budget was balanced.'))
  await repo.save(report('y', 'Storm closes schools', 'Schools closed as the storm approached the coast.'))
  await repo.save(report('z', 'Budget vote delayed', 'Council delayed the budget vote after the storm.'))
  assert.deepEqual((await repo.list({ q: 'budget' })).items.map((i) => i.id), ['z', 'x'])
  assert.deepEqual((await repo.list({ q: 'storm budget' })).items.map((i) => i.id), ['z'])
  assert.deepEqual((await repo.list({ q: 'coa' })).items.map((i) => i.id), ['y'])
  assert.deepEqual((await repo.list({ q: 'MAYOR' })).items.map((i) => i.id), ['x'])
  const paged = await repo.list({ q: 'budget', limit: 1 })
  assert.deepEqual(paged.items.map((i) => i.id), ['z'])
  const next = await repo.list({ q: 'budget', limit: 1, cursor: paged.nextCursor! })
  assert.deepEqual(next.items.map((i) => i.id), ['x'])
  assert.equal(next.nextCursor, null)
})

test('FTS syntax in q is plain text, never an error', async () => {
  const { repo } = openRepository()
  await repo.save(report('x', 'Quotes "and" stars', 'NEAR AND OR NOT * ( ) : ^ text'))
  for (const q of ['"', 'NEAR(', 'a OR', '*', 'title:x', '^foo', ') (', 'AND', '💥', '"unterminated']) {
    const result = await repo.list({ q })
    assert.ok(Array.isArray(result.items), q)
  }
  assert.equal((await repo.list({ q: '!!! ???' })).items.length, 0)
})

test('migrations are idempotent', () => {
  const { db } = openRepository()
  assert.equal(migrateArea(db, reports.area, reports.migrations), 2)
})

test('migration 2 keeps the rows, their order and the search index of a version-1 table, and allows a NULL score', async () => {
  const db = new Database(':memory:')
  migrateArea(db, reports.area, reports.migrations.filter((m) => m.version === 1))
  const v1 = reports.createRepository(db)
  await v1.save(report('old1', 'Budget vote delayed', 'Council delayed the budget vote.'))
  await v1.save(report('old2', 'Storm closes schools', 'Schools closed as the storm approached.'))
  assert.throws(() => db.prepare("INSERT INTO reports (id, created_at, risk_score, risk_label, word_count, claim_count, text, report) VALUES ('n', 'x', NULL, 'not-assessed', 0, 0, '', '{}')").run())
  assert.equal(migrateArea(db, reports.area, reports.migrations), 2)
  const repo = reports.createRepository(db)
  assert.deepEqual((await repo.list({})).items.map((i) => [i.id, i.riskScore]), [['old2', 0.5], ['old1', 0.5]])
  assert.deepEqual((await repo.list({ q: 'budget' })).items.map((i) => i.id), ['old1'])
  await repo.save({ ...report('new', 'Hallenbad', 'Das Hallenbad schließt.'), risk: { score: null, label: 'not-assessed', reasons: [], assessed: false } })
  assert.deepEqual((await repo.list({ q: 'hallenbad' })).items.map((i) => [i.id, i.riskScore, i.riskLabel]), [['new', null, 'not-assessed']])
})
