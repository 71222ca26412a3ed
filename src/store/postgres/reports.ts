// Stored reports in PostgreSQL: one row per report id, a 'simple' tsvector (GIN) over title and text, newest-first pages.
import type pg from 'pg'
import { isAssessed, type Report } from '../../report/types.js'
import type { ReportListQuery, ReportRepository, StoredReportSummary } from '../report-repository.js'
import { checkLimit, decodeCursor, reportKey, toPage, type ReportSummaryRow } from '../report-list.js'
import { searchBoxTsQuery } from '../../search/fts-query.js'
import { FactsiftError } from '../../errors.js'
import type { PostgresMigration } from './migrate.js'
import { pgText } from './upsert.js'

export const area = 'reports'

/** Reports read per query by getMany. */
const GET_MANY_CHUNK = 200

/** Text past this many characters is not indexed for search (a tsvector holds at most 1 MB). */
const MAX_INDEXED_CHARS = 500_000

export const migrations: PostgresMigration[] = [
  {
    version: 1,
    description: "reports table with a 'simple' (unstemmed, like FTS5 unicode61) tsvector over title and text",
    // `seq` takes a new value from its sequence on every save: "newest first" is `ORDER BY seq DESC`, a cursor one integer.
    // The report is kept as text, not jsonb, so that it comes back byte for byte (key order included).
    up: `
      CREATE SEQUENCE reports_seq;
      CREATE TABLE reports (
        id TEXT COLLATE "C" PRIMARY KEY,
        seq BIGINT NOT NULL DEFAULT nextval('reports_seq') UNIQUE,
        created_at TEXT NOT NULL,
        title TEXT,
        url TEXT,
        outlet TEXT,
        risk_score DOUBLE PRECISION NOT NULL,
        risk_label TEXT NOT NULL,
        word_count INTEGER NOT NULL,
        claim_count INTEGER NOT NULL,
        text TEXT NOT NULL,
        report TEXT NOT NULL,
        tsv TSVECTOR GENERATED ALWAYS AS (strip(to_tsvector('simple', coalesce(title, '') || ' ' || left(text, ${MAX_INDEXED_CHARS})))) STORED
      );
      CREATE INDEX reports_fts ON reports USING GIN (tsv);
    `,
  },
  {
    version: 2,
    description: 'risk_score may be NULL: a report that is not assessed has no score',
    up: 'ALTER TABLE reports ALTER COLUMN risk_score DROP NOT NULL;',
  },
]

interface SummaryRow extends ReportSummaryRow {
  seq: string
}

const SUMMARY_COLUMNS = 'seq, id, created_at, title, url, outlet, risk_score, risk_label, word_count, claim_count'

/** The report repository over a migrated PostgreSQL schema. */
export function createRepository(pool: pg.Pool): ReportRepository {
  return {
    async save(report: Report, json?: string): Promise<string> {
      const id = report.id ?? reportKey(report)
      const serialized = () => JSON.stringify(report.id === id ? report : { ...report, id })
      try {
        // One statement: concurrent workers saving the same id (a retried or duplicated job) replace, never duplicate.
        await pool.query(
          `INSERT INTO reports (id, created_at, title, url, outlet, risk_score, risk_label, word_count, claim_count, text, report)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
           ON CONFLICT (id) DO UPDATE SET seq = nextval('reports_seq'), created_at = EXCLUDED.created_at, title = EXCLUDED.title,
             url = EXCLUDED.url, outlet = EXCLUDED.outlet, risk_score = EXCLUDED.risk_score, risk_label = EXCLUDED.risk_label,
             word_count = EXCLUDED.word_count, claim_count = EXCLUDED.claim_count, text = EXCLUDED.text, report = EXCLUDED.report`,
          [
            id,
            new Date().toISOString(),
            nullableText(report.document.title),
            nullableText(report.document.url),
            nullableText(report.document.outlet),
            // A report that is not assessed is stored without a score (risk_score NULL, label 'not-assessed').
            isAssessed(report) ? report.risk.score : null,
            isAssessed(report) ? report.risk.label : 'not-assessed',
            report.document.wordCount,
            report.claims.length,
            pgText(report.document.text),
            // JSON escapes U+0000 as \u0000, so the stored text never holds the one character PostgreSQL refuses.
            json ?? serialized(),
          ],
        )
      } catch (error) {
        throw new FactsiftError('E_STORE', `cannot save report ${id}: ${(error as Error).message}`)
      }
      return id
    },

    async get(id: string): Promise<Report | null> {
      const { rows } = await pool.query<{ report: string }>('SELECT report FROM reports WHERE id = $1', [id])
      return rows[0] ? (JSON.parse(rows[0].report) as Report) : null
    },

    async getMany(ids: readonly string[]): Promise<Map<string, Report>> {
      const found = new Map<string, Report>()
      // Reports run to tens of kilobytes: a few hundred per query keeps each answer small.
      for (let start = 0; start < ids.length; start += GET_MANY_CHUNK) {
        const { rows } = await pool.query<{ id: string; report: string }>('SELECT id, report FROM reports WHERE id = ANY($1::text[])', [
          ids.slice(start, start + GET_MANY_CHUNK),
        ])
        for (const row of rows) found.set(row.id, JSON.parse(row.report) as Report)
      }
      return found
    },

    async has(id: string): Promise<boolean> {
      const { rows } = await pool.query('SELECT 1 FROM reports WHERE id = $1', [id])
      return rows.length > 0
    },

    async delete(id: string): Promise<boolean> {
      try {
        return ((await pool.query('DELETE FROM reports WHERE id = $1', [id])).rowCount ?? 0) > 0
      } catch (error) {
        throw new FactsiftError('E_STORE', `cannot delete report ${id}: ${(error as Error).message}`)
      }
    },

    async deleteOlderThan(cutoff: Date, limit?: number): Promise<number> {
      try {
        // created_at is ISO-8601 UTC text; compared as timestamps so that the column's collation plays no part.
        const { rowCount } = await pool.query(
          `DELETE FROM reports WHERE id IN
             (SELECT id FROM reports WHERE created_at::timestamptz < $1::timestamptz ORDER BY seq LIMIT $2)`,
          [cutoff.toISOString(), limit ?? null],
        )
        return rowCount ?? 0
      } catch (error) {
        throw new FactsiftError('E_STORE', `cannot delete old reports: ${(error as Error).message}`)
      }
    },

    async list(query: ReportListQuery): Promise<{ items: StoredReportSummary[]; nextCursor: string | null }> {
      const limit = checkLimit(query.limit)
      const before = query.cursor ? decodeCursor(query.cursor) : Number.MAX_SAFE_INTEGER
      let rows: SummaryRow[]
      if (query.q !== undefined && query.q.trim() !== '') {
        const match = searchBoxTsQuery(query.q)
        if (match === null) return { items: [], nextCursor: null }
        rows = (
          await pool.query<SummaryRow>(
            `SELECT ${SUMMARY_COLUMNS} FROM reports WHERE tsv @@ to_tsquery('simple', $1) AND seq < $2 ORDER BY seq DESC LIMIT $3`,
            [match, before, limit + 1],
          )
        ).rows
      } else {
        rows = (await pool.query<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM reports WHERE seq < $1 ORDER BY seq DESC LIMIT $2`, [before, limit + 1])).rows
      }
      return toPage(rows, limit, (row) => Number(row.seq))
    },
  }
}

function nullableText(value: string | null): string | null {
  return value === null ? null : pgText(value)
}
