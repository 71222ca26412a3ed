// SQLite home of published fact-checks: a table keyed by URL or content hash, plus a contentless FTS5 index (BM25)
// over the claim's and title's index terms (src/search/terms.ts), so the index, its vocabulary and the re-ranker
// all agree on what a term is. The index keeps no per-row lengths (columnsize=0): bm25() then skips length
// normalization (claims are short), and a query at 1M records costs ~4× less than a per-row length lookup each.
import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'
import type { SqliteMigration } from './migrate.js'
import { watchOtherWriters } from './data-version.js'
import type {
  FactCheckRecord,
  FactCheckRepository,
  FactCheckStats,
  NormalizedRating,
  UpsertCounts,
} from '../factcheck-repository.js'
import { buildMatchQuery } from '../../search/fts-query.js'
import { chooseWithinPostings } from '../../search/term-selection.js'
import { foldWord, indexTerms, indexText, stem } from '../../search/terms.js'
import { FACTCHECK_COLUMNS, factCheckRowValues, fromFactCheckRow, type FactCheckRow } from '../factcheck-rows.js'

export const area = 'factchecks'

export const migrations: SqliteMigration[] = [
  {
    version: 1,
    description: 'fact-checks table, contentless FTS5 index over claim and title terms, and its vocabulary',
    up: `
      CREATE TABLE factchecks (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        claim TEXT NOT NULL,
        claimant TEXT,
        rating TEXT NOT NULL,
        rating_normalized TEXT NOT NULL,
        fact_checker TEXT,
        url TEXT,
        reviewed_at TEXT,
        language TEXT,
        title TEXT,
        external_id TEXT,
        content_hash BLOB NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE VIRTUAL TABLE factchecks_fts USING fts5(
        claim, title, content='', columnsize=0, tokenize='unicode61 remove_diacritics 0'
      );
      CREATE VIRTUAL TABLE factchecks_vocab USING fts5vocab(factchecks_fts, row);
      INSERT INTO factchecks_fts (factchecks_fts, rank) VALUES ('automerge', 8);
    `,
  },
]

const COLUMNS = FACTCHECK_COLUMNS.join(', ')

/** A digest of everything but the key: equal digests mean a re-import changes nothing. */
function digest(r: FactCheckRecord): Buffer {
  const text = factCheckRowValues(r)
    .map((v) => (v === null ? '\u0000' : v))
    .join('\u0001')
  return createHash('sha1').update(text).digest().subarray(0, 12)
}

/** Column weights for bm25(): a claim hit counts more than a title hit. */
const BM25_WEIGHTS = '1.0, 0.6'
/**
 * Query terms are taken rarest first while their document frequencies add up to at most this many postings (the
 * rarest one always): FTS5's work grows with postings × terms, and the commonest terms add little to a ranking.
 * On CLEF 2020 (10k claims) it costs ~0.01 MAP@5 of first-stage BM25 and nothing after re-ranking; at 1M records it
 * keeps a query around 1 ms.
 */
const POSTINGS_BUDGET = 2000
const MAX_QUERY_TERMS = 32

