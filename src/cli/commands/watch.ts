// `factsift watch`: poll due feeds, analyze new items once each, store the reports; `--once` for one round.
import type { Command } from 'commander'
import { runAction } from '../run-action.js'
import { parseByteSize, parsePositiveInt, collectWebhookUrl } from '../parse-options.js'
import { FactsiftError } from '../../errors.js'

interface WatchFlags {
  once?: boolean
  threads: number
  db?: string
  allowPrivateNetwork?: boolean
  maxBytes?: number
  maxFeedBytes?: number
  timeout?: number
  hostInterval: number
  quiet?: boolean
  queue?: string
  queueDepth: number
  webhook: string[]
}

export default function register(program: Command): void {
  program
    .command('watch')
    .description('Poll the feeds that are due, analyze each new item once, store the reports, and keep going')
    .option('--once', 'one round (poll what is due, analyze what is new), then exit')
    .option('-j, --threads <n>', 'analysis worker threads (0: analyze on the main thread)', parseThreads, 0)
    .option('--db <location>', 'store (SQLite file or postgres:// URL; default ~/.factsift/factsift.db)')
    .option('--allow-private-network', 'allow fetching feeds and pages on private, loopback and link-local addresses')
    .option('--max-bytes <size>', 'largest accepted article page, e.g. 5MB', parseByteSize)
    .option('--max-feed-bytes <size>', 'largest feed document read (default 10MB)', parseByteSize)
    .option('--timeout <ms>', 'fetch timeout in milliseconds', parsePositiveInt)
    .option('--host-interval <ms>', 'least time between two requests to one host', parseNonNegative, 1000)
    .option('--webhook <url>', 'deliver alerts to this URL (repeatable): JSON signed with HMAC-SHA256 of FACTSIFT_WEBHOOK_SECRET', collectWebhookUrl, [])
    .option('--queue <redis-url>', 'analyze through the BullMQ queue: `factsift worker --queue <url> --db <url>` processes do the work (needs --db postgres://…)')
    .option('--queue-depth <n>', 'with --queue: jobs this watcher keeps in the queue at once', parsePositiveInt, 16)
    .option('-q, --quiet', 'print only the round summaries')
    .addHelpText(
      'after',
      '\nOne request at a time per host; robots.txt honoured for feeds and pages; 429/503 back off (Retry-After).\n' +
        'Killed at any moment (even kill -9), the next start resumes: no item is lost and none is analyzed twice.\n' +
        'SIGINT/SIGTERM finish the items in hand, then exit (a second signal exits at once).',
    )
    .action(runAction(watchCommand))
}


function parseThreads(value: string): number {
  if (value === '0') return 0
  return parsePositiveInt(value)
}

function parseNonNegative(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new FactsiftError('E_BAD_ARGUMENT', `expected a whole number of milliseconds, got "${value}"`)
  return n
}

