import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, existsSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultDatabasePath, isPostgresLocation, openStore } from './open-store.js'

test('default path: FACTSIFT_DB (with ~ expanded), else ~/.factsift/factsift.db', () => {
  const saved = process.env.FACTSIFT_DB
  try {
    delete process.env.FACTSIFT_DB
    assert.equal(defaultDatabasePath(), join(homedir(), '.factsift', 'factsift.db'))
    process.env.FACTSIFT_DB = '~/elsewhere/x.db'
    assert.equal(defaultDatabasePath(), join(homedir(), 'elsewhere', 'x.db'))
    process.env.FACTSIFT_DB = '/tmp/y.db'
    assert.equal(defaultDatabasePath(), '/tmp/y.db')
  } finally {
    if (saved === undefined) delete process.env.FACTSIFT_DB
    else process.env.FACTSIFT_DB = saved
  }
})

test('a file path creates the SQLite file and its folder; :memory: is a throwaway store', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'factsift-store-'))
  try {
    const path = join(dir, 'nested', 'f.db')
    const store = await openStore(path)
    assert.equal(store.kind, 'sqlite')
    assert.equal(store.location, path)
    assert.equal(await store.ping(), true)
    await store.close()
    assert.ok(existsSync(path))
    const memory = await openStore(':memory:')
    assert.equal(await memory.factchecks.count(), 0)
    await memory.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('postgres:// locations are recognised', () => {
  assert.equal(isPostgresLocation('postgres://u@localhost/db'), true)
  assert.equal(isPostgresLocation('postgresql://localhost/db'), true)
  assert.equal(isPostgresLocation('/var/db/postgres.db'), false)
})
