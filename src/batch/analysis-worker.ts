// Worker-thread entry: one engine per thread, created once; analyzes the items the pool sends and posts results back.
import { parentPort, workerData } from 'node:worker_threads'
import { createEngine } from '../engine/engine.js'
import { openAnalysisServices } from '../engine/open-services.js'
import { toFactsiftError } from '../errors.js'
import type { BatchItem } from './items.js'
import type { WorkerResult, WorkerSetup } from './worker-protocol.js'

const setup = workerData as WorkerSetup
const services = await openAnalysisServices({ ...(setup.db ? { db: setup.db } : {}), limits: setup.limits })
const engine = createEngine({ services })
const port = parentPort!
const encoder = new TextEncoder()

port.on('message', async (item: BatchItem | null) => {
  if (item === null) {
    await services.store?.close()
    port.close()
    return
  }
  const result = await analyzeItem(item)
  port.postMessage(result, result.lineBytes ? [result.lineBytes.buffer as ArrayBuffer] : [])
})
port.postMessage({ ready: true })

async function analyzeItem(item: BatchItem): Promise<WorkerResult> {
  try {
    const report = item.file
      ? await engine.analyzeLocation(item.file, item.input)
      : await engine.analyze(item.input)
    if (setup.output !== 'line') return { seq: item.seq, id: item.id, where: item.where, report }
    const lineBytes = encoder.encode(`${JSON.stringify({ id: item.id, seq: item.seq, where: item.where, status: 'ok', report })}\n`)
    const digest = { title: report.document.title, score: report.risk.score, label: report.risk.label, reasons: report.risk.reasons.slice(0, 3).map((r) => r.message) }
    return { seq: item.seq, id: item.id, where: item.where, lineBytes, digest }
  } catch (error) {
    const failure = toFactsiftError(error)
    return { seq: item.seq, id: item.id, where: item.where, error: { code: failure.code, message: failure.message } }
  }
}
