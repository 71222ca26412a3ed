// Tests for the SQLite report repository: save/replace/get, FTS search, newest-first cursor pages, bad arguments.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import Database from 'better-sqlite3'
import { FactsiftError } from '../../errors.js'
import { migrateArea } from './migrate.js'
import * as reports from './reports.js'
import { report } from '../test-support/store-contract.js'

function openRepository() {
  const db = new Database(':memory:')
  migrateArea(db, reports.area, reports.migrations)
  return { db, repo: reports.createRepository(db) }
}

test('save then get returns the same report; has() tells presence', async () => {
  const { repo } = openRepository()
  const original = report('r1', 'Council votes on bridge', 'The council voted 7 to 2 to repair the bridge.')
  assert.equal(await repo.save(original), 'r1')
  assert.deepEqual(await repo.get('r1'), original)
  assert.equal(await repo.has('r1'), true)
  assert.equal(await repo.has('nope'), false)
  assert.equal(await repo.get('nope'), null)
})

test('a report without an id gets a stable content id', async () => {
  const { repo } = openRepository()
  const a = await repo.save(report(undefined, 'T', 'Same text.'))
  const b = await repo.save(report(undefined, 'T', 'Same text.'))
  assert.match(a, /^[0-9a-f]{32}$/)
  assert.equal(a, b)
  assert.equal((await repo.get(a))?.id, a)
  assert.equal((await repo.list({})).items.length, 1)
})

test('saving an existing id replaces it and moves it to the top', async () => {
  const { repo } = openRepository()
  await repo.save(report('a', 'First', 'alpha text'))
  await repo.save(report('b', 'Second', 'beta text'))
  await repo.save(report('a', 'First again', 'alpha text revised', 0.9))
  const { items } = await repo.list({})
  assert.deepEqual(items.map((item) => item.id), ['a', 'b'])
  assert.equal(items[0]!.title, 'First again')
  assert.equal(items[0]!.riskLabel, 'high')
  assert.equal((await repo.list({ q: 'revised' })).items.length, 1)
  // the old FTS row went with the old version
  assert.equal((await repo.list({ q: 'First' })).items.length, 1)
})

test('cursor pages walk every report once, newest first', async () => {
  const { repo } = openRepository()
  for (let i = 0; i < 7; i++) await repo.save(report(`r${i}`, `Report ${i}`, `Body number ${i} about trains.`))
  const seen: string[] = []
  let cursor: string | undefined
  let pages = 0
  do {
    const page = await repo.list({ limit: 3, ...(cursor ? { cursor } : {}) })
    seen.push(...page.items.map((item) => item.id))
    cursor = page.nextCursor ?? undefined
    pages++
  } while (cursor)
  assert.deepEqual(seen, ['r6', 'r5', 'r4', 'r3', 'r2', 'r1', 'r0'])
  assert.equal(pages, 3)
})

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
  assert.equal(reports.toFtsQuery('he said "no"'), '"he" "said" "no"*')
  assert.equal(reports.toFtsQuery('  ...  '), null)
})

test('bad limit or cursor throws E_BAD_ARGUMENT', async () => {
  const { repo } = openRepository()
  for (const limit of [0, -1, 101, 2.5]) {
    await assert.rejects(repo.list({ limit }), (e: unknown) => e instanceof FactsiftError && e.code === 'E_BAD_ARGUMENT')
  }
  for (const cursor of ['garbage!', 'czEyMw==', Buffer.from('x1').toString('base64url'), 'a'.repeat(100)]) {
    await assert.rejects(repo.list({ cursor }), (e: unknown) => e instanceof FactsiftError && e.code === 'E_BAD_ARGUMENT', cursor)
  }
})

test('migrations are idempotent', () => {
  const { db } = openRepository()
  assert.equal(migrateArea(db, reports.area, reports.migrations), 1)
})
