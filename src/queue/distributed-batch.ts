// `factsift batch --queue`: one BullMQ job per item (job id = item id); with --wait, collect the outcomes like a local batch.
import type { Queue } from 'bullmq'
import { setTimeout as sleep } from 'node:timers/promises'
import type { BatchOptions, BatchRecord } from '../batch/run-batch.js'
import type { BatchSummary } from '../batch/summary.js'
import type { Report } from '../report/types.js'
import type { Store } from '../store/types.js'
import { readItems, detectFormat, DEFAULT_COLUMNS } from '../batch/read-items.js'
import { createIdTracker } from '../batch/items.js'
import { openAppender, recoverDoneIds } from '../batch/durable-output.js'
import { createSummary } from '../batch/summary.js'
import { DEFAULT_LIMITS } from '../ingest/limits.js'
import { FactsiftError, toFactsiftError } from '../errors.js'
import { checkRedis, createRedis, jobIdFor, parseQueueLocation } from './connection.js'
import { analysisJobOptions, parseFailureReason, type AnalysisJobData, type AnalysisJobResult } from './jobs.js'
import { fileToInput } from './file-input.js'

export interface DistributedBatchOptions extends Omit<BatchOptions, 'threads'> {
  /** redis:// URL (with optional ?queue=&prefix=). */
  queue: string
  /** Wait for the workers and write every outcome to `out`; without it, only input errors are written. */
  wait: boolean
  /** Attempts per job before it fails for good (default 3, exponential backoff from 2 s). */
  attempts?: number
  /** How often the queue is polled while waiting (default 500 ms). */
  pollMs?: number
  /** Notes for the user (default: stderr). */
  log?: (line: string) => void
}

const ENQUEUE_CHUNK = 200
const POLL_CHUNK = 1000
/** With no progress for this long, say whether any worker is connected at all. */
const IDLE_NOTICE_MS = 30_000

interface Pending {
  id: string
  seq: number
  where: string
}

/**
 * Enqueues one job per input item; bad rows (and unreadable files) become error records at once. With `wait`, polls
 * the queue until every job has completed or failed, reads each report from the store the workers write to (`db`) and
 * appends `{id, seq, where, status, report|error}` lines to `out` exactly as a local batch does: same format, same
 * resume (`--resume` skips ids already in `out`), same summary.
 */
