// Versioned migrations for SQLite, tracked per area so that each feature owns its own schema history.
import type Database from 'better-sqlite3'

export interface SqliteMigration {
  version: number
  description: string
  up: string | ((db: Database.Database) => void)
}

/** Applies, in one transaction per area, the migrations newer than the area's recorded version. */
export function migrateArea(db: Database.Database, area: string, migrations: readonly SqliteMigration[]): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    area TEXT NOT NULL, version INTEGER NOT NULL, description TEXT NOT NULL, applied_at TEXT NOT NULL,
    PRIMARY KEY (area, version))`)
  const current =
    (db.prepare('SELECT MAX(version) AS v FROM schema_migrations WHERE area = ?').get(area) as { v: number | null }).v ?? 0
  const pending = [...migrations].sort((a, b) => a.version - b.version).filter((m) => m.version > current)
  if (pending.length === 0) return current
  const record = db.prepare('INSERT INTO schema_migrations (area, version, description, applied_at) VALUES (?, ?, ?, ?)')
  db.transaction(() => {
    for (const migration of pending) {
      if (typeof migration.up === 'string') db.exec(migration.up)
      else migration.up(db)
      record.run(area, migration.version, migration.description, new Date().toISOString())
    }
  })()
  return pending[pending.length - 1]!.version
}
