// Stored reports: saved by analyze (server, batch), listed and searched by the UI and API.
import type { Report } from '../report/types.js'

export interface StoredReportSummary {
  id: string
  title: string | null
  url: string | null
  outlet: string | null
  /** Null for a report that is not assessed (then riskLabel is 'not-assessed'). */
  riskScore: number | null
  riskLabel: string
  createdAt: string
  wordCount?: number
  claimCount?: number
}

/** Page size when `limit` is not given, and the largest page a caller may ask for. */
export const REPORT_LIST_DEFAULT_LIMIT = 20
export const REPORT_LIST_MAX_LIMIT = 100

export interface ReportListQuery {
  q?: string
  limit?: number
  /** Opaque cursor returned by the previous page. */
  cursor?: string
}

export interface ReportRepository {
  /**
   * Saves (or replaces) a report under `report.id`. Returns the id. `json`: the report already serialized, its id
   * included (an analysis thread did the work): stored as given instead of serializing `report` again.
   */
  save(report: Report, json?: string): Promise<string>
  get(id: string): Promise<Report | null>
  /** Several reports at once (batch --wait reads thousands): by id, for the ids that exist. */
  getMany(ids: readonly string[]): Promise<Map<string, Report>>
  /**
   * Newest first; `q` searches titles and text (every word must occur, the last as a prefix).
   * Throws E_BAD_ARGUMENT for a limit outside 1..REPORT_LIST_MAX_LIMIT or a cursor it did not issue.
   */
  list(query: ReportListQuery): Promise<{ items: StoredReportSummary[]; nextCursor: string | null }>
  has(id: string): Promise<boolean>
  /** Deletes the report with this id; true when there was one. */
  delete(id: string): Promise<boolean>
  /**
   * Deletes reports saved (or last replaced) before `cutoff`, at most `limit` of them per call (default all), oldest
   * first; returns how many went. Callers that must not hold the database long loop with a limit until it returns < limit.
   */
  deleteOlderThan(cutoff: Date, limit?: number): Promise<number>
}
