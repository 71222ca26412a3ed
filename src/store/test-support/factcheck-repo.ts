// An in-memory SQLite fact-check repository for tests, and all it holds in key order.
import Database from 'better-sqlite3'
import { migrateArea } from '../sqlite/migrate.js'
import * as sqliteFactchecks from '../sqlite/factchecks.js'
import type { FactCheckRecord, FactCheckRepository } from '../factcheck-repository.js'

export function memoryFactCheckRepository(): FactCheckRepository {
  const db = new Database(':memory:')
  migrateArea(db, sqliteFactchecks.area, sqliteFactchecks.migrations)
  return sqliteFactchecks.createRepository(db)
}

export async function allFactChecks(repo: FactCheckRepository): Promise<FactCheckRecord[]> {
  const out: FactCheckRecord[] = []
  for await (const record of repo.iterate()) out.push(record)
  return out
}
