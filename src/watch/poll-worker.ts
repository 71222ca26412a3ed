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
import { FactsiftError } from '../errors.js'
import { checkRedis, createRedis, parseQueueLocation } from '../queue/connection.js'
import { feedQueueName, POLL_JOB, syncPollJobs, type PollJobData, type PollJobResult, type PollSyncResult } from '../queue/poll-jobs.js'
import { runnerBackend, type AnalysisBackend } from './backends.js'
import { createWatcher, type WatchEvents } from './watcher.js'
import { createAlertDelivery, createClaimTracker } from './claims.js'
import { assertQueueStore } from './queue-backend.js'

export interface PollWorkerOptions {
  /** redis:// URL (with optional ?queue=&prefix=): poll jobs live in the queue `<queue>-feeds`. */
  queue: string
  /** postgres:// URL: feeds, items, reports and clusters shared by every worker. */
  db: string
  /**
   * Where the items are analyzed: the analysis threads shared with the process's analysis worker (`runner`, `threads`:
   * `factsift worker --feeds`), or `backend` (`factsift watch --queue`: jobs on the analysis queue, closed by the caller).
   */
  runner?: AnalysisRunner
  threads?: number
  backend?: AnalysisBackend
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
  readonly stats: { polls: number; analyzed: number; failed: number }
  close(): Promise<void>
  /** Resolves when stopped after close(); rejects (E_INTERNAL) when an analysis thread died. */
  readonly stopped: Promise<void>
}

export async function startPollWorker(options: PollWorkerOptions): Promise<PollWorker> {
  assertQueueStore(options.db)
  const webhooks = options.webhooks ?? []
  const secret = options.webhookSecret ?? ''
  if (webhooks.length > 0 && secret.length < 16) {
    throw new FactsiftError('E_CONFIG', '--webhook needs FACTSIFT_WEBHOOK_SECRET (at least 16 characters): alerts are signed with it')
  }
  if (!options.backend && !options.runner) throw new FactsiftError('E_INTERNAL', 'startPollWorker needs a runner or a backend')
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
    backend:
      options.backend ??
      runnerBackend(options.runner!, options.threads ?? 1, (error) => {
        fatal ??= error
        void close()
      }),
    limits: options.limits,
    ...(options.feedLimits ? { feedLimits: options.feedLimits } : {}),
    ...(options.hostIntervalMs !== undefined ? { hostIntervalMs: options.hostIntervalMs } : {}),
    events: { ...options.events, afterReport },
  })
  const name = watcher.owner
  const delivery = createAlertDelivery({
    store,
    secret,
    owner: name,
    onFailed: (alert, webhook, error, retryAt) => log(`worker ${name}: alert ${alert.id} to ${webhook}: ${error}${retryAt ? '' : ' (given up)'}`),
    onError: (error) => log(`worker ${name}: alert delivery: ${error.message}`),
  })
  /** Claims, clusters, alerts; the alerts go out once their transaction committed, without holding up the next item. */
  async function afterReport(...[item, reportId, report]: Parameters<NonNullable<WatchEvents['afterReport']>>): Promise<void> {
    const alerts = await tracker.afterReport(item, reportId, report)
    if (alerts.length > 0 && webhooks.length > 0) delivery.wake()
  }

  const connection = await createRedis(location)
  connection.on('error', () => {}) // ioredis reconnects; BullMQ reports what matters.
  const queueName = feedQueueName(location)
  const queue: Queue<PollJobData, PollJobResult> = new Queue(queueName, { connection, prefix: location.prefix })
  const stats = { polls: 0, analyzed: 0, failed: 0 }
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
      // What the last wakes started, and rows whose retry came meanwhile; the next start delivers the rest.
      if (webhooks.length > 0) await delivery.flush().catch(() => 0)
      delivery.close()
      await queue.close().catch(() => {})
      connection.disconnect()
      await store.close().catch(() => {})
      if (fatal) rejectStopped(new FactsiftError('E_INTERNAL', `analysis thread failed: ${fatal.message}`))
      else resolveStopped()
    })()
    return closing
  }
  return { name, stats, close, stopped }
}
