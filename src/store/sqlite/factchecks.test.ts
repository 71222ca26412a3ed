import { test } from 'node:test'
import assert from 'node:assert/strict'
import Database from 'better-sqlite3'
import { migrateArea } from './migrate.js'
import { area, createRepository, migrations } from './factchecks.js'
import { toFactCheckRecord } from '../../factchecks/record.js'

function open() {
  const db = new Database(':memory:')
  migrateArea(db, area, migrations)
  return { db, repo: createRepository(db) }
}

const records = [
  toFactCheckRecord({ claim: 'Vaccines contain microchips that track people.', rating: 'False', url: 'https://a.example.org/1', title: 'Microchips in vaccines?' }),
  toFactCheckRecord({ claim: 'The river flooded the old market square twice this year.', rating: 'True', url: 'https://a.example.org/2' }),
  toFactCheckRecord({ claim: 'A vaccine trial in Elmwood was halted after side effects.', rating: 'Mostly False', url: 'https://a.example.org/3' }),
  toFactCheckRecord({ claim: 'Café owners in Zürich must serve free water.', rating: 'Mixture', url: 'https://a.example.org/4' }),
]

test('migrations apply once and record their version', () => {
  const { db } = open()
  assert.equal(migrateArea(db, area, migrations), 1)
  assert.deepEqual(db.prepare("SELECT area, version FROM schema_migrations WHERE area = 'factchecks'").all(), [{ area: 'factchecks', version: 1 }])
})

test('upsert counts inserts, updates and unchanged records', async () => {
  const { repo } = open()
  assert.deepEqual(await repo.upsertMany(records), { inserted: 4, updated: 0, unchanged: 0 })
  assert.deepEqual(await repo.upsertMany(records), { inserted: 0, updated: 0, unchanged: 4 })
  const changed = { ...records[1]!, rating: 'Mostly True', ratingNormalized: 'mostly-true' as const }
  assert.deepEqual(await repo.upsertMany([changed]), { inserted: 0, updated: 1, unchanged: 0 })
  assert.equal(await repo.count(), 4)
  assert.equal((await repo.get!(changed.key))!.rating, 'Mostly True')
})

test('search ranks by BM25 over claim and title, with plurals folded and accents kept consistent', async () => {
  const { repo } = open()
  await repo.upsertMany(records)
  const hits = await repo.search('Do vaccines have microchips?', 10)
  assert.equal(hits[0]!.record.url, 'https://a.example.org/1')
  assert.ok(hits[0]!.bm25 > 0)
  assert.ok(hits.every((h, i) => i === 0 || h.bm25 <= hits[i - 1]!.bm25))
  assert.ok(hits.some((h) => h.record.url === 'https://a.example.org/3'), 'vaccine matches vaccines')
  assert.equal((await repo.search('cafe zurich water', 1))[0]!.record.url, 'https://a.example.org/4')
  assert.deepEqual(await repo.search('the of and', 5), [])
  assert.deepEqual(await repo.search('"OR" AND NOT ( * ', 5), [], 'FTS5 syntax in user text is inert')
})

test('a changed claim is re-indexed: the old words no longer find it', async () => {
  const { repo } = open()
  await repo.upsertMany(records)
  await repo.upsertMany([{ ...records[1]!, claim: 'The lighthouse was painted green.' }])
  assert.equal((await repo.search('market square flooded', 5)).some((h) => h.record.key === records[1]!.key), false)
  assert.equal((await repo.search('lighthouse painted', 5))[0]!.record.key, records[1]!.key)
})

test('iterate yields every record in key order; termStats and stats count', async () => {
  const { repo } = open()
  await repo.upsertMany(records)
  const keys: string[] = []
  for await (const r of repo.iterate()) keys.push(r.key)
  assert.deepEqual(keys, records.map((r) => r.key).sort())
  assert.deepEqual(await repo.termStats!(['vaccines', 'river', 'unheardof']), { total: 4, df: [2, 1, 0] })
  const stats = await repo.stats!()
  assert.equal(stats.factChecks, 4)
  assert.deepEqual(stats.byRating, { false: 1, 'mostly-false': 1, mixed: 1, 'mostly-true': 0, true: 1, unrated: 0 })
})
