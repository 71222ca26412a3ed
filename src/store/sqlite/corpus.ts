// SQLite home of the reference corpus: articles keyed by URL or content hash, mirrored into an FTS5 index (BM25).
import type Database from 'better-sqlite3'
import type { SqliteMigration } from './migrate.js'
import { watchOtherWriters } from './data-version.js'
import type { CorpusArticle, CorpusRepository, CorpusSearchOptions, CorpusStats, CorpusUpsertCounts } from '../corpus-repository.js'
import { buildMatchQuery, queryTerms } from '../../search/fts-query.js'
import { chooseRareTerms, commonTermLimit } from '../../search/term-selection.js'
import {
  CORPUS_COLUMNS as COLUMNS, corpusContentHash, corpusRowValues, fromCorpusRow, outletFilterKeys, publishedBeforeBound, type CorpusRow as Row,
} from '../corpus-rows.js'

export const area = 'corpus'

export const migrations: SqliteMigration[] = [
  {
    version: 1,
    description: 'corpus articles with outlet and date indexes and an external-content FTS5 index over title and body',
    up: `
      CREATE TABLE corpus_articles (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        url TEXT,
        outlet TEXT,
        outlet_key TEXT,
        published_at TEXT,
        content_hash TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX corpus_articles_outlet ON corpus_articles (outlet_key);
      CREATE INDEX corpus_articles_published ON corpus_articles (published_at);
      CREATE VIRTUAL TABLE corpus_fts USING fts5(
        title, body, content='corpus_articles', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER corpus_articles_ai AFTER INSERT ON corpus_articles BEGIN
        INSERT INTO corpus_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
      END;
      CREATE TRIGGER corpus_articles_ad AFTER DELETE ON corpus_articles BEGIN
        INSERT INTO corpus_fts(corpus_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
      END;
      CREATE TRIGGER corpus_articles_au AFTER UPDATE OF title, body ON corpus_articles BEGIN
        INSERT INTO corpus_fts(corpus_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO corpus_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
      END;
    `,
  },
]

/** Column weights for bm25(): a title hit counts three times a body hit (titles are short and say what a story is about). */
const BM25_WEIGHTS = [3.0, 1.0]
/** Terms in more than this share of articles are left out of the query while rarer ones remain (they cost time, rank little). */
const COMMON_TERM_SHARE = 0.03
const MAX_QUERY_TERMS = 6
/** Filters are first applied to this many best text matches; only when too few pass is every match filtered. */
const FILTER_POOL = 1000

