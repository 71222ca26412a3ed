// bench:young-generation — the batch threads' young-generation size, compared fairly on a VM whose speed drifts by tens
// of percent within seconds: two threads run *at the same time* on the same generated articles, one per setting, so
// drift and cache contention hit both alike. Per article: thread CPU, wall, GC pauses and collections (from each
// isolate's own `gc` performance entries). Swap the order too (`--young 128,96`) to see the residual bias.
// Usage: npm run bench:young-generation -- [--young 96,128] [--items 1000] [--words 800] [--warm-up 200] [--json]
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads'
import { fileURLToPath } from 'node:url'
import { readFileSync } from 'node:fs'
import { PerformanceObserver } from 'node:perf_hooks'
import { hasFlag, numberOption, stringOption } from './args.js'

interface ThreadSetup {
  role: 'young-generation'
  items: number
  words: number
  warmUp: number
}

interface ThreadFigures {
  cpuMs: number
  wallMs: number
  gcPauseMs: number
  collections: number
}

const SELF = fileURLToPath(import.meta.url)

if (!isMainThread && (workerData as { role?: string } | null)?.role === 'young-generation') await runThread(workerData as ThreadSetup)
else if (isMainThread) await runBench()

/** CPU milliseconds of the calling thread (user + system, /proc ticks of 10 ms). */
function threadCpuMs(): number {
  const stat = readFileSync('/proc/thread-self/stat', 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

async function runThread(setup: ThreadSetup): Promise<void> {
  const [{ createEngine }, { generateArticle }] = await Promise.all([import('../src/engine/engine.js'), import('./generate-article.js')])
  const engine = createEngine()
  // The JIT compiles for a few hundred articles; both threads get past that before timing.
  for (let i = 0; i < setup.warmUp; i++) await engine.analyze({ text: generateArticle(2_000_000 + i, setup.words) })
  const articles = Array.from({ length: setup.items }, (_, i) => generateArticle(i + 1, setup.words))
  let gcPauseMs = 0
  let collections = 0
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcPauseMs += entry.duration
      collections++
    }
  })
  const port = parentPort!
  port.postMessage('ready')
  await new Promise<void>((resolve) => port.once('message', () => resolve()))
  observer.observe({ entryTypes: ['gc'] })
  const cpuAtStart = threadCpuMs()
  const started = performance.now()
  // Serialized and encoded like the batch's output lines, so the same garbage is made.
  const encoder = new TextEncoder()
  for (const text of articles) encoder.encode(`${JSON.stringify(await engine.analyze({ text }))}\n`)
  const cpuMs = threadCpuMs() - cpuAtStart
  const wallMs = performance.now() - started
  // gc entries are delivered asynchronously: let the last ones arrive.
  await new Promise((resolve) => setTimeout(resolve, 50))
  observer.disconnect()
  port.postMessage({ cpuMs, wallMs, gcPauseMs, collections } satisfies ThreadFigures)
}

async function runBench(): Promise<void> {
  const sizes = stringOption('young', '96,128').split(',').map(Number)
  const items = numberOption('items', 1000)
  const setup: ThreadSetup = { role: 'young-generation', items, words: numberOption('words', 800), warmUp: numberOption('warm-up', 200) }
  // Node 20 does not carry tsx's loader hooks into worker threads (see src/batch/worker-pool.ts).
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL(`file://${SELF}`).href)}) })`
  const workers = sizes.map((mb) => new Worker(bootstrap, { eval: true, workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: mb } }))
  const next = () => Promise.all(workers.map((w) => new Promise<unknown>((resolve, reject) => {
    w.once('message', resolve)
    w.once('error', reject)
  })))
  await next()
  const done = next()
  for (const w of workers) w.postMessage('go')
  const results = (await done) as ThreadFigures[]
  await Promise.all(workers.map((w) => w.terminate()))
  const perItem = (n: number) => Math.round((n / items) * 1000) / 1000
  const rows = results.map((r, i) => ({
    youngGenerationMb: sizes[i]!,
    threadCpuMsPerItem: perItem(r.cpuMs),
    wallMsPerItem: perItem(r.wallMs),
    gcPauseMsPerItem: perItem(r.gcPauseMs),
    collections: r.collections,
  }))
  if (hasFlag('json')) {
    process.stdout.write(`${JSON.stringify({ items, rows }, null, 2)}\n`)
    return
  }
  const lines = [`bench:young-generation — ${items} articles per thread, ${sizes.length} threads at once (one per setting), after ${setup.warmUp} warm-up articles`]
  for (const r of rows) lines.push(`  ${String(r.youngGenerationMb).padStart(4)} MB: thread CPU ${r.threadCpuMsPerItem} ms/article, wall ${r.wallMsPerItem}, GC pauses ${r.gcPauseMsPerItem} ms/article in ${r.collections} collections`)
  process.stdout.write(`${lines.join('\n')}\n`)
}
