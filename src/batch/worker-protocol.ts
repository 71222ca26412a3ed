// Messages between the batch pool and its worker threads.
import type { Limits } from '../context.js'
import type { Report, RiskLabel } from '../report/types.js'

export interface WorkerSetup {
  db?: string
  limits: Partial<Limits>
  /**
   * 'report' (default) posts the report object back; 'line' posts the finished output line (a string, cheap to
   * transfer) plus the few fields the batch summary needs, so the main thread neither copies nor re-serializes reports.
   */
  output?: 'report' | 'line'
}

/** What the batch summary needs from a report. */
export interface ReportDigest {
  title: string | null
  score: number
  label: RiskLabel
  reasons: string[]
}

export interface WorkerResult {
  seq: number
  id: string
  where: string
  report?: Report
  /** With output 'line': the whole output record, JSON, without the newline. */
  line?: string
  digest?: ReportDigest
  error?: { code: string; message: string }
}
