// Where items are analyzed: in this thread, on worker threads, or (phase 2) through the BullMQ queue. The watcher
// only sees `AnalysisBackend`; every backend stores the report under the item's id, so a retried item replaces its
// own report and never adds a second one.
import type { ArticleInput } from '../ingest/types.js'
import type { Report } from '../report/types.js'
import type { Engine } from '../engine/engine.js'
import type { Store } from '../store/types.js'
import type { Limits } from '../ingest/limits.js'
import type { AnalysisRunner } from '../queue/queue-worker.js'
import { toFactsiftError } from '../errors.js'
import { isAssessed } from '../report/types.js'

export interface AnalysisJob {
  /** The feed item's id: also the report's id. */
  id: string
  input: ArticleInput
  /** For messages: the item's URL or feed. */
  where: string
}

export type AnalysisOutcome =
  /** `report`: the stored report when the backend has it in hand (the claim step then need not read it back). */
  | { ok: true; score: number | null; label: string; title: string | null; report?: Report }
  | { ok: false; error: { code: string; message: string } }

export interface AnalysisBackend {
  /** How many jobs it runs at once (the watcher keeps about twice that many in flight: `itemsInFlight`). */
  readonly concurrency: number
  /** Items the watcher keeps in flight when the backend knows better (the queue: its depth). */
  readonly inFlight?: number
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
        const stored = { ...report, id: job.id }
        await store.reports.save(stored)
        return { ok: true, score: report.risk.score, label: report.risk.label, title: report.document.title, report: stored }
      } catch (error) {
        const failure = toFactsiftError(error)
        return { ok: false, error: { code: failure.code, message: failure.message } }
      }
    },
    async close() {},
  }
}

/**
 * Analyzes on `threads` worker threads (src/batch's pool) and saves the reports to `store` on this thread. The threads
 * only analyze and serialize (output 'json': the JSON's buffer is transferred, not copied); this thread parses it once
 * (the claim step needs the report anyway) and inserts it as serialized. With the threads saving to the SQLite file
 * themselves, their inserts and this thread's claim transactions fought for the one write lock: SQLite's busy handler
 * sleeps in steps of up to 100 ms, and a thread's save waited ~25-30 ms on average (bench:monitor, 2 threads), its
 * analysis stalled meanwhile. One writer never waits.
 */
export async function threadBackend(threads: number, db: string, limits: Partial<Limits>, store: Store): Promise<AnalysisBackend> {
  const { createWorkerPool } = await import('../batch/worker-pool.js')
  const pool = await createWorkerPool(threads, { db, limits, output: 'json' })
  const decoder = new TextDecoder()
  let seq = 0
  return {
    concurrency: threads,
    async analyze(job) {
      try {
        const result = await pool.run({ seq: seq++, id: job.id, where: job.where, input: job.input })
        if (!result.json) return { ok: false, error: result.error ?? { code: 'E_INTERNAL', message: 'no result from the analysis thread' } }
        const { report, json } = withId(decoder.decode(result.json), job.id)
        await store.reports.save(report, json)
        const assessed = isAssessed(report)
        return { ok: true, score: assessed ? report.risk.score : null, label: assessed ? report.risk.label : 'not-assessed', title: report.document.title, report }
      } catch (error) {
        const failure = toFactsiftError(error)
        return { ok: false, error: { code: failure.code, message: failure.message } }
      }
    },
    close: () => pool.close(),
  }
}

/** The report parsed, and its JSON with `id` set: spliced in front when the analysis gave none (the usual case). */
function withId(text: string, id: string): { report: Report; json: string } {
  const report = JSON.parse(text) as Report
  if (report.id === id) return { report, json: text }
  if (report.id === undefined && text.startsWith('{"')) return { report: { ...report, id }, json: `{"id":${JSON.stringify(id)},${text.slice(1)}` }
  const stored = { ...report, id }
  return { report: stored, json: JSON.stringify(stored) }
}

/**
 * An AnalysisBackend over analysis threads shared with the process's queue worker (`factsift worker --feeds`, a
 * PostgreSQL store): each thread saves its own report under the item id (PostgreSQL has no one-writer lock to wait on).
 * A thrown error means a thread died: this process can no longer analyze, so `onFatal` stops it (the item is retried
 * later, elsewhere).
 */
export function runnerBackend(runner: AnalysisRunner, threads: number, onFatal: (error: Error) => void): AnalysisBackend {
  return {
    concurrency: threads,
    async analyze(job) {
      try {
        const result = await runner.run({ id: job.id, where: job.where, input: job.input })
        if (result.digest) return { ok: true, score: result.digest.score, label: result.digest.label, title: result.digest.title }
        return { ok: false, error: result.error ?? { code: 'E_INTERNAL', message: 'no result from the analysis thread' } }
      } catch (error) {
        onFatal(error as Error)
        const failure = toFactsiftError(error)
        return { ok: false, error: { code: failure.code, message: failure.message } }
      }
    },
    async close() {},
  }
}
