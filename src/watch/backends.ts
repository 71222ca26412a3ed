// Where items are analyzed: in this thread, on worker threads, or (phase 2) through the BullMQ queue. The watcher
// only sees `AnalysisBackend`; every backend stores the report under the item's id, so a retried item replaces its
// own report and never adds a second one.
import type { ArticleInput } from '../ingest/types.js'
import type { Engine } from '../engine/engine.js'
import type { Store } from '../store/types.js'
import type { Limits } from '../ingest/limits.js'
import { toFactsiftError } from '../errors.js'

export interface AnalysisJob {
  /** The feed item's id: also the report's id. */
  id: string
  input: ArticleInput
  /** For messages: the item's URL or feed. */
  where: string
}

export type AnalysisOutcome =
  | { ok: true; score: number | null; label: string; title: string | null }
  | { ok: false; error: { code: string; message: string } }

export interface AnalysisBackend {
  /** How many jobs it runs at once (the watcher keeps about twice that many in flight). */
  readonly concurrency: number
  analyze(job: AnalysisJob): Promise<AnalysisOutcome>
  close(): Promise<void>
}

/** Analyzes on this thread with `engine` and saves to `store`. */
export function inProcessBackend(engine: Engine, store: Store): AnalysisBackend {
  return {
    concurrency: 1,
    async analyze(job) {
      try {
        const report = await engine.analyze(job.input)
        await store.reports.save({ ...report, id: job.id })
        return { ok: true, score: report.risk.score, label: report.risk.label, title: report.document.title }
      } catch (error) {
        const failure = toFactsiftError(error)
        return { ok: false, error: { code: failure.code, message: failure.message } }
      }
    },
    async close() {},
  }
}

/** Analyzes on `threads` worker threads (src/batch's pool), each saving its reports to the store at `db`. */
export async function threadBackend(threads: number, db: string, limits: Partial<Limits>): Promise<AnalysisBackend> {
  const { createWorkerPool } = await import('../batch/worker-pool.js')
  const pool = await createWorkerPool(threads, { db, limits, output: 'store' })
  let seq = 0
  return {
    concurrency: threads,
    async analyze(job) {
      try {
        const result = await pool.run({ seq: seq++, id: job.id, where: job.where, input: job.input })
        if (result.digest) return { ok: true, score: result.digest.score, label: result.digest.label, title: result.digest.title }
        return { ok: false, error: result.error ?? { code: 'E_INTERNAL', message: 'no result from the analysis thread' } }
      } catch (error) {
        const failure = toFactsiftError(error)
        return { ok: false, error: { code: failure.code, message: failure.message } }
      }
    },
    close: () => pool.close(),
  }
}
