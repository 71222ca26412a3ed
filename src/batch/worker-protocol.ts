// Messages between the batch pool and its worker threads.
import type { Limits } from '../context.js'
import type { Report, RiskLabel } from '../report/types.js'

export interface WorkerSetup {
  db?: string
  limits: Partial<Limits>
  /**
   * 'report' (default) posts the report object back; 'line' posts the finished output line as UTF-8 bytes (moved, not
   * copied, to the main thread) plus the few fields the batch summary needs, so the main thread neither copies,
   * re-serializes nor encodes reports: with one thread per core, its time is taken from the analysis threads.
   * 'store' saves the report (its id = the item's id) to the thread's own store (`db`) and posts back only the digest:
   * queue workers then serialize and insert in every thread instead of all on the main thread.
   */
  output?: 'report' | 'line' | 'store'
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
  /** With output 'line': the whole output record, JSON and its newline, UTF-8. */
  lineBytes?: Uint8Array
  digest?: ReportDigest
  /** `stage: 'store'`: the analysis succeeded and saving it failed (worth a retry). */
  error?: { code: string; message: string; stage?: 'analyze' | 'store' }
}