export function createRepository(db: Database.Database): FactCheckRepository {
  const selectHash = db.prepare('SELECT id, content_hash, claim, title FROM factchecks WHERE key = ?').raw(true)
  // Insert first: on a fresh import (the bulk case) that is one index probe per record instead of two.
  const insert = db.prepare(
    `INSERT INTO factchecks (${COLUMNS}, content_hash, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (key) DO NOTHING`,
  )
  const update = db.prepare(
    `UPDATE factchecks SET claim = ?, claimant = ?, rating = ?, rating_normalized = ?, fact_checker = ?, url = ?,
       reviewed_at = ?, language = ?, title = ?, external_id = ?, content_hash = ?, updated_at = ? WHERE id = ?`,
  )
  const insertFts = db.prepare('INSERT INTO factchecks_fts (rowid, claim, title) VALUES (?, ?, ?)')
  // A contentless index forgets a row only when told its old terms, which the table still has.
  const deleteFts = db.prepare("INSERT INTO factchecks_fts (factchecks_fts, rowid, claim, title) VALUES ('delete', ?, ?, ?)")
  const countAll = db.prepare('SELECT COUNT(*) FROM factchecks').pluck()
  const selectOne = db.prepare(`SELECT ${COLUMNS} FROM factchecks WHERE key = ?`)
  const docFrequency = db.prepare('SELECT doc FROM factchecks_vocab WHERE term = ?').pluck()
  // Rank inside the index first, then join only the winners to the table.
  const searchStatement = db.prepare(
    `SELECT ${FACTCHECK_COLUMNS.map((c) => `f.${c}`).join(', ')}, -t.rank AS score
       FROM (SELECT rowid, bm25(factchecks_fts, ${BM25_WEIGHTS}) AS rank FROM factchecks_fts
              WHERE factchecks_fts MATCH ? ORDER BY rank LIMIT ?) t
       JOIN factchecks f ON f.id = t.rowid ORDER BY t.rank`,
  )

  // Document frequencies change only on writes; caching them keeps term selection off the hot path.
  let dfCache = new Map<string, number>()
  let totalCache: number | null = null

  const upsertBatch = db.transaction((records: FactCheckRecord[]): Required<UpsertCounts> => {
    const counts = { inserted: 0, updated: 0, unchanged: 0 }
    const now = new Date().toISOString()
    for (const r of records) {
      const hash = digest(r)
      const values = factCheckRowValues(r)
      const { changes, lastInsertRowid } = insert.run(r.key, ...values, hash, now)
      if (changes === 1) {
        insertFts.run(lastInsertRowid, indexText(r.claim), indexText(r.title))
        counts.inserted++
        continue
      }
      const [id, oldHash, claim, title] = selectHash.get(r.key) as [number, Buffer, string, string | null]
      if (hash.equals(oldHash)) {
        counts.unchanged++
        continue
      }
      update.run(...values, hash, now, id)
      if (claim !== r.claim || title !== r.title) {
        deleteFts.run(id, indexText(claim), indexText(title))
        insertFts.run(id, indexText(r.claim), indexText(r.title))
      }
      counts.updated++
    }
    return counts
  })

  const writtenElsewhere = watchOtherWriters(db)
  /** Imports by another connection (the server's main thread, while analysis threads match) make the caches stale. */
  function dropCachesIfWrittenElsewhere(): void {
    if (!writtenElsewhere()) return
    dfCache = new Map()
    totalCache = null
  }

  function total(): number {
    dropCachesIfWrittenElsewhere()
    totalCache ??= countAll.get() as number
    return totalCache
  }

  function df(term: string): number {
    let n = dfCache.get(term)
    if (n === undefined) {
      n = (docFrequency.get(term) as number | undefined) ?? 0
      if (dfCache.size > 100_000) dfCache = new Map()
      dfCache.set(term, n)
    }
    return n
  }

  /** The query's distinct terms that occur in the index, rarest first, within the postings budget. */
  function selectTerms(text: string): string[] {
    const counted = [...new Set(indexTerms(text))].map((term) => ({ term, n: df(term) }))
    return chooseWithinPostings(counted, POSTINGS_BUDGET, MAX_QUERY_TERMS)
  }

  return {
    async upsertMany(records) {
      if (records.length === 0) return { inserted: 0, updated: 0, unchanged: 0 }
      const counts = upsertBatch(records)
      if (counts.inserted + counts.updated > 0) {
        dfCache = new Map()
        totalCache = null
      }
      return counts
    },
    async count() {
      return total()
    },
    async search(text, limit) {
      dropCachesIfWrittenElsewhere()
      const terms = selectTerms(text)
      if (terms.length === 0 || limit <= 0) return []
      const rows = searchStatement.all(buildMatchQuery(terms), limit) as (FactCheckRow & { score: number })[]
      return rows.map((row) => ({ record: fromFactCheckRow(row), bm25: row.score }))
    },
    async *iterate() {
      // Keyset pages rather than one open cursor: callers may write to the same database between pages.
      const page = db.prepare(`SELECT ${COLUMNS} FROM factchecks WHERE key > ? ORDER BY key LIMIT 1000`)
      let after = ''
      for (;;) {
        const rows = page.all(after) as FactCheckRow[]
        if (rows.length === 0) return
        for (const row of rows) yield fromFactCheckRow(row)
        after = rows[rows.length - 1]!.key
      }
    },
    async get(key) {
      const row = selectOne.get(key) as FactCheckRow | undefined
      return row ? fromFactCheckRow(row) : null
    },
    async termStats(words) {
      return { total: total(), df: words.map((word) => df(stem(foldWord(word)))) }
    },
    async stats(): Promise<FactCheckStats> {
      const byRating = { false: 0, 'mostly-false': 0, mixed: 0, 'mostly-true': 0, true: 0, unrated: 0 } as Record<NormalizedRating, number>
      for (const row of db.prepare('SELECT rating_normalized AS r, COUNT(*) AS n FROM factchecks GROUP BY r').all() as { r: NormalizedRating; n: number }[]) {
        byRating[row.r] = row.n
      }
      const factCheckers = db
        .prepare(
          `SELECT fact_checker AS factChecker, COUNT(*) AS factChecks FROM factchecks WHERE fact_checker IS NOT NULL
            GROUP BY fact_checker ORDER BY factChecks DESC, factChecker LIMIT 20`,
        )
        .all() as { factChecker: string; factChecks: number }[]
      return { factChecks: total(), byRating, factCheckers }
    },
  }
}
