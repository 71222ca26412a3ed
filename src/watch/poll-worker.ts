// `factsift worker --feeds`: feeds polled by BullMQ repeatable jobs that any worker runs (issue 19). Each poll job
// claims its feed in the store (one poll per feed at a time), polls it, records the items, then analyzes the items that
// are due on this worker's threads and adds their claims to the clusters (PostgreSQL: an advisory lock and unique keys
// keep several workers from founding the same cluster twice or counting a report twice). The schedulers follow the
// store's feed list: one worker at a time re-syncs them every `syncMs` (a Redis lock), so no `factsift watch` is needed.
import type { Queue, Worker } from 'bullmq'
import type { Limits } from '../ingest/limits.js'
import type { Store } from '../store/types.js'
import type { FeedLimits } from '../feeds/types.js'
import type { AnalysisRunner } from '../queue/queue-worker.js'
import { FactsiftError, toFactsiftError } from '../errors.js'
import { checkRedis, createRedis, parseQueueLocation } from '../queue/connection.js'
import { feedQueueName, POLL_JOB, syncPollJobs, type PollJobData, type PollJobResult, type PollSyncResult } from '../queue/poll-jobs.js'
import type { AnalysisBackend } from './backends.js'
import { createWatcher, type WatchEvents } from './watcher.js'
import { createAlertDelivery, createClaimTracker } from './claims.js'
import { assertQueueStore } from './queue-backend.js'

export interface PollWorkerOptions {
  /** redis:// URL (with optional ?queue=&prefix=): poll jobs live in the queue `<queue>-feeds`. */
  queue: string
  /** postgres:// URL: feeds, items, reports and clusters shared by every worker. */
  db: string
  /** The analysis threads (shared with the process's analysis worker) and how many there are. */
  runner: AnalysisRunner
  threads: number
  limits: Limits
  feedLimits?: Partial<FeedLimits>
  /** Least time between two requests to one host from this process (default 1000 ms). */
  hostIntervalMs?: number
  /** Alert webhooks: outbox rows are written with each cluster change and delivered by this worker. */
  webhooks?: readonly string[]
  /** HMAC key for the webhooks (FACTSIFT_WEBHOOK_SECRET, at least 16 characters). */
  webhookSecret?: string
  /** Poll jobs at once (default 2); their analyses share the runner's threads. */
  concurrency?: number
  /** How often the schedulers are re-synced with the feed list (default 30 s; one worker at a time). */
  syncMs?: number
  lockDurationMs?: number
  stalledIntervalMs?: number
  /** Per-poll and per-item lines (the watcher's events); afterReport is this worker's claim tracking. */
  events?: Omit<WatchEvents, 'afterReport'>
  log?: (line: string) => void
}

export interface PollWorker {
  readonly name: string
  readonly stats: { polls: number; notDue: number; analyzed: number; failed: number; syncs: number }
  /** Re-syncs the schedulers with the feed list now (no lock). */
  sync(): Promise<PollSyncResult>
  close(): Promise<void>
  /** Resolves when stopped after close(); rejects (E_INTERNAL) when an analysis thread died. */
  readonly stopped: Promise<void>
}

/**
 * An AnalysisBackend over the shared analysis threads (each saves its report under the item id). A thrown error means
 * a thread died: this process can no longer analyze, so `onFatal` stops it (the item is retried later, elsewhere).
 */
