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

const SELF = fileURLToPath(import.meta.url)

if (!isMainThread && (workerData as { role?: string } | null)?.role === 'ceiling') await runThread(workerData as CeilingSetup)

/** Items/s with 1 and with 2 threads, `perThread` articles each, and their ratio. */
export async function measureCeiling(perThread: number, words: number): Promise<{ oneThread: number; twoThreads: number; ratio: number }> {
  const oneThread = await runThreads(1, perThread, words)
  const twoThreads = await runThreads(2, perThread, words)
  return { oneThread, twoThreads, ratio: Math.round((twoThreads / oneThread) * 100) / 100 }
}

async function runThreads(threads: number, perThread: number, words: number): Promise<number> {
  // Node 20 does not carry tsx's loader hooks into worker threads (see src/batch/worker-pool.ts).
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL(`file://${SELF}`).href)}) })`
  const workers = Array.from({ length: threads }, (_, i) => new Worker(bootstrap, {
    eval: true,
    workerData: { role: 'ceiling', first: 1_000_000 + i * perThread, count: perThread, words },
    // The batch pool's setting, so both run the same heap configuration.
    resourceLimits: { maxYoungGenerationSizeMb: 96 },
  }))
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
