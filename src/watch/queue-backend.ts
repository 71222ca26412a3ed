// `factsift watch --queue`: items analyzed by `factsift worker` processes (any number, any machine) through BullMQ.
// The watcher still claims items in the store (PostgreSQL, FOR UPDATE SKIP LOCKED) and runs `afterReport` itself; this
// backend only hands the analysis over: one job per item, job id = item id, so enqueueing an item again (a watcher
// restarted after a crash, another watcher taking over an expired claim) joins the job already there instead of
// analyzing twice. Completion is read by polling the queue's completed/failed sets (as `batch --queue --wait` does):
// nothing is missed while this process reconnects, and the report itself is read back from the store.
import type { Queue } from 'bullmq'
import type { Store } from '../store/types.js'
import { isPostgresLocation } from '../store/open-store.js'
import { FactsiftError } from '../errors.js'
import { checkRedis, createRedis, jobIdFor, parseQueueLocation } from '../queue/connection.js'
import { analysisJobOptions, parseFailureReason, type AnalysisJobData, type AnalysisJobResult } from '../queue/jobs.js'
import type { AnalysisBackend, AnalysisOutcome } from './backends.js'

export interface QueueBackendOptions {
  /** redis:// URL (with optional ?queue=&prefix=): the same one the workers use. */
  queue: string
  /** The watcher's store: the workers must save to the same one (checked for every completed job). */
  store: Store
  /** Jobs this watcher keeps in the queue at once (default 16). */
  depth?: number
  /** Attempts per job before it fails for good (default 3, exponential backoff from 2 s, as `batch --queue`). */
  attempts?: number
  /** How often the queue is polled for finished jobs (default 250 ms). */
  pollMs?: number
  /** Notes for the user (default: stderr). */
  log?: (line: string) => void
}

/** With no job finishing for this long, say whether any worker is connected at all. */
const IDLE_NOTICE_MS = 30_000

/**
 * Workers on other machines save reports into the watcher's store and cannot reach a SQLite file: refuse at once.
 * `db` is the watch's --db (undefined: the default SQLite file).
 */
export function assertQueueStore(db: string | undefined): void {
  if (db === undefined || !isPostgresLocation(db)) {
    throw new FactsiftError(
      'E_BAD_ARGUMENT',
      `--queue needs --db postgres://…: queue workers on other machines share one store and cannot reach a SQLite file${db ? ` (${db})` : ''}`,
    )
  }
}

interface Waiter {
  id: string
  resolve: (outcome: AnalysisOutcome) => void
}