export function createRepository(db: Database.Database): CorpusRepository {
  const selectHash = db.prepare('SELECT id, content_hash FROM corpus_articles WHERE key = ?').raw(true)
  const insert = db.prepare(
    `INSERT INTO corpus_articles (key, title, body, url, outlet, outlet_key, published_at, content_hash, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const update = db.prepare(
    `UPDATE corpus_articles SET title = ?, body = ?, url = ?, outlet = ?, outlet_key = ?, published_at = ?, content_hash = ?,
       updated_at = ? WHERE id = ?`,
  )
  const countAll = db.prepare('SELECT COUNT(*) FROM corpus_articles').pluck()
  const selectOne = db.prepare(`SELECT ${COLUMNS.join(', ')} FROM corpus_articles WHERE key = ?`)
  // Counting stops at `cap`: past it a term is "common" and its exact frequency does not matter.
  const cappedFrequency = db.prepare('SELECT COUNT(*) FROM (SELECT 1 FROM corpus_fts WHERE corpus_fts MATCH ? LIMIT ?)').pluck()
  const bm25 = `bm25(corpus_fts, ${BM25_WEIGHTS.join(', ')})`
  // Without filters, rank inside the index first and join only the winners to the table.
  const plainSearch = db.prepare(
    `SELECT ${COLUMNS.map((c) => `a.${c}`).join(', ')}, -t.rank AS score
       FROM (SELECT rowid, ${bm25} AS rank FROM corpus_fts WHERE corpus_fts MATCH ? ORDER BY rank LIMIT ?) t
       JOIN corpus_articles a ON a.id = t.rowid ORDER BY t.rank`,
  )
  const filteredSearches = new Map<string, Database.Statement>()

  let frequencyCache = new Map<string, number>()
  let totalCache: number | null = null

  const upsertBatch = db.transaction((articles: CorpusArticle[]): Required<CorpusUpsertCounts> => {
    const counts = { inserted: 0, updated: 0, unchanged: 0 }
    const now = new Date().toISOString()
    for (const a of articles) {
      const hash = corpusContentHash(a)
      const existing = selectHash.get(a.key) as [number, string] | undefined
      const values = corpusRowValues(a)
      if (!existing) {
        insert.run(a.key, ...values, hash, now)
        counts.inserted++
      } else if (existing[1] !== hash) {
        update.run(...values, hash, now, existing[0])
        counts.updated++
      } else {
        counts.unchanged++
      }
    }
    return counts
  })

  const writtenElsewhere = watchOtherWriters(db)

  /** Counts and frequencies, fresh when another connection (the server's main thread, another process) wrote. */
  function total(): number {
    if (writtenElsewhere()) {
      frequencyCache = new Map()
      totalCache = null
    }
    totalCache ??= countAll.get() as number
    return totalCache
  }

  function frequency(term: string, cap: number): number {
    let n = frequencyCache.get(term)
    if (n === undefined) {
      n = cappedFrequency.get(buildMatchQuery([term]), cap) as number
      if (frequencyCache.size > 50_000) frequencyCache = new Map()
      frequencyCache.set(term, n)
    }
    return n
  }

  /** The rarest terms of the query; common ones only when fewer than two rarer terms are left. */
  function selectTerms(text: string): string[] {
    const terms = queryTerms(text)
    if (terms.length === 0) return terms
    const common = commonTermLimit(total(), COMMON_TERM_SHARE)
    const counted = terms.map((term) => ({ term, n: frequency(term, common + 1) }))
    return chooseRareTerms(counted, common, MAX_QUERY_TERMS).map((t) => t.term)
  }

  /** SQL conditions and parameters on `a` (corpus_articles) for the search filters. */
  function filterClause(options: CorpusSearchOptions): { where: string; params: unknown[] } {
    const where: string[] = []
    const params: unknown[] = []
    const outlets = outletFilterKeys(options)
    if (outlets.length > 0) {
      where.push(`a.outlet_key IN (${outlets.map(() => '?').join(', ')})`)
      params.push(...outlets)
    }
    if (options.publishedAfter) {
      where.push('a.published_at >= ?')
      params.push(options.publishedAfter)
    }
    if (options.publishedBefore) {
      where.push('a.published_at <= ?')
      params.push(publishedBeforeBound(options.publishedBefore))
    }
    return { where: where.join(' AND '), params }
  }

  function statement(sql: string): Database.Statement {
    let prepared = filteredSearches.get(sql)
    if (!prepared) {
      prepared = db.prepare(sql)
      filteredSearches.set(sql, prepared)
    }
    return prepared
  }

  /** Filtered search: the filter over the best FILTER_POOL text matches first (cheap), over every match when too few pass. */
  function searchFiltered(match: string, options: CorpusSearchOptions): (Row & { score: number })[] {
    const { where, params } = filterClause(options)
    const columns = COLUMNS.map((c) => `a.${c}`).join(', ')
    // CROSS JOIN keeps the ranked matches as the outer loop; otherwise SQLite may walk every article of the outlet.
    const pooled = statement(
      `SELECT ${columns}, -t.rank AS score
         FROM (SELECT rowid, ${bm25} AS rank FROM corpus_fts WHERE corpus_fts MATCH ? ORDER BY rank LIMIT ${FILTER_POOL}) t
         CROSS JOIN corpus_articles a ON a.id = t.rowid WHERE ${where} ORDER BY t.rank LIMIT ?`,
    ).all(match, ...params, options.limit) as (Row & { score: number })[]
    if (pooled.length >= options.limit) return pooled
    return statement(
      `SELECT ${columns}, -${bm25} AS score FROM corpus_fts JOIN corpus_articles a ON a.id = corpus_fts.rowid
         WHERE corpus_fts MATCH ? AND ${where} ORDER BY ${bm25} LIMIT ?`,
    ).all(match, ...params, options.limit) as (Row & { score: number })[]
  }

  return {
    async upsertMany(articles) {
      if (articles.length === 0) return { inserted: 0, updated: 0, unchanged: 0 }
      const counts = upsertBatch(articles)
      if (counts.inserted + counts.updated > 0) {
        frequencyCache = new Map()
        totalCache = null
      }
      return counts
    },
    async count() {
      return total()
    },
    async search(text, options) {
      const terms = selectTerms(text)
      if (terms.length === 0 || options.limit <= 0) return []
      const match = buildMatchQuery(terms)
      const filtered = Boolean(options.outlets?.length || options.publishedAfter || options.publishedBefore)
      const rows = filtered ? searchFiltered(match, options) : (plainSearch.all(match, options.limit) as (Row & { score: number })[])
      return rows.map((row) => ({ article: fromCorpusRow(row), bm25: row.score }))
    },
    async stats(): Promise<CorpusStats> {
      const outlets = db
        .prepare(
          `SELECT MIN(outlet) AS outlet, COUNT(*) AS articles FROM corpus_articles WHERE outlet_key IS NOT NULL
           GROUP BY outlet_key ORDER BY articles DESC, outlet LIMIT 50`,
        )
        .all() as { outlet: string; articles: number }[]
      const summary = db
        .prepare(
          `SELECT COUNT(*) AS articles, SUM(outlet_key IS NULL) AS without, COUNT(DISTINCT outlet_key) AS distinct_outlets, MIN(published_at) AS earliest,
             MAX(published_at) AS latest FROM corpus_articles`,
        )
        .get() as { articles: number; without: number | null; distinct_outlets: number; earliest: string | null; latest: string | null }
      return {
        articles: summary.articles,
        distinctOutlets: summary.distinct_outlets,
        outlets,
        withoutOutlet: summary.without ?? 0,
        earliest: summary.earliest,
        latest: summary.latest,
      }
    },
    async get(key) {
      const row = selectOne.get(key) as Row | undefined
      return row ? fromCorpusRow(row) : null
    },
  }
}