export async function runDistributedBatch(options: DistributedBatchOptions): Promise<BatchSummary> {
  const location = parseQueueLocation(options.queue)
  if (options.wait && !options.db) {
    throw new FactsiftError('E_BAD_ARGUMENT', '--queue with --wait needs --db: the store the workers save reports to (postgres://…)')
  }
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  const format = options.format ?? detectFormat(options.input)
  const columns = { ...DEFAULT_COLUMNS, ...options.columns }
  const limits = { ...DEFAULT_LIMITS, ...options.limits }
  await checkRedis(location)
  const resume = options.resume ?? false
  const done = resume ? await recoverDoneIds(options.out) : new Set<string>()
  if (resume && options.errorsOut) for (const id of await recoverDoneIds(options.errorsOut)) done.add(id)

  let store: Store | null = null
  if (options.wait) {
    const { openStore } = await import('../store/open-store.js')
    store = await openStore(options.db!)
  }
  const out = openAppender(options.out, { resume, overwrite: options.overwrite ?? false })
  const errorsOut = options.errorsOut ? openAppender(options.errorsOut, { resume, overwrite: options.overwrite ?? false }) : out
  const { Queue } = await import('bullmq')
  const connection = await createRedis(location)
  connection.on('error', () => {})
  const queue: Queue<AnalysisJobData, AnalysisJobResult> = new Queue(location.name, { connection, prefix: location.prefix })
  const jobOptions = analysisJobOptions(options.attempts ?? 3)

  const tally = createSummary()
  const pending = new Map<string, Pending>()
  const ids = createIdTracker()
  let total: number | null = null
  let enqueued = 0
  let retried = 0
  const progressState = () => ({ done: tally.summary.items, errors: tally.summary.errors, skipped: tally.summary.skipped, total })

  const recordReport = (item: Pending, report: Report) => {
    out.append({ id: item.id, seq: item.seq, where: item.where, status: 'ok', report } satisfies BatchRecord)
    tally.addReport(item.id, report)
  }
  const recordError = (item: Pending, error: { code: string; message: string }) => {
    errorsOut.append({ id: item.id, seq: item.seq, where: item.where, status: 'error', error } satisfies BatchRecord)
    tally.addError(error.code)
  }

  let batch: { name: string; data: AnalysisJobData; opts: typeof jobOptions & { jobId: string } }[] = []
  const flush = async () => {
    if (batch.length === 0) return
    const jobIds = batch.map((job) => job.opts.jobId)
    // A job that failed for good in an earlier run is kept (a week); running the batch again gives it another chance.
    const failedBefore = await connection.zmscore(queue.toKey('failed'), ...jobIds)
    await queue.addBulk(batch)
    for (const [i, score] of failedBefore.entries()) {
      if (score === null) continue
      const job = await queue.getJob(jobIds[i]!)
      if (job && (await job.isFailed())) {
        await job.retry('failed')
        retried++
      }
    }
    enqueued += batch.length
    batch = []
  }

  let lastPoll = Date.now()
  let lastProgress = Date.now()
  let lastNotice = 0
  const poll = async () => {
    lastPoll = Date.now()
    const before = pending.size
    const ids = [...pending.keys()]
    for (let start = 0; start < ids.length; start += POLL_CHUNK) {
      const chunk = ids.slice(start, start + POLL_CHUNK)
      const [completed, failed] = await Promise.all([
        connection.zmscore(queue.toKey('completed'), ...chunk),
        connection.zmscore(queue.toKey('failed'), ...chunk),
      ])
      const finished = chunk.filter((_, i) => completed[i] !== null)
      if (finished.length > 0) {
        const reports = await store!.reports.getMany(finished.map((jobId) => pending.get(jobId)!.id))
        for (const jobId of finished) {
          const item = pending.get(jobId)!
          const report = reports.get(item.id)
          if (report) recordReport(item, report)
          else recordError(item, { code: 'E_STORE', message: `job done but no report ${item.id} in ${store!.location}: do the workers use the same --db?` })
          pending.delete(jobId)
        }
      }
      for (const [i, jobId] of chunk.entries()) {
        if (failed[i] === null || !pending.has(jobId)) continue
        const job = await queue.getJob(jobId)
        recordError(pending.get(jobId)!, parseFailureReason(job?.failedReason))
        pending.delete(jobId)
      }
    }
    options.progress?.update(progressState())
    if (pending.size < before) lastProgress = Date.now()
    else if (Date.now() - lastProgress > IDLE_NOTICE_MS && Date.now() - lastNotice > IDLE_NOTICE_MS) {
      lastNotice = Date.now()
      const workers = await queue.getWorkersCount().catch(() => -1)
      if (workers === 0) log(`no worker is taking jobs from ${location.display}; start one: factsift worker --queue <url> --db <url>`)
    }
  }

  try {
    let count = 0
    for await (const entry of readItems(options.input, format, columns)) {
      count++
      // As in a local batch: an id already done (resume) or seen earlier in this input with the same content is
      // processed once; the same id with other content is an E_DUPLICATE_ID record (skipping it would lose an article).
      if (done.has(entry.id)) {
        tally.addSkipped()
        continue
      }
      const earlier = ids.check(entry)
      if (earlier === 'same') {
        tally.addSkipped()
        continue
      }
      const item = { id: entry.id, seq: entry.seq, where: entry.where }
      if (earlier) {
        recordError(item, { code: 'E_DUPLICATE_ID', message: `${entry.where}: id "${entry.id}" was already used by ${earlier} for different content` })
        continue
      }
      if (entry.kind === 'error') {
        recordError(item, entry.error)
        continue
      }
      let input = entry.input
      if (entry.file) {
        try {
          input = await fileToInput(entry.file, limits)
        } catch (error) {
          const failure = toFactsiftError(error)
          recordError(item, { code: failure.code, message: failure.message })
          continue
        }
      }
      const jobId = jobIdFor(entry.id)
      if (options.wait) pending.set(jobId, item)
      batch.push({ name: 'analyze', data: { id: entry.id, where: entry.where, input }, opts: { ...jobOptions, jobId } })
      if (batch.length >= ENQUEUE_CHUNK) await flush()
      if (options.wait && Date.now() - lastPoll >= (options.pollMs ?? 500) * 4) await poll()
    }
    await flush()
    total = count
    log(`enqueued ${enqueued} item${enqueued === 1 ? '' : 's'} to ${location.display}${retried ? ` (${retried} failed before, retried)` : ''}`)
    if (options.wait) {
      while (pending.size > 0) {
        await poll()
        if (pending.size > 0) await sleep(options.pollMs ?? 500)
      }
    } else if (enqueued > 0) {
      log('workers will process them: factsift worker --queue <url> --db <url>; collect the reports with --wait --resume')
    }
  } finally {
    await queue.close().catch(() => {})
    connection.disconnect()
    await store?.close().catch(() => {})
    await out.close()
    if (errorsOut !== out) await errorsOut.close()
  }
  const summary = tally.finish()
  // Without --wait there is no progress to report: the enqueue line said what happened.
  if (options.wait) options.progress?.finish(progressState())
  return summary
}