export async function queueBackend(options: QueueBackendOptions): Promise<AnalysisBackend & { readonly stats: { enqueued: number; joined: number; retried: number } }> {
  const location = parseQueueLocation(options.queue)
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  const depth = Math.max(2, options.depth ?? 16)
  const pollMs = options.pollMs ?? 250
  const jobOptions = analysisJobOptions(options.attempts ?? 3)
  const { store } = options
  await checkRedis(location)
  const { Queue } = await import('bullmq')
  const connection = await createRedis(location)
  connection.on('error', () => {}) // ioredis reconnects; the poll loop reports what matters.
  const queue: Queue<AnalysisJobData, AnalysisJobResult> = new Queue(location.name, { connection, prefix: location.prefix })
  const waiting = new Map<string, Waiter>()
  const stats = { enqueued: 0, joined: 0, retried: 0 }
  let timer: NodeJS.Timeout | null = null
  let closed = false
  let lastProgress = Date.now()
  let lastNotice = 0
  let lastError = ''

  const schedule = () => {
    if (timer || closed || waiting.size === 0) return
    timer = setTimeout(() => {
      timer = null
      void poll()
        .catch((error: Error) => {
          // Redis or the store away: keep polling (ioredis reconnects); say it once per distinct message.
          if (error.message !== lastError) log(`watch: queue poll: ${error.message}`)
          lastError = error.message
        })
        .finally(schedule)
    }, pollMs)
  }

  /** The outcome of a job that completed: its report must be in the watcher's store. */
  async function completed(waiter: Waiter, jobId: string): Promise<AnalysisOutcome> {
    if (!(await store.reports.has(waiter.id))) {
      return { ok: false, error: { code: 'E_STORE', message: `job ${jobId} done but no report ${waiter.id} in ${store.location}: do the workers use the same --db?` } }
    }
    const job = await queue.getJob(jobId)
    const result = job?.returnvalue
    return { ok: true, score: result?.riskScore ?? null, label: result?.riskLabel ?? 'not-assessed', title: null }
  }

  async function poll(): Promise<void> {
    const ids = [...waiting.keys()]
    if (ids.length === 0) return
    const [done, failed] = await Promise.all([connection.zmscore(queue.toKey('completed'), ...ids), connection.zmscore(queue.toKey('failed'), ...ids)])
    let progressed = false
    for (const [i, jobId] of ids.entries()) {
      const waiter = waiting.get(jobId)
      if (!waiter) continue
      let outcome: AnalysisOutcome | null = null
      if (done[i] !== null) outcome = await completed(waiter, jobId)
      else if (failed[i] !== null) outcome = { ok: false, error: parseFailureReason((await queue.getJob(jobId))?.failedReason) }
      if (!outcome) continue
      waiting.delete(jobId)
      progressed = true
      waiter.resolve(outcome)
    }
    lastError = ''
    if (progressed) lastProgress = Date.now()
    else if (Date.now() - lastProgress > IDLE_NOTICE_MS && Date.now() - lastNotice > IDLE_NOTICE_MS) {
      lastNotice = Date.now()
      const workers = await queue.getWorkersCount().catch(() => -1)
      if (workers === 0) log(`watch: no worker is taking jobs from ${location.display}; start one: factsift worker --queue <url> --db <url>`)
    }
  }

  /**
   * Puts the item's job in the queue, or joins the one already there: waiting or active (another watcher's, or this
   * one's before a restart) it is simply awaited; failed for good earlier, it is retried (the watcher decided to try
   * again); completed but its report is not in the store, it is replaced by a fresh job.
   */
  async function enqueue(id: string, jobId: string, data: AnalysisJobData): Promise<void> {
    const existing = await queue.getJob(jobId)
    if (existing) {
      const state = await existing.getState()
      if (state === 'failed') {
        await existing.retry('failed').catch(() => {}) // someone else retried it first: fine either way
        stats.retried++
        return
      }
      if (state !== 'completed' || (await store.reports.has(id))) {
        stats.joined++
        return
      }
      await existing.remove().catch(() => {})
    }
    await queue.add('analyze', data, { ...jobOptions, jobId })
    stats.enqueued++
  }

  return {
    concurrency: Math.ceil(depth / 2),
    inFlight: depth,
    stats,
    async analyze(job) {
      if (closed) return { ok: false, error: { code: 'E_SERVICE_UNAVAILABLE', message: 'the queue backend is closed' } }
      const jobId = jobIdFor(job.id)
      const previous = waiting.get(jobId)
      if (previous) return new Promise((resolve) => waiting.set(jobId, { id: job.id, resolve: (o) => (previous.resolve(o), resolve(o)) }))
      try {
        await enqueue(job.id, jobId, { id: job.id, where: job.where, input: job.input })
      } catch (error) {
        return { ok: false, error: { code: 'E_SERVICE_UNAVAILABLE', message: `cannot enqueue ${job.id} on ${location.display}: ${(error as Error).message}` } }
      }
      const outcome = new Promise<AnalysisOutcome>((resolve) => waiting.set(jobId, { id: job.id, resolve }))
      schedule()
      return outcome
    },
    async close() {
      closed = true
      if (timer) clearTimeout(timer)
      timer = null
      // The watcher waits for its items before closing; anything left here comes back as a transient error (retried).
      for (const waiter of waiting.values()) waiter.resolve({ ok: false, error: { code: 'E_SERVICE_UNAVAILABLE', message: 'watch stopped before the queue job finished' } })
      waiting.clear()
      await queue.close().catch(() => {})
      connection.disconnect()
    },
  }
}
