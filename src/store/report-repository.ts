// Stored reports: saved by analyze (server, batch), listed and searched by the UI and API.
import type { Report } from '../report/types.js'

export interface StoredReportSummary {
  id: string
  title: string | null
  url: string | null
  outlet: string | null
  riskScore: number
  riskLabel: string
  createdAt: string
}

export interface ReportListQuery {
  q?: string
  limit?: number
  /** Opaque cursor returned by the previous page. */
  cursor?: string
}

export interface ReportRepository {
  /** Saves (or replaces) a report under `report.id`. Returns the id. */
  save(report: Report): Promise<string>
  get(id: string): Promise<Report | null>
  /** Newest first; `q` searches titles and text. */
  list(query: ReportListQuery): Promise<{ items: StoredReportSummary[]; nextCursor: string | null }>
  has(id: string): Promise<boolean>
}
