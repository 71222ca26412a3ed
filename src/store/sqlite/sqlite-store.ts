// The embedded default store: one SQLite file (WAL, FTS5), composed of one repository per area.
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Store } from '../types.js'
import { FactsiftError } from '../../errors.js'
import { migrateArea } from './migrate.js'
import * as factchecks from './factchecks.js'
import * as corpus from './corpus.js'
import * as reports from './reports.js'
import * as feeds from './feeds.js'
import * as sourceRatings from './source-ratings.js'
import * as claims from './claims.js'

/** Opens (creating when absent) the SQLite store at `path`; ':memory:' gives a throwaway store for tests. */
export function openSqliteStore(path: string): Store {
  let db: Database.Database
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
    db = new Database(path)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    // 64 MB of page cache (allocated only as used): bulk imports and 1M-row full-text queries stay in memory.
    db.pragma('cache_size = -65536')
    migrateArea(db, factchecks.area, factchecks.migrations)
    migrateArea(db, corpus.area, corpus.migrations)
    migrateArea(db, reports.area, reports.migrations)
    migrateArea(db, feeds.area, feeds.migrations)
    migrateArea(db, sourceRatings.area, sourceRatings.migrations)
    migrateArea(db, claims.area, claims.migrations)
  } catch (error) {
    if (error instanceof FactsiftError) throw error
    throw new FactsiftError('E_STORE', `cannot open SQLite store at ${path}: ${(error as Error).message}`)
  }
  return {
    kind: 'sqlite',
    location: path,
    factchecks: factchecks.createRepository(db),
    corpus: corpus.createRepository(db),
    reports: reports.createRepository(db),
    feeds: feeds.createRepository(db),
    sourceRatings: sourceRatings.createRepository(db),
    claims: claims.createRepository(db),
    async ping() {
      return db.prepare('SELECT 1 AS ok').get() !== undefined
    },
    async close() {
      db.close()
    },
  }
}
