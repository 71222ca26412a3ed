// Two connections to one SQLite file (the server's main thread and an analysis thread): counts and term statistics
// cached beside one connection follow writes made through the other.
import { after, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqliteStore } from './sqlite-store.js'
import { toFactCheckRecord } from '../../factchecks/record.js'

const dir = mkdtempSync(join(tmpdir(), 'factsift-data-version-'))
after(() => rmSync(dir, { recursive: true, force: true }))

test('fact-check counts, term statistics and search see an import made by another connection', async () => {
  const path = join(dir, 'factchecks.db')
  const writer = openSqliteStore(path)
  const reader = openSqliteStore(path)
  try {
    assert.equal(await reader.factchecks.count(), 0, 'cached as 0 before the import')
    assert.deepEqual((await reader.factchecks.termStats!(['ferry'])).df, [0])
    await writer.factchecks.upsertMany([
      toFactCheckRecord({ claim: 'Ferry fares tripled after the harbor merger.', rating: 'False', url: 'https://checks.example/1' }),
      toFactCheckRecord({ claim: 'The river flooded the market square twice.', rating: 'True', url: 'https://checks.example/2' }),
    ])
    assert.equal(await reader.factchecks.count(), 2)
    assert.deepEqual((await reader.factchecks.termStats!(['ferry'])).df, [1])
    assert.equal((await reader.factchecks.search('ferry fares', 5))[0]?.record.url, 'https://checks.example/1')
  } finally {
    await reader.close()
    await writer.close()
  }
})

test('the reference corpus count follows another connection\'s import', async () => {
  const path = join(dir, 'corpus.db')
  const writer = openSqliteStore(path)
  const reader = openSqliteStore(path)
  try {
    assert.equal(await reader.corpus.count(), 0)
    const body = 'The harbor ferry will add two evening crossings from March, the port authority said on Monday.'
    await writer.corpus.upsertMany([{ key: 'https://news.example/ferry', title: 'Ferry adds crossings', body, url: 'https://news.example/ferry', outlet: 'News', publishedAt: null }])
    assert.equal(await reader.corpus.count(), 1)
  } finally {
    await reader.close()
    await writer.close()
  }
})
