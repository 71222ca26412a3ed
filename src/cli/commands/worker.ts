// `factsift worker --queue redis://… --db postgres://…`: process `factsift batch --queue` jobs until stopped.
import type { Command } from 'commander'
import { runAction } from '../run-action.js'
import { parseByteSize, parsePositiveInt } from '../parse-options.js'

interface WorkerFlags {
  queue: string
  db: string
  concurrency: number
  maxBytes?: number
  timeout?: number
  allowPrivateNetwork?: boolean
  lockMs?: number
  stalledMs?: number
}

export default function register(program: Command): void {
  program
    .command('worker')
    .description('Take analysis jobs from a BullMQ queue (filled by `factsift batch --queue`) and save reports to the store')
    .requiredOption('--queue <redis-url>', 'redis://host:6379[/db][?queue=name&prefix=p]; the same URL as the batch')
    .requiredOption('--db <location>', 'store for reports (and fact-checks and corpus to match): postgres:// URL, or a SQLite path on one machine')
    .option('-c, --concurrency <n>', 'jobs at once, each on its own worker thread', parsePositiveInt, 1)
    .option('--max-bytes <size>', 'largest accepted article, e.g. 5MB', parseByteSize)
    .option('--timeout <ms>', 'URL fetch timeout in milliseconds', parsePositiveInt)
    .option('--allow-private-network', 'allow fetching private addresses for url items')
    .option('--lock-ms <ms>', "how long a job stays with a worker that stopped answering (default 30000)", parsePositiveInt)
    .option('--stalled-ms <ms>', "how often to look for such jobs and hand them on (default 15000)", parsePositiveInt)
    .addHelpText(
      'after',
      '\nRuns until SIGTERM or SIGINT, then finishes the jobs in hand and exits (a second signal exits at once).\n' +
        'Failed jobs are retried with exponential backoff; bad articles fail at once with their error code.\n' +
        'A worker killed mid-job loses nothing: once its lock expires another worker takes the job over.',
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
  const worker = await startQueueWorker({
    queue: flags.queue,
    db: flags.db,
    concurrency: flags.concurrency,
    limits,
    ...(flags.lockMs !== undefined ? { lockDurationMs: flags.lockMs } : {}),
    ...(flags.stalledMs !== undefined ? { stalledIntervalMs: flags.stalledMs } : {}),
  })
  let signals = 0
  const onSignal = (signal: NodeJS.Signals) => {
    signals++
    if (signals > 1) process.exit(130)
    process.stderr.write(`worker ${worker.name}: ${signal}, finishing the jobs in hand (send again to exit now)\n`)
    void worker.close()
  }
  process.on('SIGTERM', onSignal)
  process.on('SIGINT', onSignal)
  try {
    await worker.stopped
  } finally {
    process.off('SIGTERM', onSignal)
    process.off('SIGINT', onSignal)
    process.stderr.write(`worker ${worker.name}: stopped after ${worker.stats.completed} done, ${worker.stats.failed} failed\n`)
  }
}
