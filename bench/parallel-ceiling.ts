// The scaling ceiling of this machine for our analysis: each thread analyzes (and serializes) its own generated
// articles, with the JIT warmed up before timing and no input, output or messages per item. bench:batch prints it next
// to the batch's own 1 → 2 thread ratio, so a shortfall can be split into what the batch costs (the main thread, V8's
// compiler and GC helper threads competing with two busy analysis threads) and what the cores cost when both are busy.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads'
import { fileURLToPath } from 'node:url'
import { YOUNG_GENERATION_MB } from '../src/batch/worker-pool.js'

interface CeilingSetup {
  first: number
  count: number
  words: number
  /** Articles analyzed before timing starts (not counted). */
  warmUp: number
}

const SELF = fileURLToPath(import.meta.url)
const WARM_UP_ARTICLES = 100

if (!isMainThread && (workerData as { role?: string } | null)?.role === 'ceiling') await runThread(workerData as CeilingSetup)

/**
 * Items/s with 1 and with 2 threads, `perThread` articles each after the warm-up, and their ratio. Each is measured
 * twice on half the articles, in the order 1, 2, 2, 1, so that a steady drift of the machine's speed cancels out.
 */
export async function measureCeiling(perThread: number, words: number): Promise<{ oneThread: number; twoThreads: number; ratio: number }> {
  const half = Math.ceil(perThread / 2)
  const seconds = { 1: 0, 2: 0 }
  for (const threads of [1, 2, 2, 1] as const) seconds[threads] += await runThreads(threads, half, words)
  const oneThread = Math.round((2 * half) / seconds[1])
  const twoThreads = Math.round((2 * 2 * half) / seconds[2])
  return { oneThread, twoThreads, ratio: Math.round((twoThreads / oneThread) * 100) / 100 }
}

/** Items/s of `threads` warmed-up threads analyzing `perThread` articles each: the in-process rate a server with that many threads can approach. */
export async function measureThreadsRate(threads: number, perThread: number, words: number): Promise<number> {
  return Math.round((threads * perThread) / (await runThreads(threads, perThread, words)))
}

/** Seconds that `threads` warmed-up threads take to analyze `perThread` articles each. */
async function runThreads(threads: number, perThread: number, words: number): Promise<number> {
  const workers = Array.from({ length: threads }, (_, i) => startThread({ role: 'ceiling', first: 1_000_000 + i * perThread, count: perThread, words, warmUp: WARM_UP_ARTICLES }))
  const next = () => Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
    w.once('message', () => resolve())
    w.once('error', reject)
  })))
  await next() // ready: warmed up
  const started = performance.now()
  const done = next()
  for (const w of workers) w.postMessage('go')
  await done
  const seconds = (performance.now() - started) / 1000
  await Promise.all(workers.map((w) => w.terminate()))
  return seconds
}

function startThread(setup: CeilingSetup & { role: 'ceiling' }): Worker {
  // Node 20 does not carry tsx's loader hooks into worker threads (see src/batch/worker-pool.ts).
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL(`file://${SELF}`).href)}) })`
  // The batch pool's young generation, so both run the same heap configuration.
  return new Worker(bootstrap, { eval: true, workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } })
}

async function runThread(setup: CeilingSetup): Promise<void> {
  const [{ createEngine }, { generateArticle }] = await Promise.all([import('../src/engine/engine.js'), import('./generate-article.js')])
  const engine = createEngine()
  const articles = Array.from({ length: setup.count }, (_, i) => generateArticle(setup.first + i, setup.words))
  // Compiling the hot code costs ~1.2 s of V8 helper-thread time per thread; done here, before timing.
  for (let i = 0; i < setup.warmUp; i++) await engine.analyze({ text: generateArticle(setup.first - 1 - i, setup.words) })
  const port = parentPort!
  port.postMessage('ready')
  await new Promise<void>((resolve) => port.once('message', () => resolve()))
  const encoder = new TextEncoder()
  let bytes = 0
  for (const text of articles) bytes += encoder.encode(`${JSON.stringify(await engine.analyze({ text }))}\n`).length
  port.postMessage({ bytes })
}
