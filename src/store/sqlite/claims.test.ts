// SQLite-specific claim store tests: the bounded member scan gives what the membersSql query gives. Clustering,
// alerts and the outbox are in the store contract (src/store/test-support/claims-contract.ts), run on SQLite too.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import Database from 'better-sqlite3'
import { firstMembers } from './claims.js'
import { membersOf, membersSql } from '../claim-clustering.js'

test('firstMembers: first distinct texts by first sighting then text, as membersSql orders them, ties included', () => {
  const db = new Database(':memory:')
  db.exec('CREATE TABLE article_claims (cluster_id TEXT NOT NULL, text TEXT NOT NULL, seen_at INTEGER NOT NULL); CREATE INDEX c ON article_claims (cluster_id, seen_at)')
  let seed = 7
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
  const texts = ['b claim', 'a claim', 'Zed', 'éclair', '😀 emoji', 'a claim again', 'c']
  const insert = db.prepare('INSERT INTO article_claims VALUES (?, ?, ?)')
  for (let i = 0; i < 400; i++) insert.run(`cl-${i % 7}`, texts[Math.floor(random() * texts.length)]!, Math.floor(random() * 20))
  const ids = Array.from({ length: 8 }, (_, i) => `cl-${i}`)
  const scan = db.prepare('SELECT text, seen_at FROM article_claims WHERE cluster_id = ? ORDER BY seen_at')
  for (const perCluster of [0, 1, 3, 10]) {
    const expected = membersOf(db.prepare(membersSql(`IN (${ids.map(() => '?').join(',')})`, '?')).all(...ids, perCluster) as { clusterId: string; text: string }[])
    for (const id of ids) {
      const got = firstMembers(scan.iterate(id) as IterableIterator<{ text: string; seen_at: number }>, perCluster)
      assert.deepEqual(got, expected.get(id) ?? [], `${id}, ${perCluster} per cluster`)
    }
  }
})

test('firstMembers: reads at most `scan` rows (a cluster repeated word for word costs no more as it grows)', () => {
  const rows = [
    ...Array.from({ length: 50 }, (_, i) => ({ text: 'same words', seen_at: i })),
    { text: 'other words', seen_at: 60 },
  ]
  let read = 0
  const counted = (function* () {
    for (const r of rows) (read++, yield r)
  })()
  assert.deepEqual(firstMembers(counted, 3, 10), ['same words'])
  assert.equal(read, 11)
  assert.deepEqual(firstMembers(rows, 3), ['same words', 'other words'])
})
