// Messages between the batch pool and its worker threads.
import type { Limits } from '../ingest/limits.js'
import type { Report, RiskLabel } from '../report/types.js'
import type { StoragePolicy } from '../store/storage-policy.js'

export interface WorkerSetup {
  db?: string
  limits: Partial<Limits>
  /**
   * 'report' (default) posts the report object back. 'append' appends the finished output line to `appendTo` itself
   * and posts back only the few fields the batch summary needs: the main thread neither receives, re-serializes nor
   * writes reports, and with one thread per core its time is taken from the analysis threads.
   * 'store' saves the report (its id = the item's id) to the thread's own store (`db`) and posts back only the digest:
   * queue workers then serialize and insert in every thread instead of all on the main thread.
   */
  output?: 'report' | 'append' | 'store' | 'json'
  /**
   * With output 'append': the batch's output file, already created (or truncated) by the main thread. Each thread opens
   * it with O_APPEND and writes every line with one write call: on a local file system the kernel appends each whole
   * write at the end under the file's lock, so lines never interleave, and a `kill -9` leaves at most one torn line,
   * the last (a write interrupted by the signal stops at a page boundary; the other threads' writes then start no
   * more). A short write (disk full) is not retried; resume cuts the file at the first broken line (durable-output.ts).
   */
  appendTo?: string
  /**
   * With output 'json' (the server): items marked `store` are saved to the thread's store under this policy, and the
   * report comes back as its JSON text, so the server's main thread neither clones, serializes nor stores a report:
   * a 4 MB article's 26 MB report would otherwise hold its event loop (and /healthz) for a good part of a second.
   */
  storage?: StoragePolicy
  /**
   * Set by the pool when its threads share a SQLite file: saves take this lock first (write-lock.ts), so two threads
   * never meet in SQLite's busy handler, which sleeps whole milliseconds before trying again.
   */
  writeLock?: SharedArrayBuffer
  /** Analyze a short text before saying ready (default true); off for a thread started for one large item. */
  warmUp?: boolean
}

/** What the batch summary needs from a report. */
export interface ReportDigest {
  title: string | null
  /** Null when the document is not assessed (label 'not-assessed'; `notAssessed` holds the reason codes). */
  score: number | null
  label: RiskLabel | 'not-assessed'
  reasons: string[]
  notAssessed?: string[]
}

export interface WorkerResult {
  seq: number
  id: string
  where: string
  report?: Report
  digest?: ReportDigest
  /**
   * With output 'json': the report as UTF-8 JSON (its id and any storage warning included), its buffer transferred, not
   * copied: the main thread neither copies nor encodes a 26 MB string, it writes these bytes to the socket.
   */
  json?: Uint8Array
  /** With output 'json': the stored id, or null when the report was not saved. */
  storedId?: string | null
  /** With output 'append': the line could not be written (disk full, permissions); the batch stops. */
  outputFailed?: string
  /** `stage: 'store'`: the analysis succeeded and saving it failed (worth a retry). */
  error?: { code: string; message: string; stage?: 'analyze' | 'store' }
}
