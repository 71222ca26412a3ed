// PostgreSQL home of the reference corpus: articles keyed by URL or content hash, tsvector + GIN candidates, BM25 ranking.
import type pg from 'pg'
import type { PostgresMigration } from './migrate.js'
import type { CorpusRepository, CorpusSearchOptions, CorpusStats, CorpusUpsertCounts } from '../corpus-repository.js'
import {
  CORPUS_COLUMNS as COLUMNS, corpusContentHash, corpusRowValues, fromCorpusRow, outletFilterKeys, publishedBeforeBound, type CorpusRow as Row,
} from '../corpus-rows.js'
import { tokenCount } from '../../search/bm25.js'
import { anyLexemeQuery } from '../../search/fts-query.js'
import { createTermIndex } from './term-index.js'
import { upsertByKey } from './upsert.js'

export const area = 'corpus'

export const migrations: PostgresMigration[] = [
  {
    version: 1,
    description: 'corpus articles with outlet and date indexes, generated English tsvectors over title and body, GIN index',
    up: `
      CREATE TABLE corpus_articles (
        id BIGSERIAL PRIMARY KEY,
        key TEXT COLLATE "C" NOT NULL UNIQUE,
        title TEXT COLLATE "C" NOT NULL,
        body TEXT NOT NULL,
        url TEXT,
        outlet TEXT COLLATE "C",
        outlet_key TEXT COLLATE "C",
        published_at TEXT COLLATE "C",
        content_hash TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        fts_length INTEGER NOT NULL,
        title_tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', title)) STORED,
        body_tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', body)) STORED
      );
      CREATE INDEX corpus_articles_outlet ON corpus_articles (outlet_key);
      CREATE INDEX corpus_articles_published ON corpus_articles (published_at);
      CREATE INDEX corpus_articles_fts ON corpus_articles USING GIN ((title_tsv || body_tsv));
    `,
  },
]

const UPSERT_COLUMNS = [
  ...['title', 'body', 'url', 'outlet', 'outlet_key', 'published_at'].map((name) => ({ name, type: 'text' })),
  { name: 'fts_length', type: 'integer' },
]

/** As in the SQLite store: a title hit counts three times a body hit; very common terms are dropped while rarer remain. */
const TITLE_WEIGHT = 3.0
const BODY_WEIGHT = 1.0
const COMMON_TERM_SHARE = 0.03
const MAX_QUERY_TERMS = 12
const MATCH_VECTOR = '(c.title_tsv || c.body_tsv)'

export function createRepository(pool: pg.Pool): CorpusRepository {
  const terms = createTermIndex(pool, {
    table: 'corpus_articles',
    matchVector: MATCH_VECTOR,
    columns: [
      { vector: 'c.title_tsv', weight: TITLE_WEIGHT },
      { vector: 'c.body_tsv', weight: BODY_WEIGHT },
    ],
    config: 'english',
  })
  const selectColumns = COLUMNS.map((c) => `a.${c}`).join(', ')

  return {
    async upsertMany(articles): Promise<CorpusUpsertCounts> {
      const counts = await upsertByKey(
        pool,
        'corpus_articles',
        UPSERT_COLUMNS,
        articles.map((a) => ({
          key: a.key,
          hash: corpusContentHash(a),
          values: [...corpusRowValues(a), tokenCount(a.title, a.body)],
        })),
      )
      if (counts.inserted + counts.updated > 0) terms.invalidate()
      return counts
    },
    async count() {
      return (await terms.stats()).total
    },
    async search(text, options: CorpusSearchOptions) {
      if (options.limit <= 0) return []
      const query = await terms.chooseTerms(text, COMMON_TERM_SHARE, MAX_QUERY_TERMS, true)
      if (!query) return []
      const params: unknown[] = [query.lexemes, query.idf, query.avgLength, anyLexemeQuery(query.lexemes), options.limit]
      const where = [`${MATCH_VECTOR} @@ $4::tsquery`]
      const outlets = outletFilterKeys(options)
      if (outlets.length > 0) {
        params.push(outlets)
        where.push(`c.outlet_key = ANY($${params.length}::text[])`)
      }
      if (options.publishedAfter) {
        params.push(options.publishedAfter)
        where.push(`c.published_at >= $${params.length}`)
      }
      if (options.publishedBefore) {
        params.push(publishedBeforeBound(options.publishedBefore))
        where.push(`c.published_at <= $${params.length}`)
      }
      const scored = terms.scoreSql({ lexemes: '$1::text[]', idf: '$2::float8[]', avg: '$3::float8' }, where.join(' AND '))
      const { rows } = await pool.query<Row & { score: number }>(
        `SELECT ${selectColumns}, s.score FROM (${scored} ORDER BY score DESC LIMIT $5) s
           JOIN corpus_articles a ON a.id = s.id ORDER BY s.score DESC, a.key`,
        params,
      )
      return rows.map((row) => ({ article: fromCorpusRow(row), bm25: row.score }))
    },
    async stats(): Promise<CorpusStats> {
      const outlets = await pool.query<{ outlet: string; articles: number }>(
        `SELECT MIN(outlet) AS outlet, COUNT(*)::int AS articles FROM corpus_articles WHERE outlet_key IS NOT NULL
          GROUP BY outlet_key ORDER BY articles DESC, outlet LIMIT 50`,
      )
      const summary = await pool.query<{ articles: number; without: number; distinct_outlets: number; earliest: string | null; latest: string | null }>(
        `SELECT COUNT(*)::int AS articles, COUNT(*) FILTER (WHERE outlet_key IS NULL)::int AS without,
           COUNT(DISTINCT outlet_key)::int AS distinct_outlets, MIN(published_at) AS earliest, MAX(published_at) AS latest
           FROM corpus_articles`,
      )
      const s = summary.rows[0]!
      return { articles: s.articles, distinctOutlets: s.distinct_outlets, outlets: outlets.rows, withoutOutlet: s.without, earliest: s.earliest, latest: s.latest }
    },
    async get(key) {
      const { rows } = await pool.query<Row>(`SELECT ${COLUMNS.join(', ')} FROM corpus_articles WHERE key = $1`, [key])
      return rows[0] ? fromCorpusRow(rows[0]) : null
    },
  }
}
