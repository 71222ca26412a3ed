// Users' source-ratings lists in SQLite: lists, their ratings, and one revision counter bumped by every write.
import type Database from 'better-sqlite3'
import type { SqliteMigration } from './migrate.js'
import type { SourceListSummary, SourceRatingsRepository } from '../source-ratings-repository.js'
import type { RatingsList } from '../../source-ratings/index.js'
import { BUMP_REVISION_SQL, entriesOf, LIST_SUMMARIES_SQL, listsOf, REVISION_SQL, summaryOf, type ListRow, type RatingRow } from '../source-ratings-rows.js'
import { wrap } from './store-wrap.js'

export const area = 'source-ratings'

export const migrations: SqliteMigration[] = [
  {
    version: 1,
    description: 'source_lists, source_ratings (domain → 0–1 score, optional label) and the lists revision',
    up: `
      CREATE TABLE source_lists (
        name TEXT PRIMARY KEY,
        citation TEXT NOT NULL,
        position INTEGER NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE source_ratings (
        list_name TEXT NOT NULL REFERENCES source_lists (name) ON DELETE CASCADE,
        domain TEXT NOT NULL,
        score REAL NOT NULL CHECK (score >= 0 AND score <= 1),
        label TEXT CHECK (label IN ('reliable', 'mixed', 'unreliable', 'satire')),
        PRIMARY KEY (list_name, domain)
      );
      CREATE TABLE source_ratings_state (id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL);
      INSERT INTO source_ratings_state (id, revision) VALUES (1, 0);
    `,
  },
]

export function createRepository(db: Database.Database): SourceRatingsRepository {
  const listsQuery = db.prepare(LIST_SUMMARIES_SQL)
  const bump = db.prepare(BUMP_REVISION_SQL)
  const summaries = (): SourceListSummary[] => (listsQuery.all() as ListRow[]).map((row, i) => summaryOf(row, i + 1))

  const save = db.transaction((list: RatingsList) => {
    const now = new Date().toISOString()
    const found = db.prepare('SELECT name FROM source_lists WHERE name = ?').get(list.name)
    if (found) {
      db.prepare('UPDATE source_lists SET citation = ?, updated_at = ? WHERE name = ?').run(list.citation, now, list.name)
      db.prepare('DELETE FROM source_ratings WHERE list_name = ?').run(list.name)
    } else {
      const { next } = db.prepare('SELECT COALESCE(MAX(position), 0) + 1 AS next FROM source_lists').get() as { next: number }
      db.prepare('INSERT INTO source_lists (name, citation, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(list.name, list.citation, next, now, now)
    }
    const insert = db.prepare('INSERT INTO source_ratings (list_name, domain, score, label) VALUES (?, ?, ?, ?)')
    for (const [key, entry] of list.entries) insert.run(list.name, key, entry.score, entry.label ?? null)
    bump.run()
  })

  return {
    async saveList(list) {
      return wrap(`cannot save source list ${list.name}`, () => {
        save(list)
        return summaries().find((s) => s.name === list.name)!
      })
    },
    async lists() {
      return wrap('cannot list source lists', summaries)
    },
    async getList(name) {
      return wrap(`cannot read source list ${name}`, () => {
        const list = db.prepare('SELECT citation FROM source_lists WHERE name = ?').get(name) as { citation: string } | undefined
        if (!list) return null
        const rows = db.prepare('SELECT * FROM source_ratings WHERE list_name = ? ORDER BY domain').all(name) as RatingRow[]
        return { name, citation: list.citation, entries: entriesOf(rows) }
      })
    },
    async loadAll() {
      return wrap('cannot read source lists', () => {
        const rows = db.prepare('SELECT * FROM source_ratings ORDER BY list_name, domain').all() as RatingRow[]
        return listsOf(summaries(), rows)
      })
    },
    async removeList(name) {
      return wrap(`cannot remove source list ${name}`, () =>
        db.transaction(() => {
          const removed = db.prepare('DELETE FROM source_lists WHERE name = ?').run(name).changes > 0
          if (removed) bump.run()
          return removed
        })(),
      )
    },
    async removeRating(name, key) {
      return wrap(`cannot remove ${key} from source list ${name}`, () =>
        db.transaction(() => {
          const removed = db.prepare('DELETE FROM source_ratings WHERE list_name = ? AND domain = ?').run(name, key).changes > 0
          if (removed) {
            db.prepare('UPDATE source_lists SET updated_at = ? WHERE name = ?').run(new Date().toISOString(), name)
            bump.run()
          }
          return removed
        })(),
      )
    },
    async revision() {
      return wrap('cannot read the source lists revision', () => (db.prepare(REVISION_SQL).get() as { revision: number }).revision)
    },
  }
}
