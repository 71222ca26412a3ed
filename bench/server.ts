// bench:server — autocannon against POST /v1/analyze (~800-word articles, 50 connections) vs. in-process analyze rate.
// Usage: npm run bench:server -- [--duration 30] [--connections 50] [--words 800] [--threads 0] [--no-store] [--json]
// --threads N analyzes in N worker threads instead of on the server's event loop.
// The server runs in a child process so the load generator does not share its event loop.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { createEngine } from '../src/engine/engine.js'
import { generateArticle } from './generate-article.js'
import { hasFlag, numberOption } from './args.js'

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
  const connections = numberOption('connections', 50)
  const words = numberOption('words', 800)
  const store = !hasFlag('no-store')
  const threads = numberOption('threads', 0)
  const asJson = hasFlag('json')
  const articles = Array.from({ length: ARTICLES }, (_, i) => generateArticle(i + 1, words))
  const bodies = articles.map((text) => JSON.stringify({ text }))

  // 1. In-process rate on the same articles, one core, same engine defaults.
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
  const inProcessRate = analyzed / ((performance.now() - started) / 1000)

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
  child.kill('SIGTERM')

  const figures = {
    wordsPerArticle: Math.round(wordCount / analyzed),
    durationSeconds: duration,
    connections,
    store,
    analysisThreads: threads,
    inProcessArticlesPerSecond: round(inProcessRate),
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
      (threads > 0 ? `${threads} analysis threads` : 'analysis on the event loop'),
    `  in-process analyze:   ${figures.inProcessArticlesPerSecond} articles/s (${round(1000 / inProcessRate)} ms/article, one core)`,
    `  server:               ${figures.serverRequestsPerSecond} req/s, p50 ${figures.latencyP50Ms} ms, p99 ${figures.latencyP99Ms} ms, max ${figures.latencyMaxMs} ms`,
    `  requests:             ${figures.requests} total, ${figures.errors} errors, ${figures.timeouts} timeouts, ${figures.non2xx} non-2xx`,
    `  ratio server/in-process: ${Math.round(figures.ratioServerToInProcess * 100)}%`,
    `  targets: ratio ≥ 60% ${mark(figures.ratioServerToInProcess >= 0.6)}; 0 errors ${mark(figures.errors + figures.non2xx + figures.timeouts === 0)}; p99 ≤ 100 ms ${mark(figures.latencyP99Ms <= 100)}`,
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
