// Bulk insert-or-update by key with inserted/updated/unchanged counts, safe against concurrent writers (ON CONFLICT).
import type pg from 'pg'

export interface UpsertColumn {
  name: string
  /** PostgreSQL type for jsonb_to_recordset: text, integer, float8. */
  type: string
}

export interface UpsertRow {
  key: string
  /** Content hash: a row whose stored hash is equal is left alone and counted as unchanged. */
  hash: string
  /** One value per entry of `columns`, in order. */
  values: unknown[]
}

const CHUNK = 500

/**
 * Writes `rows` in one transaction, in input order: a key repeated later in the same call sees the earlier version, as
 * the SQLite store's row-by-row loop does. Every table has `key`, `content_hash` and `updated_at` columns.
 */
export async function upsertByKey(
  pool: pg.Pool,
  table: string,
  columns: readonly UpsertColumn[],
  rows: readonly UpsertRow[],
): Promise<{ inserted: number; updated: number; unchanged: number }> {
  const counts = { inserted: 0, updated: 0, unchanged: 0 }
  if (rows.length === 0) return counts
  const all: UpsertColumn[] = [{ name: 'key', type: 'text' }, ...columns, { name: 'content_hash', type: 'text' }, { name: 'updated_at', type: 'text' }]
  const names = all.map((c) => c.name).join(', ')
  const sql = `INSERT INTO ${table} (${names})
    SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS x(${all.map((c) => `${c.name} ${c.type}`).join(', ')})
    ON CONFLICT (key) DO UPDATE SET ${all.slice(1).map((c) => `${c.name} = EXCLUDED.${c.name}`).join(', ')}
      WHERE ${table}.content_hash IS DISTINCT FROM EXCLUDED.content_hash
    RETURNING (xmax = 0) AS inserted`
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const now = new Date().toISOString()
    for (const chunk of uniqueKeyChunks(rows)) {
      const records = chunk.map((row) => {
        const record: Record<string, unknown> = { key: pgText(row.key), content_hash: row.hash, updated_at: now }
        columns.forEach((column, i) => (record[column.name] = typeof row.values[i] === 'string' ? pgText(row.values[i] as string) : row.values[i]))
        return record
      })
      const result = await client.query<{ inserted: boolean }>(sql, [JSON.stringify(records)])
      for (const row of result.rows) row.inserted ? counts.inserted++ : counts.updated++
      counts.unchanged += chunk.length - result.rows.length
    }
    await client.query('COMMIT')
    return counts
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}

/** Consecutive chunks in which no key occurs twice (one INSERT … ON CONFLICT cannot touch a row twice). */
function* uniqueKeyChunks(rows: readonly UpsertRow[]): Generator<UpsertRow[]> {
  let chunk: UpsertRow[] = []
  let keys = new Set<string>()
  for (const row of rows) {
    if (keys.has(row.key) || chunk.length >= CHUNK) {
      yield chunk
      chunk = []
      keys = new Set()
    }
    chunk.push(row)
    keys.add(row.key)
  }
  if (chunk.length > 0) yield chunk
}

/** PostgreSQL text cannot hold U+0000; it becomes U+FFFD (the one place where the two stores may differ). */
export function pgText(value: string): string {
  return value.includes('\u0000') ? value.replace(/\u0000/g, '\uFFFD') : value
}
