// Stored reports in SQLite: one row per report id, FTS5 over title and text, newest-first cursor pagination.
import type Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import type { Report } from '../../report/types.js'
import type { ReportListQuery, ReportRepository, StoredReportSummary } from '../report-repository.js'
import { REPORT_LIST_DEFAULT_LIMIT, REPORT_LIST_MAX_LIMIT } from '../report-repository.js'
import { FactsiftError } from '../../errors.js'
import type { SqliteMigration } from './migrate.js'

export const area = 'reports'

export const migrations: SqliteMigration[] = [
  {
    version: 1,
    description: 'reports table with FTS5 index over title and text',
    // `seq` is the rowid: it grows with every save, so "newest first" is `ORDER BY seq DESC` and a cursor is one integer.
    up: `
      CREATE TABLE reports (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        title TEXT,
        url TEXT,
        outlet TEXT,
        risk_score REAL NOT NULL,
        risk_label TEXT NOT NULL,
        word_count INTEGER NOT NULL,
        claim_count INTEGER NOT NULL,
        text TEXT NOT NULL,
        report TEXT NOT NULL
      );
      CREATE VIRTUAL TABLE reports_fts USING fts5(
        title, text, content='reports', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports BEGIN
        INSERT INTO reports_fts(rowid, title, text) VALUES (new.seq, coalesce(new.title, ''), new.text);
      END;
      CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN
        INSERT INTO reports_fts(reports_fts, rowid, title, text) VALUES ('delete', old.seq, coalesce(old.title, ''), old.text);
      END;
    `,
  },
]

interface SummaryRow {
  seq: number
  id: string
  created_at: string
  title: string | null
  url: string | null
  outlet: string | null
  risk_score: number
  risk_label: string
  word_count: number
  claim_count: number
}

const SUMMARY_COLUMNS = 'r.seq, r.id, r.created_at, r.title, r.url, r.outlet, r.risk_score, r.risk_label, r.word_count, r.claim_count'

/** The report repository over an open, migrated SQLite database. */
export function createRepository(db: Database.Database): ReportRepository {
  const remove = db.prepare('DELETE FROM reports WHERE id = ?')
  const insert = db.prepare(`INSERT INTO reports
    (id, created_at, title, url, outlet, risk_score, risk_label, word_count, claim_count, text, report)
    VALUES (@id, @createdAt, @title, @url, @outlet, @riskScore, @riskLabel, @wordCount, @claimCount, @text, @report)`)
  // Replacing moves the report to the top of the history: it is the latest analysis of that article.
  const replace = db.transaction((row: Record<string, unknown>) => {
    remove.run(row.id)
    insert.run(row)
  })
  const getOne = db.prepare('SELECT report FROM reports WHERE id = ?')
  const hasOne = db.prepare('SELECT 1 AS ok FROM reports WHERE id = ?')
  const page = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM reports r WHERE r.seq < ? ORDER BY r.seq DESC LIMIT ?`)
  const search = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM reports_fts f JOIN reports r ON r.seq = f.rowid
    WHERE reports_fts MATCH ? AND r.seq < ? ORDER BY r.seq DESC LIMIT ?`)

  return {
    async save(report: Report): Promise<string> {
      const id = report.id ?? reportKey(report)
      const stored: Report = report.id === id ? report : { ...report, id }
      try {
        replace({
          id,
          createdAt: new Date().toISOString(),
          title: report.document.title,
          url: report.document.url,
          outlet: report.document.outlet,
          riskScore: report.risk.score,
          riskLabel: report.risk.label,
          wordCount: report.document.wordCount,
          claimCount: report.claims.length,
          text: report.document.text,
          report: JSON.stringify(stored),
        })
      } catch (error) {
        throw new FactsiftError('E_STORE', `cannot save report ${id}: ${(error as Error).message}`)
      }
      return id
    },

    async get(id: string): Promise<Report | null> {
      const row = getOne.get(id) as { report: string } | undefined
      return row ? (JSON.parse(row.report) as Report) : null
    },

    async has(id: string): Promise<boolean> {
      return hasOne.get(id) !== undefined
    },

    async list(query: ReportListQuery): Promise<{ items: StoredReportSummary[]; nextCursor: string | null }> {
      const limit = checkLimit(query.limit)
      const before = query.cursor ? decodeCursor(query.cursor) : Number.MAX_SAFE_INTEGER
      let rows: SummaryRow[]
      if (query.q !== undefined && query.q.trim() !== '') {
        const match = toFtsQuery(query.q)
        if (match === null) return { items: [], nextCursor: null }
        rows = search.all(match, before, limit + 1) as SummaryRow[]
      } else {
        rows = page.all(before, limit + 1) as SummaryRow[]
      }
      const more = rows.length > limit
      const items = rows.slice(0, limit)
      return {
        items: items.map(toSummary),
        nextCursor: more ? encodeCursor(items[items.length - 1]!.seq) : null,
      }
    },
  }
}

function toSummary(row: SummaryRow): StoredReportSummary {
  return {
    id: row.id,
    title: row.title,
    url: row.url,
    outlet: row.outlet,
    riskScore: row.risk_score,
    riskLabel: row.risk_label,
    createdAt: row.created_at,
    wordCount: row.word_count,
    claimCount: row.claim_count,
  }
}

function checkLimit(limit: number | undefined): number {
  if (limit === undefined) return REPORT_LIST_DEFAULT_LIMIT
  if (!Number.isInteger(limit) || limit < 1 || limit > REPORT_LIST_MAX_LIMIT) {
    throw new FactsiftError('E_BAD_ARGUMENT', `limit must be an integer from 1 to ${REPORT_LIST_MAX_LIMIT}`)
  }
  return limit
}

function encodeCursor(seq: number): string {
  return Buffer.from(`s${seq}`, 'utf8').toString('base64url')
}

function decodeCursor(cursor: string): number {
  const decoded = /^[A-Za-z0-9_-]{1,40}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : ''
  const match = /^s(\d{1,15})$/.exec(decoded)
  if (!match) throw new FactsiftError('E_BAD_ARGUMENT', 'cursor is not one returned by a previous page')
  return Number(match[1])
}

/**
 * The user's words as an FTS5 query: each word quoted (so `"`, `*`, `AND`, `NEAR(` are plain text, never syntax),
 * all required, the last one as a prefix so that typing-as-you-search works. Null when no word remains.
 */
export function toFtsQuery(q: string): string | null {
  const words = q.normalize('NFC').match(/[\p{L}\p{N}]+/gu)
  if (!words) return null
  const quoted = words.slice(0, 16).map((word) => `"${word}"`)
  quoted[quoted.length - 1] += '*'
  return quoted.join(' ')
}

/** A stable id for a report that came without one: hash of its normalized text and metadata. */
function reportKey(report: Report): string {
  const { title, url, outlet, publishedAt, text } = report.document
  return createHash('sha256').update(JSON.stringify([title, url, outlet, publishedAt, text])).digest('hex').slice(0, 32)
}
