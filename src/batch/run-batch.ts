// Local batch: stream items from the input to a pool of worker threads and append one record per item, durably.
import { availableParallelism } from 'node:os'
import { FactsiftError } from '../errors.js'
import type { Limits } from '../ingest/limits.js'
import { readItems, countItems, detectFormat, DEFAULT_COLUMNS, type BatchInputFormat, type ColumnMap } from './read-items.js'
import { openAppender, recoverDoneIds } from './durable-output.js'
import { startWorkerPool } from './worker-pool.js'
import { createSummary, type BatchSummary } from './summary.js'
import type { ProgressReporter } from './progress.js'
import type { WorkerResult } from './worker-protocol.js'
import { createIdTracker } from './items.js'
import { tracePhase } from './phase-trace.js'

export interface BatchOptions {
  input: string
  out: string
  /** Error records go here instead of `out`. */
  errorsOut?: string
  format?: BatchInputFormat
  columns?: Partial<ColumnMap>
  threads?: number
  resume?: boolean
  overwrite?: boolean
  db?: string
  limits?: Partial<Limits>
  progress?: ProgressReporter
}

/** One output line: `id` comes first so that resume can read it without parsing the report. */
export type BatchRecord =
  | { id: string; seq: number; where: string; status: 'ok'; report: NonNullable<WorkerResult['report']> }
  | { id: string; seq: number; where: string; status: 'error'; error: { code: string; message: string } }

