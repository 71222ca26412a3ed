// Versioned migrations for PostgreSQL, per area like the SQLite store, serialized across processes by an advisory lock.
import type pg from 'pg'

export interface PostgresMigration {
  version: number
  description: string
  up: string
}

/** Any constant works: it only has to be the same for every Factsift process migrating the same database. */
const MIGRATION_LOCK = 0x46_53_4d_47 // "FSMG"

/**
 * Applies the migrations newer than the area's recorded version, in one transaction that first takes a transaction-level
 * advisory lock: workers starting together wait for each other instead of racing on CREATE TABLE. Returns the version.
 */
export async function migrateArea(pool: pg.Pool, area: string, migrations: readonly PostgresMigration[]): Promise<number> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      area TEXT NOT NULL, version INTEGER NOT NULL, description TEXT NOT NULL, applied_at TEXT NOT NULL,
      PRIMARY KEY (area, version))`)
    const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations WHERE area = $1', [area])
    const current = rows[0]?.v ?? 0
    const pending = [...migrations].sort((a, b) => a.version - b.version).filter((m) => m.version > current)
    for (const migration of pending) {
      await client.query(migration.up)
      await client.query('INSERT INTO schema_migrations (area, version, description, applied_at) VALUES ($1, $2, $3, $4)', [
        area,
        migration.version,
        migration.description,
        new Date().toISOString(),
      ])
    }
    await client.query('COMMIT')
    return pending.length > 0 ? pending[pending.length - 1]!.version : current
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}
