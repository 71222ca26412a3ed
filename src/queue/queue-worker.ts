// A queue worker: takes analysis jobs from BullMQ, analyzes them on worker threads, saves each report under its item id.
import { hostname } from 'node:os'
import type { Limits } from '../ingest/limits.js'
import type { Store } from '../store/types.js'
import type { ArticleInput } from '../ingest/types.js'
import type { WorkerResult } from '../batch/worker-protocol.js'
import { FactsiftError, toFactsiftError } from '../errors.js'
import { checkRedis, createRedis, parseQueueLocation } from './connection.js'
import { failureReason, isPermanent, type AnalysisJobData, type AnalysisJobResult } from './jobs.js'

export interface QueueWorkerOptions {
  /** redis:// URL (with optional ?queue=&prefix=). */
  queue: string
  /** Where reports go, and the fact-checks and corpus to match against: a postgres:// URL (or a SQLite path on one machine). */
  db: string
  /** Jobs analyzed at once, each on its own worker thread (default 1: run one worker process per core, or raise this). */
  concurrency?: number
  limits?: Partial<Limits>
  /**
   * How long a job stays locked to a worker that stops renewing the lock (killed, frozen); after it expires, another
   * worker's stalled-job check (every `stalledIntervalMs`) hands the job on. Defaults 30 s and 15 s.
   */
  lockDurationMs?: number
  stalledIntervalMs?: number
  /** Progress and failure lines (default: stderr). */
  log?: (line: string) => void
  /**
   * Analysis threads shared with another role of this process (`factsift worker --feeds`: the poll worker analyzes on
   * the same threads); not closed by this worker. Default: its own `concurrency` threads.
   */
  runner?: AnalysisRunner
}

/** Worker threads that analyze one article each and save its report under its id in the store. */
export interface AnalysisRunner {
  run(job: { id: string; where: string; input: ArticleInput }): Promise<WorkerResult>
  close(): Promise<void>
}

/**
 * `threads` analysis threads saving to the store at `db`. The pool matches answers to requests by `seq`: jobs from
 * different batches, or from several users of one runner, may share one, so the runner numbers them itself.
 */
export async function createAnalysisRunner(threads: number, db: string, limits: Partial<Limits>): Promise<AnalysisRunner> {
  const { createWorkerPool } = await import('../batch/worker-pool.js')
  // Each thread saves its own reports: serializing and inserting ~36 KB of JSON per job stays off this thread.
  const pool = await createWorkerPool(threads, { db, limits, output: 'store' })
  let nextSeq = 0
  return { run: (job) => pool.run({ seq: nextSeq++, ...job }), close: () => pool.close() }
}

export interface QueueWorker {
  readonly name: string
  /** Counts so far. */
  readonly stats: { completed: number; failed: number }
  /** Stops taking jobs, lets the running ones finish, closes everything. */
  close(): Promise<void>
  /** Resolves when the worker has stopped: after close(), or after a fatal error (then it rejects). */
  readonly stopped: Promise<void>
}

export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const location = parseQueueLocation(options.queue)
  const concurrency = Math.max(1, options.concurrency ?? 1)
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  const name = `${hostname()}:${process.pid}`
  await checkRedis(location)

  const [{ Worker, UnrecoverableError }, { openStore }] = await Promise.all([import('bullmq'), import('../store/open-store.js')])
  const store: Store = await openStore(options.db)
  let pool: AnalysisRunner
  try {
    pool = options.runner ?? (await createAnalysisRunner(concurrency, options.db, options.limits ?? {}))
  } catch (error) {
    await store.close()
    throw error
  }
  const connection = await createRedis(location)
  connection.on('error', () => {}) // ioredis reconnects by itself; BullMQ reports what matters.
  const stats = { completed: 0, failed: 0 }
  let fatal: Error | null = null

  const worker = new Worker<AnalysisJobData, AnalysisJobResult>(
    location.name,
    async (job) => {
      const { id, where, input } = job.data
      let result
      try {
        result = await pool.run({ id, where, input })
      } catch (error) {
        // A worker thread died: this process can no longer analyze. Stop; the job goes to another worker.
        fatal = error as Error
        void shutdown(true)
        throw error
      }
      if (result.error) {
        const reason = failureReason(result.error.code, result.error.message)
        // Bad input fails for good; a failed save (database away) is retried like any transient error.
        throw result.error.stage !== 'store' && isPermanent(result.error.code) ? new UnrecoverableError(reason) : new Error(reason)
      }
      return { riskScore: result.digest!.score, riskLabel: result.digest!.label, worker: name }
    },
    {
      connection,
      prefix: location.prefix,
      // Shown as the job's `processedBy`: which machine and process has (or had) it.
      name,
      concurrency,
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: options.stalledIntervalMs ?? 15_000,
      // A job whose worker vanished twice is more likely the cause than the victim: fail it then.
      maxStalledCount: 2,
      autorun: false,
    },
  )
  worker.on('completed', () => {
    stats.completed++
  })
  worker.on('failed', (job, error) => {
    if (!job) return
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError
    if (final) stats.failed++
    log(`worker ${name}: ${job.data.id} ${final ? 'failed' : `attempt ${job.attemptsMade} failed, will retry`}: ${error.message}`)
  })
  worker.on('error', (error) => log(`worker ${name}: ${error.message}`))

  let closing: Promise<void> | null = null
  let resolveStopped!: () => void
  let rejectStopped!: (error: Error) => void
  const stopped = new Promise<void>((resolve, reject) => {
    resolveStopped = resolve
    rejectStopped = reject
  })
  stopped.catch(() => {})

  function shutdown(force = false): Promise<void> {
    closing ??= (async () => {
      await worker.close(force).catch(() => {})
      if (!options.runner) await pool.close().catch(() => {})
      await store.close().catch(() => {})
      connection.disconnect()
      if (fatal) rejectStopped(new FactsiftError('E_INTERNAL', `worker thread failed: ${fatal.message}`))
      else resolveStopped()
    })()
    return closing
  }

  void worker.run().catch((error: Error) => {
    fatal ??= error
    void shutdown(true)
  })
  await worker.waitUntilReady()
  log(`worker ${name}: processing queue ${location.display} into ${store.location} with ${concurrency} thread${concurrency > 1 ? 's' : ''}`)
  return { name, stats, close: () => shutdown(false), stopped }
}
