// Worker-thread entry: one engine per thread, created once; analyzes the items the pool sends and posts results back.
import { parentPort, workerData } from 'node:worker_threads'
import { closeSync, openSync } from 'node:fs'
import { createEngine } from '../engine/engine.js'
import { openAnalysisServices } from '../engine/services.js'
import { FactsiftError, toFactsiftError } from '../errors.js'
import type { BatchItem } from './items.js'
import { appendWhole } from './durable-output.js'
import { digestOf } from './summary.js'
import type { Report } from '../report/types.js'
import type { ReportDigest, WorkerResult, WorkerSetup } from './worker-protocol.js'
import { DEFAULT_STORAGE_POLICY, saveWithPolicy } from '../store/storage-policy.js'
import { withWriteLock } from './write-lock.js'
import { tracePhase, tracing } from './phase-trace.js'

tracePhase('code-loaded')
const setup = workerData as WorkerSetup
const services = await openAnalysisServices({ ...(setup.db ? { db: setup.db } : {}), limits: setup.limits })
const engine = createEngine({ services })
tracePhase('services-opened')
const locked = withWriteLock(setup.writeLock)
const port = parentPort!
const WARM_UP_TEXT = [
  'Harbor council delays vote. Source: Example Gazette',
  '',
  'The council postponed its vote on Monday, Mayor Ana Ruiz said. "We need more time," she told reporters.',
  'Reports emerged that costs rose 14 percent last year, according to the Department of Transportation.',
].join('\n')
const encoder = new TextEncoder()
/** The output file (output 'append'), opened at the first line: by then the main thread has created it. */
let appendFd: number | undefined
/** Items being analyzed: an item waiting on I/O (a file, a URL, the store) lets the next one start. */
let analyzing = 0
let closing = false

port.on('message', async (item: BatchItem | null) => {
  if (item === null) {
    closing = true
  } else {
    analyzing++
    try {
      if (tracing) traceItem()
      const result = await analyzeItem(item)
      // The report's bytes (output 'json') move to the main thread instead of being copied.
      port.postMessage(result, result.json ? [result.json.buffer as ArrayBuffer] : [])
    } finally {
      analyzing--
    }
  }
  // Close only once no item is left: one still running would write to a descriptor closed (and maybe reused) under it.
  // That moment comes once: at the null message when nothing runs, or when the last running item ends after it.
  if (closing && analyzing === 0) {
    tracePhase(`closing-after-${itemsStarted}`)
    await services.store?.close()
    if (appendFd !== undefined) closeSync(appendFd)
    port.close()
  }
})
// Loading the models and dictionaries and compiling the hot paths costs ~0.5 s on the first article; pay it before
// saying ready, while the main thread is still counting the input. A thread started for one large item skips it.
if (setup.warmUp !== false) await engine.analyze({ text: WARM_UP_TEXT }).catch(() => undefined)
tracePhase('ready')
port.postMessage({ ready: true })

let itemsStarted = 0
/** Marks this thread's 1st item, its 100th, 200th, … 500th, then every 1,000th: how fast items go while the JIT warms up. */
function traceItem(): void {
  itemsStarted++
  if (itemsStarted === 1 || (itemsStarted % 100 === 0 && itemsStarted <= 500) || itemsStarted % 1000 === 0) tracePhase(`item-${itemsStarted}`)
}

async function analyzeItem(item: BatchItem): Promise<WorkerResult> {
  try {
    const report = item.file
      ? await engine.analyzeLocation(item.file, item.input)
      : await engine.analyze(item.input)
    const digest = digestOf(report)
    if (setup.output === 'store') return await saveReport(item, { ...report, id: item.id }, digest)
    if (setup.output === 'json') return await jsonResult(item, report)
    if (setup.output !== 'append') return { seq: item.seq, id: item.id, where: item.where, report }
    const line = encoder.encode(`${JSON.stringify({ id: item.id, seq: item.seq, where: item.where, status: 'ok', report })}\n`)
    try {
      appendFd ??= openSync(setup.appendTo!, 'a')
      appendWhole(appendFd, line, setup.appendTo!)
    } catch (error) {
      return { seq: item.seq, id: item.id, where: item.where, outputFailed: toFactsiftError(error).message }
    }
    return { seq: item.seq, id: item.id, where: item.where, digest }
  } catch (error) {
    const failure = toFactsiftError(error)
    return { seq: item.seq, id: item.id, where: item.where, error: { code: failure.code, message: failure.message } }
  }
}

async function saveReport(item: BatchItem, report: Report, digest: ReportDigest): Promise<WorkerResult> {
  try {
    if (!services.store) throw new FactsiftError('E_CONFIG', 'output "store" needs a database (db)')
    const reports = services.store.reports
    await locked(() => reports.save(report))
    return { seq: item.seq, id: item.id, where: item.where, digest }
  } catch (error) {
    const failure = toFactsiftError(error)
    return { seq: item.seq, id: item.id, where: item.where, error: { code: failure.code, message: failure.message, stage: 'store' } }
  }
}

/** Output 'json' (the server): saved under the storage policy when the item asks, then serialized here, off the main thread. */
async function jsonResult(item: BatchItem, report: Report): Promise<WorkerResult> {
  let answer = report
  let storedId: string | null = null
  if (item.store && services.store) {
    try {
      const reports = services.store.reports
      const saved = await locked(() => saveWithPolicy(reports, report, setup.storage ?? DEFAULT_STORAGE_POLICY))
      answer = saved.report
      storedId = saved.id
    } catch (error) {
      const failure = toFactsiftError(error)
      return { seq: item.seq, id: item.id, where: item.where, error: { code: failure.code, message: failure.message, stage: 'store' } }
    }
  }
  // TextEncoder gives the bytes their own ArrayBuffer (Buffer.from may share a pool), so it can be transferred.
  return { seq: item.seq, id: item.id, where: item.where, json: encoder.encode(JSON.stringify(answer)), storedId }
}