function runnerBackend(runner: AnalysisRunner, threads: number, onFatal: (error: Error) => void): AnalysisBackend {
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

export async function startPollWorker(options: PollWorkerOptions): Promise<PollWorker> {
  assertQueueStore(options.db)
  const webhooks = options.webhooks ?? []
  const secret = options.webhookSecret ?? ''
  if (webhooks.length > 0 && secret.length < 16) {
    throw new FactsiftError('E_CONFIG', '--webhook needs FACTSIFT_WEBHOOK_SECRET (at least 16 characters): alerts are signed with it')
  }
  const location = parseQueueLocation(options.queue)
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  const syncMs = options.syncMs ?? 30_000
  await checkRedis(location)
  const [{ Queue, Worker }, { openStore }] = await Promise.all([import('bullmq'), import('../store/open-store.js')])
  const store: Store = await openStore(options.db)
  let fatal: Error | null = null
  const tracker = createClaimTracker({ store, webhooks })
  const watcher = createWatcher({
    store,
    backend: runnerBackend(options.runner, options.threads, (error) => {
      fatal ??= error
      void close()
    }),
    limits: options.limits,
    ...(options.feedLimits ? { feedLimits: options.feedLimits } : {}),
    ...(options.hostIntervalMs !== undefined ? { hostIntervalMs: options.hostIntervalMs } : {}),
    events: { ...options.events, afterReport: (item, reportId) => afterReport(item, reportId) },
  })
  const name = watcher.owner
  const delivery = createAlertDelivery({
    store,
    secret,
    owner: name,
    onFailed: (alert, webhook, error, retryAt) => log(`worker ${name}: alert ${alert.id} to ${webhook}: ${error}${retryAt ? '' : ' (given up)'}`),
  })
  async function afterReport(item: Parameters<NonNullable<WatchEvents['afterReport']>>[0], reportId: string): Promise<void> {
    await tracker.afterReport(item, reportId)
    if (webhooks.length > 0) await delivery.flush()
  }

  const connection = await createRedis(location)
  connection.on('error', () => {}) // ioredis reconnects; BullMQ reports what matters.
  const queueName = feedQueueName(location)
  const queue: Queue<PollJobData, PollJobResult> = new Queue(queueName, { connection, prefix: location.prefix })
  const stats = { polls: 0, notDue: 0, analyzed: 0, failed: 0, syncs: 0 }
  let closing: Promise<void> | null = null
  let stopping = false
  let worker: Worker<PollJobData, PollJobResult> | null = null
  let timer: NodeJS.Timeout | null = null
  let resolveStopped!: () => void
  let rejectStopped!: (error: Error) => void
  const stopped = new Promise<void>((resolve, reject) => ((resolveStopped = resolve), (rejectStopped = reject)))
  stopped.catch(() => {})

  const sync = async (): Promise<PollSyncResult> => {
    const result = await syncPollJobs(queue, await store.feeds.list())
    stats.syncs++
    if (result.added + result.updated + result.removed > 0) {
      log(`worker ${name}: poll jobs synced: ${result.total} feeds (${result.added} added, ${result.updated} changed, ${result.removed} removed)`)
    }
    return result
  }
  /** One worker per period: the others find the lock taken and skip (any of them takes over when that one is gone). */
  const syncIfFirst = async () => {
    const lock = await connection.set(`${location.prefix}:${queueName}:sync-lock`, name, 'PX', Math.max(1000, syncMs - 500), 'NX')
    if (lock === 'OK') await sync()
  }

  try {
    await watcher.recover()
    await tracker.catchUp()
    if (webhooks.length > 0) await delivery.recover()
    await sync()
    worker = new Worker<PollJobData, PollJobResult>(
      queueName,
      async (job) => {
        if (job.name !== POLL_JOB) throw new Error(`E_INTERNAL unknown job ${job.name}`)
        const round = await watcher.pollFeed(job.data.feedId, () => stopping)
        if (round.polled) stats.polls++
        else stats.notDue++
        stats.analyzed += round.analyzed + round.recovered
        stats.failed += round.failed
        return { feedId: job.data.feedId, polled: round.polled, newItems: round.newItems, analyzed: round.analyzed, failed: round.failed, worker: name }
      },
      {
        connection,
        prefix: location.prefix,
        name,
        concurrency: Math.max(1, options.concurrency ?? 2),
        lockDuration: options.lockDurationMs ?? 30_000,
        stalledInterval: options.stalledIntervalMs ?? 15_000,
        autorun: false,
      },
    )
    worker.on('failed', (job, error) => job && log(`worker ${name}: poll of ${job.data.feedId} failed: ${error.message}`))
    worker.on('error', (error) => log(`worker ${name}: ${error.message}`))
    void worker.run().catch((error: Error) => {
      log(`worker ${name}: poll jobs stopped: ${error.message}`)
      void close()
    })
    await worker.waitUntilReady()
  } catch (error) {
    await worker?.close(true).catch(() => {})
    await queue.close().catch(() => {})
    connection.disconnect()
    await store.close().catch(() => {})
    throw error
  }
  timer = setInterval(() => void syncIfFirst().catch((error: Error) => log(`worker ${name}: poll job sync: ${error.message}`)), syncMs)
  timer.unref()
  log(`worker ${name}: polling feeds through ${location.display} (queue ${queueName}) into ${store.location}`)

  function close(): Promise<void> {
    closing ??= (async () => {
      stopping = true
      if (timer) clearInterval(timer)
      await worker?.close().catch(() => {})
      if (webhooks.length > 0) await delivery.flush().catch(() => 0)
      await queue.close().catch(() => {})
      connection.disconnect()
      await store.close().catch(() => {})
      if (fatal) rejectStopped(new FactsiftError('E_INTERNAL', `analysis thread failed: ${fatal.message}`))
      else resolveStopped()
    })()
    return closing
  }
  return { name, stats, sync, close, stopped }
}
