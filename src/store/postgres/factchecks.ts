// PostgreSQL home of published fact-checks: keyed by URL or content hash, tsvector + GIN candidates ranked by BM25.
import type pg from 'pg'
import type { PostgresMigration } from './migrate.js'
import type { FactCheckRecord, FactCheckRepository, FactCheckStats, NormalizedRating, UpsertCounts } from '../factcheck-repository.js'
import { tokenCount } from '../../search/bm25.js'
import { anyLexemeQuery } from '../../search/fts-query.js'
import { createTermIndex } from './term-index.js'
import { upsertByKey } from './upsert.js'
import { FACTCHECK_COLUMNS, factCheckRowValues, fromFactCheckRow, type FactCheckRow } from '../factcheck-rows.js'

export const area = 'factchecks'

export const migrations: PostgresMigration[] = [
  {
    version: 1,
    description: 'fact-checks table with generated English tsvectors over claim and title and a GIN index for candidates',
    // COLLATE "C": keys sort by code point as in SQLite, so export order is the same in both stores.
    up: `
      CREATE TABLE factchecks (
        id BIGSERIAL PRIMARY KEY,
        key TEXT COLLATE "C" NOT NULL UNIQUE,
        claim TEXT NOT NULL,
        claimant TEXT,
        rating TEXT NOT NULL,
        rating_normalized TEXT NOT NULL,
        fact_checker TEXT COLLATE "C",
        url TEXT,
        reviewed_at TEXT,
        language TEXT,
        title TEXT,
        external_id TEXT,
        content_hash TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        fts_length INTEGER NOT NULL,
        claim_tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', claim)) STORED,
        title_tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, ''))) STORED
      );
      CREATE INDEX factchecks_fts ON factchecks USING GIN ((claim_tsv || title_tsv));
    `,
  },
]

/** Everything but the key, in a fixed order (the same as the SQLite store's): equal hashes mean nothing changed. */
function hashOf(r: FactCheckRecord): string {
  return JSON.stringify(factCheckRowValues(r))
}

/** Column weights as in the SQLite store: a claim hit counts more than a title hit. */
const CLAIM_WEIGHT = 1.0
const TITLE_WEIGHT = 0.6
const MAX_QUERY_TERMS = 24
const MATCH_VECTOR = '(c.claim_tsv || c.title_tsv)'
const UPSERT_COLUMNS = [...FACTCHECK_COLUMNS.slice(1).map((name) => ({ name, type: 'text' })), { name: 'fts_length', type: 'integer' }]

export function createRepository(pool: pg.Pool): FactCheckRepository {
  const terms = createTermIndex(pool, {
    table: 'factchecks',
    matchVector: MATCH_VECTOR,
    columns: [
      { vector: 'c.claim_tsv', weight: CLAIM_WEIGHT },
      { vector: 'c.title_tsv', weight: TITLE_WEIGHT },
    ],
    config: 'english',
  })
  const selectColumns = FACTCHECK_COLUMNS.map((c) => `f.${c}`).join(', ')

  return {
    async upsertMany(records): Promise<UpsertCounts> {
      const counts = await upsertByKey(
        pool,
        'factchecks',
        UPSERT_COLUMNS,
        records.map((r) => ({
          key: r.key,
          hash: hashOf(r),
          values: [...factCheckRowValues(r), tokenCount(r.claim, r.title)],
        })),
      )
      if (counts.inserted + counts.updated > 0) terms.invalidate()
      return counts
    },
    async count() {
      return (await terms.stats()).total
    },
    async search(text, limit) {
      if (limit <= 0) return []
      // Every term counts here (the SQLite store's common-term share for fact-checks is 1): claims are short.
      const query = await terms.chooseTerms(text, 1, MAX_QUERY_TERMS, false)
      if (!query) return []
      const scored = terms.scoreSql({ lexemes: '$1::text[]', idf: '$2::float8[]', avg: '$3::float8' }, `${MATCH_VECTOR} @@ $4::tsquery`)
      const { rows } = await pool.query<FactCheckRow & { score: number }>(
        `SELECT ${selectColumns}, s.score FROM (${scored} ORDER BY score DESC LIMIT $5) s
           JOIN factchecks f ON f.id = s.id ORDER BY s.score DESC, f.key`,
        [query.lexemes, query.idf, query.avgLength, anyLexemeQuery(query.lexemes), limit],
      )
      return rows.map((row) => ({ record: fromFactCheckRow(row), bm25: row.score }))
    },
    async *iterate() {
      // Keyset pages rather than one open cursor: callers may write to the same database between pages.
      let after = ''
      for (;;) {
        const { rows } = await pool.query<FactCheckRow>(`SELECT ${FACTCHECK_COLUMNS.join(', ')} FROM factchecks WHERE key > $1 ORDER BY key LIMIT 1000`, [after])
        if (rows.length === 0) return
        for (const row of rows) yield fromFactCheckRow(row)
        after = rows[rows.length - 1]!.key
      }
    },
    async get(key) {
      const { rows } = await pool.query<FactCheckRow>(`SELECT ${FACTCHECK_COLUMNS.join(', ')} FROM factchecks WHERE key = $1`, [key])
      return rows[0] ? fromFactCheckRow(rows[0]) : null
    },
    async termStats(words) {
      const { total } = await terms.stats()
      const lexemes = await terms.lexemes(words)
      const known = lexemes.filter((l): l is string => l !== null)
      const counts = await terms.documentFrequencies(known)
      const byLexeme = new Map(known.map((l, i) => [l, counts[i]!]))
      return { total, df: lexemes.map((l) => (l === null ? 0 : byLexeme.get(l) ?? 0)) }
    },
    async stats(): Promise<FactCheckStats> {
      const byRating = { false: 0, 'mostly-false': 0, mixed: 0, 'mostly-true': 0, true: 0, unrated: 0 } as Record<NormalizedRating, number>
      const ratings = await pool.query<{ r: NormalizedRating; n: number }>('SELECT rating_normalized AS r, COUNT(*)::int AS n FROM factchecks GROUP BY r')
      for (const row of ratings.rows) byRating[row.r] = row.n
      const checkers = await pool.query<{ factChecker: string; factChecks: number }>(
        `SELECT fact_checker AS "factChecker", COUNT(*)::int AS "factChecks" FROM factchecks WHERE fact_checker IS NOT NULL
          GROUP BY fact_checker ORDER BY "factChecks" DESC, fact_checker LIMIT 20`,
      )
      return { factChecks: (await terms.stats()).total, byRating, factCheckers: checkers.rows }
    },
  }
}