async function watchCommand(flags: WatchFlags): Promise<void> {
  if (flags.queue) {
    // Workers elsewhere save reports into the watcher's store: a SQLite file is out of their reach.
    const { assertQueueStore } = await import('../../watch/queue-backend.js')
    assertQueueStore(flags.db ?? (process.env.FACTSIFT_DB?.trim() || undefined))
    if (flags.threads > 0) throw new FactsiftError('E_BAD_ARGUMENT', '--threads and --queue exclude each other: with --queue the workers analyze (factsift worker --concurrency N)')
  }
  const secret = process.env.FACTSIFT_WEBHOOK_SECRET ?? ''
  if (flags.webhook.length > 0 && secret.length < 16) {
    throw new FactsiftError('E_CONFIG', '--webhook needs FACTSIFT_WEBHOOK_SECRET (at least 16 characters): alerts are signed with it')
  }
  const [{ openStore, defaultDatabasePath }, { createWatcher }, backends, { DEFAULT_LIMITS }, claims, { ownerId }] = await Promise.all([
    import('../../store/open-store.js'),
    import('../../watch/watcher.js'),
    import('../../watch/backends.js'),
    import('../../ingest/limits.js'),
    import('../../watch/claims.js'),
    import('../../watch/owner.js'),
  ])
  const db = flags.db ?? defaultDatabasePath()
  const limits = {
    ...DEFAULT_LIMITS,
    ...(flags.maxBytes !== undefined ? { maxBytes: flags.maxBytes } : {}),
    ...(flags.timeout !== undefined ? { fetchTimeoutMs: flags.timeout } : {}),
    ...(flags.allowPrivateNetwork ? { allowPrivateNetwork: true } : {}),
  }
  let store: import('../../store/types.js').Store
  let backend: import('../../watch/backends.js').AnalysisBackend
  if (flags.queue) {
    store = await openStore(db)
    try {
      const { queueBackend } = await import('../../watch/queue-backend.js')
      backend = await queueBackend({ queue: flags.queue, store, depth: flags.queueDepth })
    } catch (error) {
      await store.close()
      throw error
    }
  } else if (flags.threads > 0) {
    store = await openStore(db)
    backend = await backends.threadBackend(flags.threads, db, limits, store)
  } else {
    const [{ openAnalysisServices }, { createEngine }] = await Promise.all([import('../../engine/services.js'), import('../../engine/engine.js')])
    const services = await openAnalysisServices({ db, limits, createDefault: true })
    store = services.store!
    backend = backends.inProcessBackend(createEngine({ services }), store)
  }
  const out = (line: string) => process.stdout.write(`${line}\n`)
  const lines: Omit<import('../../watch/watcher.js').WatchEvents, 'afterReport'> = flags.quiet
    ? {}
    : {
        polled: (feed, result) =>
          out('error' in result ? `poll ${feed.id} ${feed.name ?? feed.url}: ${result.error.code} ${result.error.message}` : `poll ${feed.id} ${feed.name ?? feed.url}: ${result.changed ? `${result.counts.inserted} new, ${result.counts.seen} seen, ${result.counts.duplicates} duplicate` : 'unchanged'}`),
        analyzed: (item, outcome) =>
          out('recovered' in outcome ? `recovered ${item.id} ${item.title ?? item.url ?? ''}` : `analyzed ${item.id} ${outcome.label}${outcome.score === null ? "" : ` ${outcome.score.toFixed(2)}`} ${item.outlet ?? ''}: ${item.title ?? item.url ?? ''}`),
        failed: (item, error, retryAt) => out(`failed ${item.id} ${error.code} ${error.message}${retryAt ? ` (retry at ${new Date(retryAt).toISOString()})` : ''}`),
      }
  if (flags.queue && !flags.once) {
    try {
      await pollThroughQueue({ ...flags, queue: flags.queue, db }, backend, limits, lines)
    } finally {
      await backend.close()
      await store.close()
    }
    return
  }
  const tracker = claims.createClaimTracker({ store, webhooks: flags.webhook })
  const delivery = claims.createAlertDelivery({
    store,
    secret,
    owner: ownerId(),
    onDelivered: (alert, webhook) => flags.quiet || out(`alert delivered ${alert.id} ${alert.kind} to ${webhook}`),
    onFailed: (alert, webhook, error, retryAt) => out(`alert delivery failed ${alert.id} to ${webhook}: ${error}${retryAt ? ` (retry at ${new Date(retryAt).toISOString()})` : ' (given up)'}`),
    onError: (error) => process.stderr.write(`watch: alert delivery: ${error.message}\n`),
  })
  const afterReport = async (item: import('../../store/feed-repository.js').FeedItemRecord, reportId: string, report?: import('../../report/types.js').Report) => {
    const alerts = await tracker.afterReport(item, reportId, report)
    for (const alert of alerts) if (!flags.quiet) out(`alert ${alert.id} ${alert.kind}: ${alert.message}`)
    // Sent as soon as the transaction that recorded them commits, without holding up the next item.
    if (alerts.length > 0 && flags.webhook.length > 0) delivery.wake()
  }
  await tracker.catchUp()
  if (flags.webhook.length > 0) {
    await delivery.recover()
    await delivery.flush()
  }
  const watcher = createWatcher({
    store,
    backend,
    limits,
    ...(flags.maxFeedBytes !== undefined ? { feedLimits: { maxFeedBytes: flags.maxFeedBytes } } : {}),
    hostIntervalMs: flags.hostInterval,
    events: { ...lines, afterReport },
  })
  const controller = new AbortController()
  let signals = 0
  const onSignal = () => {
    if (++signals > 1) process.exit(130)
    process.stderr.write('watch: stopping after the items in hand (send again to exit now)\n')
    controller.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  try {
    const total = await watcher.run({
      once: flags.once ?? false,
      signal: controller.signal,
      onRound: (s) => {
        if (flags.webhook.length > 0) delivery.wake()
        if (s.feedsPolled + s.analyzed + s.failed + s.recovered > 0 || flags.once) {
          process.stderr.write(`watch: ${s.feedsPolled} feeds polled (${s.feedErrors} errors), ${s.newItems} new items, ${s.analyzed} analyzed, ${s.failed} failed${s.recovered ? `, ${s.recovered} recovered` : ''}\n`)
        }
      },
    })
    void total
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    if (flags.webhook.length > 0) await delivery.flush().catch(() => 0)
    delivery.close()
    await backend.close()
    await store.close()
  }
}

/**
 * `watch --queue` (without --once): the feeds are polled by the repeatable BullMQ poll jobs (src/watch/poll-worker.ts)
 * that this process and every other `watch --queue` or `worker --feeds` take from the feeds queue: one poll per feed at
 * a time (the store's feed claim), the items analyzed by the analysis queue's workers, claims clustered and alerts
 * delivered here. `--once` keeps the one-shot round in this process: schedulers are for the long run.
 */
async function pollThroughQueue(
  flags: WatchFlags & { queue: string; db: string },
  backend: import('../../watch/backends.js').AnalysisBackend,
  limits: import('../../ingest/limits.js').Limits,
  events: Omit<import('../../watch/watcher.js').WatchEvents, 'afterReport'>,
): Promise<void> {
  const { startPollWorker } = await import('../../watch/poll-worker.js')
  const poller = await startPollWorker({
    queue: flags.queue,
    db: flags.db,
    backend,
    limits,
    ...(flags.maxFeedBytes !== undefined ? { feedLimits: { maxFeedBytes: flags.maxFeedBytes } } : {}),
    hostIntervalMs: flags.hostInterval,
    webhooks: flags.webhook,
    webhookSecret: process.env.FACTSIFT_WEBHOOK_SECRET ?? '',
    events,
  })
  let signals = 0
  const onSignal = () => {
    if (++signals > 1) process.exit(130)
    process.stderr.write('watch: stopping after the poll jobs in hand (send again to exit now)\n')
    void poller.close()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  try {
    await poller.stopped
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await poller.close()
    process.stderr.write(`watch: ${poller.stats.polls} feed polls, ${poller.stats.analyzed} items analyzed, ${poller.stats.failed} failed\n`)
  }
}
