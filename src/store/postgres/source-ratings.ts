// Users' source-ratings lists in PostgreSQL: lists, their ratings, and one revision counter bumped by every write.
import type pg from 'pg'
import type { PostgresMigration } from './migrate.js'
import type { SourceListSummary, SourceRatingsRepository } from '../source-ratings-repository.js'
import { BUMP_REVISION_SQL, entriesOf, LIST_SUMMARIES_SQL, listsOf, REVISION_SQL, summaryOf, type ListRow, type RatingRow } from '../source-ratings-rows.js'
import { storeQuery, storeTransaction } from './store-query.js'

export const area = 'source-ratings'

export const migrations: PostgresMigration[] = [
  {
    version: 1,
    description: 'source_lists, source_ratings (domain → 0–1 score, optional label) and the lists revision',
    // COLLATE "C": keys sort by code point as in SQLite, so exports are the same from both stores.
    up: `
      CREATE TABLE source_lists (
        name TEXT COLLATE "C" PRIMARY KEY,
        citation TEXT NOT NULL,
        position INTEGER NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE source_ratings (
        list_name TEXT COLLATE "C" NOT NULL REFERENCES source_lists (name) ON DELETE CASCADE,
        domain TEXT COLLATE "C" NOT NULL,
        score DOUBLE PRECISION NOT NULL CHECK (score >= 0 AND score <= 1),
        label TEXT CHECK (label IN ('reliable', 'mixed', 'unreliable', 'satire')),
        PRIMARY KEY (list_name, domain)
      );
      CREATE TABLE source_ratings_state (id INTEGER PRIMARY KEY CHECK (id = 1), revision BIGINT NOT NULL);
      INSERT INTO source_ratings_state (id, revision) VALUES (1, 0);
    `,
  },
]

/** Rows per INSERT when saving a list (4 parameters each, well under PostgreSQL's 65,535). */
const INSERT_BATCH = 1000

export function createRepository(pool: pg.Pool): SourceRatingsRepository {
  const query = storeQuery(pool)
  const transaction = storeTransaction(pool)
  const bump = (client: pg.PoolClient) => client.query(BUMP_REVISION_SQL)
  const summaries = async (): Promise<SourceListSummary[]> => {
    const { rows } = await query<ListRow>('cannot list source lists', LIST_SUMMARIES_SQL)
    return rows.map((row, i) => summaryOf(row, i + 1))
  }

  return {
    async saveList(list) {
      await transaction(`cannot save source list ${list.name}`, async (client) => {
        const now = new Date().toISOString()
        // One writer at a time picks the next position.
        await client.query('LOCK TABLE source_lists IN SHARE ROW EXCLUSIVE MODE')
        const found = await client.query('SELECT name FROM source_lists WHERE name = $1', [list.name])
        if (found.rowCount) {
          await client.query('UPDATE source_lists SET citation = $1, updated_at = $2 WHERE name = $3', [list.citation, now, list.name])
          await client.query('DELETE FROM source_ratings WHERE list_name = $1', [list.name])
        } else {
          await client.query(`INSERT INTO source_lists (name, citation, position, created_at, updated_at)
            VALUES ($1, $2, (SELECT COALESCE(MAX(position), 0) + 1 FROM source_lists), $3, $3)`, [list.name, list.citation, now])
        }
        const entries = [...list.entries]
        for (let at = 0; at < entries.length; at += INSERT_BATCH) {
          const batch = entries.slice(at, at + INSERT_BATCH)
          const params: unknown[] = []
          const values = batch.map(([key, entry], i) => {
            params.push(list.name, key, entry.score, entry.label ?? null)
            return `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4})`
          })
          await client.query(`INSERT INTO source_ratings (list_name, domain, score, label) VALUES ${values.join(', ')}`, params)
        }
        await bump(client)
      })
      return (await summaries()).find((s) => s.name === list.name)!
    },
    lists: summaries,
    async getList(name) {
      const list = await query<{ citation: string }>(`cannot read source list ${name}`, 'SELECT citation FROM source_lists WHERE name = $1', [name])
      if (!list.rows[0]) return null
      const { rows } = await query<RatingRow>(`cannot read source list ${name}`, 'SELECT * FROM source_ratings WHERE list_name = $1 ORDER BY domain', [name])
      return { name, citation: list.rows[0].citation, entries: entriesOf(rows) }
    },
    async loadAll() {
      const lists = await summaries()
      const { rows } = await query<RatingRow>('cannot read source lists', 'SELECT * FROM source_ratings ORDER BY list_name, domain')
      return listsOf(lists, rows)
    },
    async removeList(name) {
      return transaction(`cannot remove source list ${name}`, async (client) => {
        const removed = ((await client.query('DELETE FROM source_lists WHERE name = $1', [name])).rowCount ?? 0) > 0
        if (removed) await bump(client)
        return removed
      })
    },
    async removeRating(name, key) {
      return transaction(`cannot remove ${key} from source list ${name}`, async (client) => {
        const removed = ((await client.query('DELETE FROM source_ratings WHERE list_name = $1 AND domain = $2', [name, key])).rowCount ?? 0) > 0
        if (removed) {
          await client.query('UPDATE source_lists SET updated_at = $1 WHERE name = $2', [new Date().toISOString(), name])
          await bump(client)
        }
        return removed
      })
    },
    async revision() {
      const { rows } = await query<{ revision: string }>('cannot read the source lists revision', REVISION_SQL)
      return Number(rows[0]?.revision ?? 0)
    },
  }
}
