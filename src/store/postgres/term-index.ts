// Term statistics and BM25 ranking over PostgreSQL tsvectors, scored as SQLite FTS5's bm25() scores (src/search/bm25.ts)
// so that scores, and the re-ranker features built on them, carry over between the stores.
import type pg from 'pg'
import { BM25_B, BM25_K1, bm25Idf } from '../../search/bm25.js'
import { queryTerms } from '../../search/fts-query.js'
import { chooseRareTerms, commonTermLimit } from '../../search/term-selection.js'

export interface Bm25Column {
  /** A tsvector column (or expression) of the table, aliased as `c`. */
  vector: string
  weight: number
}

export interface TermIndexOptions {
  table: string
  /** The expression a GIN index covers: candidates are found with `<matchVector> @@ query`. */
  matchVector: string
  columns: Bm25Column[]
  /** Text-search configuration used to build the vectors (query words are stemmed with the same one). */
  config: string
}

export interface ScoredQuery {
  /** Chosen lexemes and their idf, for `scoreSql`'s parameters. */
  lexemes: string[]
  idf: number[]
  avgLength: number
}

/**
 * Term statistics for one table: query word → lexeme (through the table's own stemming), document frequency, row count
 * and average length, cached until the next write (as the SQLite repositories cache theirs).
 */
export function createTermIndex(pool: pg.Pool, options: TermIndexOptions) {
  const lexemeOf = new Map<string, string | null>()
  let frequencies = new Map<string, number>()
  let totals: { total: number; avgLength: number } | null = null

  async function lexemes(words: readonly string[]): Promise<(string | null)[]> {
    const missing = [...new Set(words.filter((w) => !lexemeOf.has(w)))]
    if (missing.length > 0) {
      const { rows } = await pool.query<{ w: string; l: string[] }>(
        `SELECT w, ARRAY(SELECT lexeme FROM unnest(to_tsvector('${options.config}', w))) AS l FROM unnest($1::text[]) AS w`,
        [missing],
      )
      if (lexemeOf.size > 100_000) lexemeOf.clear()
      for (const row of rows) lexemeOf.set(row.w, row.l[0] ?? null)
    }
    return words.map((w) => lexemeOf.get(w) ?? null)
  }

  /** How many rows contain each lexeme; counting stops at `cap` (past it the exact number does not matter). */
  async function documentFrequencies(list: readonly string[], cap?: number): Promise<number[]> {
    const keyOf = (l: string) => (cap === undefined ? l : `${l}\u0000${cap}`)
    const missing = [...new Set(list.filter((l) => !frequencies.has(keyOf(l))))]
    if (missing.length > 0) {
      const limit = cap === undefined ? '' : ` LIMIT ${Math.floor(cap)}`
      const { rows } = await pool.query<{ l: string; n: number }>(
        `SELECT l, (SELECT COUNT(*)::int FROM (SELECT 1 FROM ${options.table} c WHERE ${options.matchVector} @@ quote_literal(l)::tsquery${limit}) s) AS n
           FROM unnest($1::text[]) AS l`,
        [missing],
      )
      if (frequencies.size > 50_000) frequencies = new Map()
      for (const row of rows) frequencies.set(keyOf(row.l), row.n)
    }
    return list.map((l) => frequencies.get(keyOf(l)) ?? 0)
  }

  async function stats(): Promise<{ total: number; avgLength: number }> {
    if (!totals) {
      const { rows } = await pool.query<{ total: number; avg: number | null }>(
        `SELECT COUNT(*)::int AS total, AVG(fts_length)::float8 AS avg FROM ${options.table}`,
      )
      totals = { total: rows[0]!.total, avgLength: rows[0]!.avg ?? 0 }
    }
    return totals
  }

  return {
    lexemes,
    documentFrequencies,
    stats,
    /** Forget cached frequencies and totals: call after every write that changed rows. */
    invalidate() {
      frequencies = new Map()
      totals = null
    },
    /**
     * The query's rarest terms as lexemes with their idf, like the SQLite repositories' term selection: terms in more than
     * `commonShare` of rows are left out while at least two rarer ones remain; at most `maxTerms`. Null when none match.
     */
    async chooseTerms(text: string, commonShare: number, maxTerms: number, capCounts: boolean): Promise<ScoredQuery | null> {
      const words = queryTerms(text)
      if (words.length === 0) return null
      const { total, avgLength } = await stats()
      if (total === 0) return null
      const common = commonTermLimit(total, commonShare)
      const mapped = [...new Set((await lexemes(words)).filter((l): l is string => l !== null))]
      const counts = await documentFrequencies(mapped, capCounts ? common + 1 : undefined)
      const chosen = chooseRareTerms(mapped.map((term, i) => ({ term, n: counts[i]! })), common, maxTerms)
      if (chosen.length === 0) return null
      // Capped counts are lower bounds for common terms; the exact df is needed for their idf.
      const exact = capCounts ? await documentFrequencies(chosen.map((t) => t.term)) : chosen.map((t) => t.n)
      return { lexemes: chosen.map((t) => t.term), idf: exact.map((n) => bm25Idf(total, n)), avgLength }
    },
    /**
     * SQL ranking candidate rows (table alias `c`, which must expose `id` and `fts_length`) by BM25. Parameters:
     * `$lexemes` text[], `$idf` float8[], `$avg` float8; `where` adds conditions (the tsquery match must be one of them).
     */
    scoreSql(params: { lexemes: string; idf: string; avg: string }, where: string): string {
      const perColumn = options.columns
        .map((column) => `SELECT t.lexeme, cardinality(t.positions) * ${column.weight}::float8 AS f
            FROM unnest(ts_filter(setweight(${column.vector}, 'A', ${params.lexemes}), '{a}')) AS t`)
        .join(' UNION ALL ')
      return `SELECT c.id, SUM(q.idf * (m.f * ${BM25_K1 + 1}) / (m.f + ${BM25_K1} * (${1 - BM25_B} + ${BM25_B} * c.fts_length / GREATEST(${params.avg}, 1e-9)))) AS score
        FROM ${options.table} c
        CROSS JOIN LATERAL (SELECT u.lexeme, SUM(u.f) AS f FROM (${perColumn}) AS u GROUP BY u.lexeme) AS m
        JOIN unnest(${params.lexemes}, ${params.idf}) AS q(lexeme, idf) ON q.lexeme = m.lexeme
        WHERE ${where}
        GROUP BY c.id`
    },
  }
}
