// Report-list rules shared by the SQLite and PostgreSQL report repositories: limits, cursors, content ids, summaries.
import { createHash } from 'node:crypto'
import type { Report } from '../report/types.js'
import type { StoredReportSummary } from './report-repository.js'
import { REPORT_LIST_DEFAULT_LIMIT, REPORT_LIST_MAX_LIMIT } from './report-repository.js'
import { FactsiftError } from '../errors.js'

/** The summary columns of a stored report row (both stores name them alike). */
export interface ReportSummaryRow {
  id: string
  created_at: string
  title: string | null
  url: string | null
  outlet: string | null
  /** NULL for a report that is not assessed. */
  risk_score: number | null
  risk_label: string
  word_count: number
  claim_count: number
}

/** The page size asked for, or the default; anything outside 1..max is E_BAD_ARGUMENT. */
export function checkLimit(limit: number | undefined): number {
  if (limit === undefined) return REPORT_LIST_DEFAULT_LIMIT
  if (!Number.isInteger(limit) || limit < 1 || limit > REPORT_LIST_MAX_LIMIT) {
    throw new FactsiftError('E_BAD_ARGUMENT', `limit must be an integer from 1 to ${REPORT_LIST_MAX_LIMIT}`)
  }
  return limit
}

/** An opaque cursor for "rows older than `seq`". */
export function encodeCursor(seq: number): string {
  return Buffer.from(`s${seq}`, 'utf8').toString('base64url')
}

/** The `seq` a cursor from `encodeCursor` stands for; anything else is E_BAD_ARGUMENT. */
export function decodeCursor(cursor: string): number {
  const decoded = /^[A-Za-z0-9_-]{1,40}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : ''
  const match = /^s(\d{1,15})$/.exec(decoded)
  if (!match) throw new FactsiftError('E_BAD_ARGUMENT', 'cursor is not one returned by a previous page')
  return Number(match[1])
}

/** One page from `limit + 1` newest-first rows: the first `limit` as summaries, and a cursor when there were more. */
export function toPage<R extends ReportSummaryRow>(
  rows: R[],
  limit: number,
  seqOf: (row: R) => number,
): { items: StoredReportSummary[]; nextCursor: string | null } {
  const more = rows.length > limit
  const items = rows.slice(0, limit)
  return { items: items.map(toSummary), nextCursor: more ? encodeCursor(seqOf(items[items.length - 1]!)) : null }
}

function toSummary(row: ReportSummaryRow): StoredReportSummary {
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

/** A stable id for a report that came without one: hash of its normalized text and metadata (the same in every store). */
export function reportKey(report: Report): string {
  const { title, url, outlet, publishedAt, text } = report.document
  return createHash('sha256').update(JSON.stringify([title, url, outlet, publishedAt, text])).digest('hex').slice(0, 32)
}
