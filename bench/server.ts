// bench:server — autocannon against POST /v1/analyze (~800-word articles, 16 connections) vs. the in-process rate.
// Usage: npm run bench:server -- [--duration 30] [--connections 16] [--words 800] [--threads N] [--no-store] [--json]
// --threads N: analysis worker threads (default: `factsift serve`'s default); 0 analyzes on the server's event loop.
// The baseline is the bare analysis in as many warmed-up threads as the machine has cores (bench/parallel-ceiling.ts),
// measured in the same run before the server starts: the most this machine analyzes in one process, with or without HTTP.
// The server runs in a child process so the load generator does not share its event loop; its main thread's CPU per
// request (/proc/<pid>/task/<pid>/stat) shows what HTTP, JSON parsing and dispatch cost beside the analysis.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { createEngine } from '../src/engine/engine.js'
import { generateArticle } from './generate-article.js'
import { hasFlag, numberOption } from './args.js'
import { measureThreadsRate } from './parallel-ceiling.js'
import { defaultThreads } from '../src/cli/commands/serve.js'

const ARTICLES = 200

if (process.env.FACTSIFT_BENCH_ROLE === 'server') await runServer()
else await runBench()

/** Child process: the same server `factsift serve` starts, over a temporary SQLite file, rate limit out of the way. */
async function runServer(): Promise<void> {
  const [{ startServer }, { openSqliteStore }] = await Promise.all([
    import('../src/server/start-server.js'),
    import('../src/store/sqlite/sqlite-store.js'),
  ])
  const dir = mkdtempSync(join(tmpdir(), 'factsift-bench-'))
  const store = openSqliteStore(join(dir, 'bench.db'))
  const engine = createEngine({ services: { store } })
  const threads = Number(process.env.FACTSIFT_BENCH_THREADS ?? 0)
  const server = await startServer({
    engine,
    store,
    port: 0,
    rateLimit: { max: 1_000_000, windowMs: 60_000 },
    webRoot: null,
    ...(threads > 0 ? { analysisThreads: { count: threads, limits: {} } } : {}),
  })
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`)
  process.once('SIGTERM', async () => {
    await server.close()
    await store.close()
    rmSync(dir, { recursive: true, force: true })
    process.exit(0)
  })
}

async function runBench(): Promise<void> {
  const duration = numberOption('duration', 30)
  const connections = numberOption('connections', 16)
  const words = numberOption('words', 800)
  const store = !hasFlag('no-store')
  const threads = numberOption('threads', defaultThreads())
  const asJson = hasFlag('json')
  const articles = Array.from({ length: ARTICLES }, (_, i) => generateArticle(i + 1, words))
  const bodies = articles.map((text) => JSON.stringify({ text }))

  // 1. In-process rates: one core on the event loop (what --threads 0 can reach), and warmed-up threads on every core.
  const engine = createEngine()
  for (const text of articles.slice(0, 30)) await engine.analyze({ text })
  const inProcessSeconds = Math.max(3, Math.min(10, duration / 3))
  let analyzed = 0
  let wordCount = 0
  const started = performance.now()
  while (performance.now() - started < inProcessSeconds * 1000) {
    const report = await engine.analyze({ text: articles[analyzed % ARTICLES]! })
    wordCount += report.document.wordCount
    analyzed++
  }
  const oneCoreRate = analyzed / ((performance.now() - started) / 1000)
  const cores = availableParallelism()
  const multiThreadRate = cores > 1 ? await measureThreadsRate(cores, Math.max(100, Math.round((oneCoreRate * inProcessSeconds) / 2)), words) : oneCoreRate
  const inProcessRate = threads > 0 ? multiThreadRate : oneCoreRate

  // 2. The server in a child process; warm it with a few requests, then load it.
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    env: { ...process.env, FACTSIFT_BENCH_ROLE: 'server', FACTSIFT_BENCH_THREADS: String(threads) },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)))
    createInterface({ input: child.stdout! }).once('line', (line) => resolve((JSON.parse(line) as { url: string }).url))
  })
  const path = `/v1/analyze${store ? '' : '?store=false'}`
  await Promise.all(
    bodies.slice(0, 20).map(async (body) => {
      const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      if (!res.ok) throw new Error(`warm-up request failed: HTTP ${res.status} ${await res.text()}`)
    }),
  )
  const { default: autocannon } = await import('autocannon')
  const mainThreadMs = () => {
    const stat = readFileSync(`/proc/${child.pid}/task/${child.pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  }
  const processMs = () => {
    const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  }
  const [mainAtStart, processAtStart] = [mainThreadMs(), processMs()]
  let next = 0
  const result = await autocannon({
    url,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json' },
        setupRequest: (request: Record<string, unknown>) => ({ ...request, body: bodies[next++ % ARTICLES] }),
      },
    ],
  })
  const [mainCpuMs, processCpuMs] = [mainThreadMs() - mainAtStart, processMs() - processAtStart]
  child.kill('SIGTERM')

  const figures = {
    wordsPerArticle: Math.round(wordCount / analyzed),
    durationSeconds: duration,
    connections,
    store,
    analysisThreads: threads,
    cores,
    loadAverage: round(loadavg()[0]!),
    inProcessArticlesPerSecond: round(inProcessRate),
    inProcessOneCore: round(oneCoreRate),
    inProcessAllCores: round(multiThreadRate),
    serverCpuMsPerRequest: round(processCpuMs / result.requests.total),
    serverMainThreadCpuMsPerRequest: round(mainCpuMs / result.requests.total),
    serverRequestsPerSecond: round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    ratioServerToInProcess: round(result.requests.average / inProcessRate),
  }
  if (asJson) {
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`)
    return
  }
  const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED')
  const lines = [
    `bench:server — POST ${path}, ${figures.wordsPerArticle}-word articles, ${connections} connections, ${duration} s, ` +
      (threads > 0 ? `${threads} analysis thread(s)` : 'analysis on the event loop') + `, ${cores} cores, load average ${figures.loadAverage}`,
    `  in-process analyze:   ${figures.inProcessOneCore} articles/s on one core (${round(1000 / oneCoreRate)} ms/article), ${figures.inProcessAllCores} in ${cores} warmed-up threads`,
    `  server:               ${figures.serverRequestsPerSecond} req/s, p50 ${figures.latencyP50Ms} ms, p99 ${figures.latencyP99Ms} ms, max ${figures.latencyMaxMs} ms`,
    // A closed loop of N connections keeps N requests in the server: by Little's law the mean latency is N / rate, and
    // what p99 adds beyond it is the spread of waiting and analysis times, not a stall of its own.
    `  queueing:             ${connections} connections / ${figures.serverRequestsPerSecond} req/s = ${round((connections / result.requests.average) * 1000)} ms mean latency expected, ${round(result.latency.average)} ms measured; p99 ${round(result.latency.p99 / result.latency.average)}× the mean`,
    `  server CPU:           ${figures.serverCpuMsPerRequest} ms/request, of which the main thread (HTTP, JSON, dispatch) ${figures.serverMainThreadCpuMsPerRequest}`,
    `  requests:             ${figures.requests} total, ${figures.errors} errors, ${figures.timeouts} timeouts, ${figures.non2xx} non-2xx`,
    `  ratio server/in-process (${threads > 0 ? `${cores} threads` : 'one core'}): ${Math.round(figures.ratioServerToInProcess * 100)}%`,
    `  targets: ratio ≥ 70% ${mark(figures.ratioServerToInProcess >= 0.7)}; 0 errors ${mark(figures.errors + figures.non2xx + figures.timeouts === 0)}; p99 ≤ 150 ms ${mark(figures.latencyP99Ms <= 150)}`,
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
