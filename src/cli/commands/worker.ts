// `factsift worker --queue redis://… --db postgres://…`: process `factsift batch --queue` and `factsift watch --queue`
// jobs until stopped; with --feeds also the feeds' repeatable poll jobs (src/watch/poll-worker.ts).
import type { Command } from 'commander'
import { FactsiftError } from '../../errors.js'
import { runAction } from '../run-action.js'
import { parseByteSize, parsePositiveInt, collectWebhookUrl } from '../parse-options.js'

interface WorkerFlags {
  queue: string
  db: string
  concurrency: number
  maxBytes?: number
  timeout?: number
  allowPrivateNetwork?: boolean
  lockMs?: number
  stalledMs?: number
  feeds?: boolean
  webhook: string[]
  hostInterval?: number
  syncMs?: number
}


export default function register(program: Command): void {
  program
    .command('worker')
    .description('Take analysis jobs from a BullMQ queue (filled by `batch --queue`, `watch --queue`) and save reports to the store; with --feeds, poll the feeds too')
    .requiredOption('--queue <redis-url>', 'redis://host:6379[/db][?queue=name&prefix=p]; the same URL as the batch')
    .requiredOption('--db <location>', 'store for reports (and fact-checks and corpus to match): postgres:// URL, or a SQLite path on one machine')
    .option('-c, --concurrency <n>', 'jobs at once, each on its own worker thread', parsePositiveInt, 1)
    .option('--max-bytes <size>', 'largest accepted article, e.g. 5MB', parseByteSize)
    .option('--timeout <ms>', 'URL fetch timeout in milliseconds', parsePositiveInt)
    .option('--allow-private-network', 'allow fetching private addresses for url items')
    .option('--lock-ms <ms>', "how long a job stays with a worker that stopped answering (default 30000)", parsePositiveInt)
    .option('--stalled-ms <ms>', "how often to look for such jobs and hand them on (default 15000)", parsePositiveInt)
    .option('--feeds', "also run the feeds' repeatable poll jobs (needs --db postgres://…): poll, analyze new items, cluster their claims")
    .option('--webhook <url>', 'with --feeds: deliver alerts to this URL (repeatable), signed with FACTSIFT_WEBHOOK_SECRET', collectWebhookUrl, [])
    .option('--host-interval <ms>', 'with --feeds: least time between two requests to one host from this worker', parsePositiveInt)
    .option('--sync-ms <ms>', 'with --feeds: how often the poll jobs are re-synced with the feed list (default 30000)', parsePositiveInt)
    .addHelpText(
      'after',
      '\nRuns until SIGTERM or SIGINT, then finishes the jobs in hand and exits (a second signal exits at once).\n' +
        'Failed jobs are retried with exponential backoff; bad articles fail at once with their error code.\n' +
        'A worker killed mid-job loses nothing: once its lock expires another worker takes the job over.\n' +
        'With --feeds, every enabled feed has a repeatable poll job (every = its interval); any worker runs it, one poll\n' +
        'per feed at a time (a claim in PostgreSQL), then analyzes the new items and adds their claims to the clusters.',
    )
    .action(runAction(workerCommand))
}

async function workerCommand(flags: WorkerFlags): Promise<void> {
  const { startQueueWorker } = await import('../../queue/queue-worker.js')
  const limits = {
    ...(flags.maxBytes !== undefined ? { maxBytes: flags.maxBytes } : {}),
    ...(flags.timeout !== undefined ? { fetchTimeoutMs: flags.timeout } : {}),
    ...(flags.allowPrivateNetwork ? { allowPrivateNetwork: true } : {}),
  }
  if (!flags.feeds && (flags.webhook.length > 0 || flags.hostInterval !== undefined || flags.syncMs !== undefined)) {
    throw new FactsiftError('E_BAD_ARGUMENT', '--webhook, --host-interval and --sync-ms need --feeds')
  }
  const locks = {
    ...(flags.lockMs !== undefined ? { lockDurationMs: flags.lockMs } : {}),
    ...(flags.stalledMs !== undefined ? { stalledIntervalMs: flags.stalledMs } : {}),
  }
  let feeds: import('../../watch/poll-worker.js').PollWorker | null = null
  let runner: import('../../queue/queue-worker.js').AnalysisRunner | undefined
  if (flags.feeds) {
    // Poll jobs analyze on the same threads as the analysis jobs: one set of models in memory.
    const [{ startPollWorker }, { createAnalysisRunner }, { DEFAULT_LIMITS }, { assertQueueStore }] = await Promise.all([
      import('../../watch/poll-worker.js'),
      import('../../queue/queue-worker.js'),
      import('../../ingest/limits.js'),
      import('../../watch/queue-backend.js'),
    ])
    assertQueueStore(flags.db)
    runner = await createAnalysisRunner(flags.concurrency, flags.db, limits)
    try {
      feeds = await startPollWorker({
        queue: flags.queue,
        db: flags.db,
        runner,
        threads: flags.concurrency,
        limits: { ...DEFAULT_LIMITS, ...limits },
        webhooks: flags.webhook,
        webhookSecret: process.env.FACTSIFT_WEBHOOK_SECRET ?? '',
        ...(flags.hostInterval !== undefined ? { hostIntervalMs: flags.hostInterval } : {}),
        ...(flags.syncMs !== undefined ? { syncMs: flags.syncMs } : {}),
        ...locks,
      })
    } catch (error) {
      await runner.close()
      throw error
    }
  }
  const worker = await startQueueWorker({ queue: flags.queue, db: flags.db, concurrency: flags.concurrency, limits, ...locks, ...(runner ? { runner } : {}) }).catch(async (error: unknown) => {
    await feeds?.close()
    await runner?.close()
    throw error
  })
  let signals = 0
  const onSignal = (signal: NodeJS.Signals) => {
    signals++
    if (signals > 1) process.exit(130)
    process.stderr.write(`worker ${worker.name}: ${signal}, finishing the jobs in hand (send again to exit now)\n`)
    void worker.close()
    void feeds?.close()
  }
  process.on('SIGTERM', onSignal)
  process.on('SIGINT', onSignal)
  try {
    // Either role stopping (a signal, a dead analysis thread) stops the other; worker.stopped rejects on a fatal error.
    await Promise.race([worker.stopped, feeds?.stopped ?? new Promise(() => {})]).finally(async () => {
      await Promise.all([worker.close(), feeds?.close()])
      await runner?.close().catch(() => {})
    })
    await worker.stopped
    await feeds?.stopped
  } finally {
    process.off('SIGTERM', onSignal)
    process.off('SIGINT', onSignal)
    const polled = feeds ? `; ${feeds.stats.polls} feed polls, ${feeds.stats.analyzed} items analyzed, ${feeds.stats.failed} failed` : ''
    process.stderr.write(`worker ${worker.name}: stopped after ${worker.stats.completed} done, ${worker.stats.failed} failed${polled}\n`)
  }
}
