// Stored reports in SQLite: one row per report id, FTS5 over title and text, newest-first cursor pagination.
import type Database from 'better-sqlite3'
import { isAssessed, type Report } from '../../report/types.js'
import type { ReportListQuery, ReportRepository, StoredReportSummary } from '../report-repository.js'
import { checkLimit, decodeCursor, reportKey, toPage, type ReportSummaryRow } from '../report-list.js'
import { searchBoxMatchQuery } from '../../search/fts-query.js'
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
  {
    version: 2,
    description: 'risk_score may be NULL: a report that is not assessed has no score',
    // SQLite cannot drop NOT NULL in place: the table is rebuilt with the same rows and seq values, so the FTS5 index
    // (content='reports', content_rowid='seq') stays valid; its triggers are recreated on the new table.
    up: `
      CREATE TABLE reports_v2 (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        title TEXT,
        url TEXT,
        outlet TEXT,
        risk_score REAL,
        risk_label TEXT NOT NULL,
        word_count INTEGER NOT NULL,
        claim_count INTEGER NOT NULL,
        text TEXT NOT NULL,
        report TEXT NOT NULL
      );
      INSERT INTO reports_v2 (seq, id, created_at, title, url, outlet, risk_score, risk_label, word_count, claim_count, text, report)
        SELECT seq, id, created_at, title, url, outlet, risk_score, risk_label, word_count, claim_count, text, report FROM reports;
      DROP TRIGGER reports_fts_insert;
      DROP TRIGGER reports_fts_delete;
      DROP TABLE reports;
      ALTER TABLE reports_v2 RENAME TO reports;
      CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports BEGIN
        INSERT INTO reports_fts(rowid, title, text) VALUES (new.seq, coalesce(new.title, ''), new.text);
      END;
      CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN
        INSERT INTO reports_fts(reports_fts, rowid, title, text) VALUES ('delete', old.seq, coalesce(old.title, ''), old.text);
      END;
    `,
  },
]

interface SummaryRow extends ReportSummaryRow {
  seq: number
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
  const deleteOlder = db.prepare(`DELETE FROM reports WHERE seq IN
    (SELECT seq FROM reports WHERE created_at < ? ORDER BY seq LIMIT ?)`)
  const page = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM reports r WHERE r.seq < ? ORDER BY r.seq DESC LIMIT ?`)
  const search = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM reports_fts f JOIN reports r ON r.seq = f.rowid
    WHERE reports_fts MATCH ? AND r.seq < ? ORDER BY r.seq DESC LIMIT ?`)

  return {
    async save(report: Report, json?: string): Promise<string> {
      const id = report.id ?? reportKey(report)
      const serialized = () => JSON.stringify(report.id === id ? report : { ...report, id })
      try {
        replace({
          id,
          createdAt: new Date().toISOString(),
          title: report.document.title,
          url: report.document.url,
          outlet: report.document.outlet,
          // A report that is not assessed is stored without a score (risk_score NULL, label 'not-assessed').
          riskScore: isAssessed(report) ? report.risk.score : null,
          riskLabel: isAssessed(report) ? report.risk.label : 'not-assessed',
          wordCount: report.document.wordCount,
          claimCount: report.claims.length,
          text: report.document.text,
          report: json ?? serialized(),
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

    async getMany(ids: readonly string[]): Promise<Map<string, Report>> {
      const found = new Map<string, Report>()
      for (const id of ids) {
        const row = getOne.get(id) as { report: string } | undefined
        if (row) found.set(id, JSON.parse(row.report) as Report)
      }
      return found
    },

    async has(id: string): Promise<boolean> {
      return hasOne.get(id) !== undefined
    },

    async delete(id: string): Promise<boolean> {
      try {
        return remove.run(id).changes > 0
      } catch (error) {
        throw new FactsiftError('E_STORE', `cannot delete report ${id}: ${(error as Error).message}`)
      }
    },

    async deleteOlderThan(cutoff: Date, limit?: number): Promise<number> {
      try {
        // created_at is an ISO-8601 UTC string (toISOString): text order is time order.
        return deleteOlder.run(cutoff.toISOString(), limit ?? -1).changes
      } catch (error) {
        throw new FactsiftError('E_STORE', `cannot delete old reports: ${(error as Error).message}`)
      }
    },

    async list(query: ReportListQuery): Promise<{ items: StoredReportSummary[]; nextCursor: string | null }> {
      const limit = checkLimit(query.limit)
      const before = query.cursor ? decodeCursor(query.cursor) : Number.MAX_SAFE_INTEGER
      let rows: SummaryRow[]
      if (query.q !== undefined && query.q.trim() !== '') {
        const match = searchBoxMatchQuery(query.q)
        if (match === null) return { items: [], nextCursor: null }
        rows = search.all(match, before, limit + 1) as SummaryRow[]
      } else {
        rows = page.all(before, limit + 1) as SummaryRow[]
      }
      return toPage(rows, limit, (row) => row.seq)
    },
  }
}
