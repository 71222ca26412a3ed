// SQLite-specific claim store tests: the bounded member scan gives what the membersSql query gives. Clustering,
// alerts and the outbox are in the store contract (src/store/test-support/claims-contract.ts), run on SQLite too.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import Database from 'better-sqlite3'
import { firstMembers } from './claims.js'
import { membersOf, membersSql } from '../claim-clustering.js'
import type { ClusterPolicy, NewArticleClaim } from '../claim-repository.js'

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

test('two connections on one file: what one commits, the other finds (its candidate caches start over)', async () => {
  const { mkdtempSync, rmSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const { join } = await import('node:path')
  const { openSqliteStore } = await import('./sqlite-store.js')
  const dir = mkdtempSync(join(tmpdir(), 'factsift-claims-cache-'))
  const file = join(dir, 'claims.db')
  const [a, b] = [await openSqliteStore(file), await openSqliteStore(file)]
  try {
    const RUMOUR = 'The bridge over the river was closed by the army after cracks were found in its pillars.'
    const REWORDED = 'Cracks were found in the pillars, so the army closed the bridge over the river.'
    const PILLARS = 'Pillars of the river bridge.'
    const SHIPS = 'Seventy grain ships reached the harbour in one week.'
    const SHIPS_LONGER = 'Seventy grain ships reached the harbour in one week, port records show, officials said.'
    const seen: string[][] = []
    // Joins the candidate with the same representative (the reworded rumour joins the rumour); records the candidates'
    // member texts as the policy saw them.
    const policy: ClusterPolicy = {
      members: 3,
      choose: (text, candidates) => {
        seen.push(candidates.flatMap((c) => c.members ?? []))
        const same = candidates.find((c) => c.representative === text || (text === REWORDED && c.representative === RUMOUR))
        return same ? { id: same.id, similarity: 1 } : null
      },
      alerts: () => [],
    }
    const claim = (text: string): NewArticleClaim => ({
      claimIndex: 0, text, sentence: 0, start: 0, end: text.length, articleUrl: null, articleTitle: null, outlet: 'Outlet',
      speaker: null, publishedAt: null, seenAt: Date.now(), checkworthiness: 0.9, verdict: null, factchecks: [],
      stance: { agree: 0, disagree: 0, discuss: 0 },
    })
    const add = (store: typeof a, report: string, text: string) => store.claims.addReportClaims(report, [claim(text)], policy, { webhooks: [], now: Date.now() })
    await add(a, 'r1', RUMOUR)
    await add(a, 'r2', PILLARS) // a reads the rumour's cluster as a candidate: its members, cached
    await add(a, 'r3', SHIPS_LONGER) // a reads the postings of every word of SHIPS, cached
    await add(b, 'r4', SHIPS) // b adds a cluster under those words
    await add(b, 'r5', REWORDED) // and a member to the rumour's cluster
    await add(a, 'r6', SHIPS) // a must find b's cluster through its postings
    await add(a, 'r7', RUMOUR) // and list b's member of the rumour's cluster
    const clusters = await a.claims.listClusters({ limit: 10 })
    assert.deepEqual(
      clusters.map((c) => `${c.representative} ×${c.articleCount}`).sort(),
      [`${RUMOUR} ×3`, `${PILLARS} ×1`, `${SHIPS_LONGER} ×1`, `${SHIPS} ×2`].sort(),
    )
    assert.ok(seen.at(-1)!.includes(REWORDED), `the rumour's members as a saw them last: ${JSON.stringify(seen.at(-1))}`)
  } finally {
    await a.close()
    await b.close()
    rmSync(dir, { recursive: true, force: true })
  }
})
