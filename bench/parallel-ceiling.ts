// The scaling ceiling of this machine for our analysis: each thread analyzes (and serializes) its own generated
// articles with no input, output or messages per item. bench:batch prints it next to the batch's own 1 → 2 thread
// ratio, so a shortfall can be split into what the batch machinery costs and what the cores cost when both are busy
// (shared caches and memory bandwidth, V8's GC and compiler helper threads losing their idle core).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads'
import { fileURLToPath } from 'node:url'

interface CeilingSetup {
  first: number
  count: number
  words: number
}

/** A probe thread: pure arithmetic ('compute'), or random reads and writes over its own 64 MB ('memory'). */
interface ProbeSetup {
  probe: 'compute' | 'memory'
}

const SELF = fileURLToPath(import.meta.url)

const role = isMainThread ? null : (workerData as { role?: string } | null)?.role
if (role === 'ceiling') await runThread(workerData as CeilingSetup)
if (role === 'probe') runProbe(workerData as ProbeSetup)

/**
 * The 1 → 2 thread ratio of two synthetic loads: arithmetic only (what two independent cores give) and a random walk
 * over 64 MB per thread (what the memory system gives when both threads miss the caches, as allocation-heavy JavaScript
 * does).
 */
export async function measureProbes(): Promise<{ compute: number; memory: number }> {
  const ratio = async (probe: ProbeSetup['probe']) => {
    const one = await timeThreads(1, probe)
    const two = await timeThreads(2, probe)
    // Each thread does the same work: the rate with 2 is 2 / t2, with 1 it is 1 / t1.
    return Math.round(((2 * one) / two) * 100) / 100
  }
  return { compute: await ratio('compute'), memory: await ratio('memory') }
}

async function timeThreads(threads: number, probe: ProbeSetup['probe']): Promise<number> {
  const started = performance.now()
  await Promise.all(Array.from({ length: threads }, () => new Promise<void>((resolve, reject) => {
    const worker = startThread({ role: 'probe', probe })
    worker.once('message', () => resolve())
    worker.once('error', reject)
  })))
  return performance.now() - started
}

function runProbe({ probe }: ProbeSetup): void {
  let result = 0
  if (probe === 'compute') {
    let h = 0x811c9dc5
    for (let i = 0; i < 400_000_000; i++) h = Math.imul(h ^ (i & 0xff), 0x01000193)
    result = h
  } else {
    const cells = new Uint32Array(16 << 20)
    let x = 1
    for (let k = 0; k < 30_000_000; k++) {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0
      result += cells[x & (cells.length - 1)]!++
    }
  }
  parentPort!.postMessage(result)
}

/** Items/s with 1 and with 2 threads, `perThread` articles each, and their ratio. */
export async function measureCeiling(perThread: number, words: number): Promise<{ oneThread: number; twoThreads: number; ratio: number }> {
  const oneThread = await runThreads(1, perThread, words)
  const twoThreads = await runThreads(2, perThread, words)
  return { oneThread, twoThreads, ratio: Math.round((twoThreads / oneThread) * 100) / 100 }
}

async function runThreads(threads: number, perThread: number, words: number): Promise<number> {
  const workers = Array.from({ length: threads }, (_, i) => startThread({ role: 'ceiling', first: 1_000_000 + i * perThread, count: perThread, words }))
  const ready = workers.map((w) => new Promise<void>((resolve, reject) => {
    w.once('message', () => resolve())
    w.once('error', reject)
  }))
  await Promise.all(ready)
  const started = performance.now()
  const done = workers.map((w) => new Promise<void>((resolve, reject) => {
    w.once('message', () => resolve())
    w.once('error', reject)
  }))
  for (const w of workers) w.postMessage('go')
  await Promise.all(done)
  const seconds = (performance.now() - started) / 1000
  await Promise.all(workers.map((w) => w.terminate()))
  return Math.round((threads * perThread) / seconds)
}

function startThread(workerData: object): Worker {
  // Node 20 does not carry tsx's loader hooks into worker threads (see src/batch/worker-pool.ts).
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL(`file://${SELF}`).href)}) })`
  // The batch pool's young generation, so both run the same heap configuration.
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits: { maxYoungGenerationSizeMb: 96 } })
}

async function runThread(setup: CeilingSetup): Promise<void> {
  const [{ createEngine }, { generateArticle }] = await Promise.all([import('../src/engine/engine.js'), import('./generate-article.js')])
  const engine = createEngine()
  const articles = Array.from({ length: setup.count }, (_, i) => generateArticle(setup.first + i, setup.words))
  // The batch threads warm up before they take items; so do these (models, dictionaries, the JIT).
  for (const text of articles.slice(0, 30)) await engine.analyze({ text })
  const port = parentPort!
  port.postMessage('ready')
  await new Promise<void>((resolve) => port.once('message', () => resolve()))
  const encoder = new TextEncoder()
  let bytes = 0
  for (const text of articles) bytes += encoder.encode(`${JSON.stringify(await engine.analyze({ text }))}\n`).length
  port.postMessage({ bytes })
}
