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
  assert.equal(migrateArea(db, reports.area, reports.migrations), 1)
})