export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  tracePhase('batch-start')
  const columns = { ...DEFAULT_COLUMNS, ...options.columns }
  const format = options.format ?? detectFormat(options.input, columns)
  const resume = options.resume ?? false
  const maxThreads = Math.max(1, options.threads ?? availableParallelism())
  // The first thread loads its models and warms up while the output is read back (resume) and the input counted; the
  // others start once the count says they pay for their start (threadsFor). They append their lines to the output
  // themselves (opening it at their first line, after it is cut back and created below; the threads share the
  // process's working directory, so a relative path names the same file).
  const pool = startWorkerPool(1, { ...(options.db ? { db: options.db } : {}), limits: options.limits ?? {}, output: 'append', appendTo: options.out })
  let threads = 1
  let total: number
  let done: Set<string>
  let out: ReturnType<typeof openAppender>
  let errorsOut: ReturnType<typeof openAppender>
  try {
    done = resume ? await recoverDoneIds(options.out) : new Set<string>()
    if (resume && options.errorsOut) for (const id of await recoverDoneIds(options.errorsOut)) done.add(id)
    total = await countItems(options.input, format, columns)
    tracePhase('counted')
    threads = threadsFor(total - done.size, maxThreads, options.threads !== undefined)
    if (threads > 1) void pool.addThreads(threads - 1).catch(() => {}) // a failed start fails pool.run below
    out = openAppender(options.out, { resume, overwrite: options.overwrite ?? false })
    try {
      errorsOut = options.errorsOut ? openAppender(options.errorsOut, { resume, overwrite: options.overwrite ?? false }) : out
    } catch (error) {
      await out.close()
      throw error
    }
  } catch (error) {
    await pool.close()
    throw error
  }
  try {
    await pool.ready
    tracePhase('pool-ready')
  } catch (error) {
    await pool.close()
    for (const file of errorsOut !== out ? [out, errorsOut] : [out]) await file.close().catch(() => undefined)
    throw error
  }
  const tally = createSummary()
  const ids = createIdTracker()
  const inFlight = new Set<Promise<void>>()
  let failed = false
  let failure: unknown
  /** Every item answered: each thread wrote its line before answering, so nothing more will be written. */
  let allAnswered = false
  let closeFailure: unknown = null
  let finishedAt: number | undefined
  const progressState = () => ({ done: tally.summary.items, errors: tally.summary.errors, skipped: tally.summary.skipped, total })

  const record = (result: WorkerResult) => {
    if (result.outputFailed) throw new FactsiftError('E_OUTPUT_FAILED', result.outputFailed)
    if (result.digest) {
      // The thread has appended the report's line itself.
      out.appendedElsewhere()
      tally.addDigest(result.id, result.digest)
    } else {
      const error = result.error ?? { code: 'E_INTERNAL', message: 'no result' }
      errorsOut.append({ id: result.id, seq: result.seq, where: result.where, status: 'error', error } satisfies BatchRecord)
      tally.addError(error.code)
    }
    options.progress?.update(progressState())
  }

  try {
    for await (const entry of readItems(options.input, format, columns)) {
      // An id already done (resume) or seen earlier in this input with the same content is processed once: idempotent
      // by id. The same id with other content is an error record: silently skipping it would lose an article.
      if (done.has(entry.id)) {
        tally.addSkipped()
        continue
      }
      const earlier = ids.check(entry)
      if (earlier === 'same') {
        tally.addSkipped()
        continue
      }
      if (earlier) {
        const message = `${entry.where}: id "${entry.id}" was already used by ${earlier} for different content`
        record({ seq: entry.seq, id: entry.id, where: entry.where, error: { code: 'E_DUPLICATE_ID', message } })
        continue
      }
      if (entry.kind === 'error') {
        record({ seq: entry.seq, id: entry.id, where: entry.where, error: entry.error })
        continue
      }
      // A failure (a thread died, the output cannot be written) is kept and thrown here: a task that fails while no
      // race is waiting on it would otherwise leave the set unnoticed.
      const task: Promise<void> = pool.run(entry).then(record).catch((error: unknown) => {
        if (!failed) [failed, failure] = [true, error]
      }).finally(() => inFlight.delete(task))
      inFlight.add(task)
      if (inFlight.size >= threads * 2) await Promise.race(inFlight)
      if (failed) throw failure
    }
    await Promise.all(inFlight)
    tracePhase('last-result')
    if (failed) throw failure
    allAnswered = true
  } finally {
    // After a success the output is synced while the threads stop: a thread's exit (disposing its engine's heap) takes
    // 0.1–0.7 s that neither the output nor the summary's time waits on. After a failure items may still be running
    // and writing lines: the threads are waited for before the output is synced and closed.
    const closing = pool.close()
    if (!allAnswered) await closing
    for (const file of errorsOut !== out ? [out, errorsOut] : [out]) await file.close().catch((error: unknown) => (closeFailure ??= error))
    finishedAt = Date.now()
    tracePhase('output-closed')
    await closing
    tracePhase('pool-closed')
  }
  // A failure to sync or close the output is thrown only when nothing failed before it (that error goes first).
  if (closeFailure) throw closeFailure
  const summary = tally.finish(finishedAt)
  options.progress?.finish(progressState())
  return summary
}

/**
 * Items a thread must have to be worth starting when the thread count is not given. A thread's start costs ~3 s of
 * CPU: ~0.4 s loading the code, ~0.5 s the models, and ~2 s of V8 compiling the hot code over its first ~150 articles
 * (the first 160 articles took 2.9–3.8 s of process CPU, ~8.5 ms an article after that, measured in one thread on the
 * built package). On 2 cores a second thread (1 → 2 threads: ~150 → ~285 articles/s) saves ~3 ms an article, so it
 * pays for its start from about 500 articles, or 250 each. `npm run bench:batch -- --files N` shows a small batch's
 * CPU per item beside a large one's.
 */
export const MIN_ITEMS_PER_THREAD = 250

/**
 * Threads for `items` items: never more than items; when the count is not given, no more than one per
 * MIN_ITEMS_PER_THREAD items (a small batch does not pay for starting a thread per core).
 */
export function threadsFor(items: number, maxThreads: number, given: boolean): number {
  const byItems = given ? items : Math.floor(items / MIN_ITEMS_PER_THREAD)
  return Math.max(1, Math.min(maxThreads, byItems))
}
