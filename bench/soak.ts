// bench:soak — mixed load against `factsift serve` with its defaults on 127.0.0.1, for a while, watching what users see.
// Usage: npm run bench:soak -- [--minutes 10] [--small-clients 6] [--readers 3] [--invalid-clients 2] [--large-every 60]
//        [--large-mb 4] [--flood 120] [--json]
// The server is the real CLI (`serve --port 0 --db <temporary file>`, nothing else set: analysis threads as `serve` defaults them,
// queue 64, rate limit 300/min per client, 60 s budget) in a child process. Each load client sends from its own
// loopback address (127.0.0.2, 127.0.0.3, …) so it is one client to the rate limiter, like separate users.
// Load: closed-loop clients analyzing ~800-word articles, readers listing, searching and fetching stored reports, clients
// sending invalid requests (wrong types, text/plain, traversal, bad JSON), one 4 MB analysis every --large-every seconds,
// and at the start a flood of 120 concurrent analyses. /healthz is probed every 100 ms; the server's RSS every 5 s.
// Prints per-minute lines, then totals: 5xx by kind, /healthz p50/p99 (overall and while a large analysis runs), the
// server's event-loop delay (monitorEventLoopDelay, preloaded by bench/loop-delay-probe.ts), the flood's statuses, RSS
// over time and its trend over the last 5 minutes (the last half of shorter runs).
// /healthz is probed from its own thread, so the bench's own work (reading 26 MB reports, parsing JSON) does not delay
// the probe's clock; the bench's event-loop delay is printed too. `--cpu-prof DIR` runs the server (and its analysis
// threads) with --cpu-prof into DIR (open the .cpuprofile files in Chrome DevTools).
import { spawn } from 'node:child_process'
import http from 'node:http'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { generateArticle } from './generate-article.js'
import { hasFlag, numberOption, stringOption } from './args.js'
import type { LoopDelayFigures, LoopDelaySample } from './loop-delay-probe.js'

const minutes = numberOption('minutes', 10)
const smallClients = numberOption('small-clients', 6)
const readers = numberOption('readers', 3)
const invalidClients = numberOption('invalid-clients', 2)
const largeEverySeconds = numberOption('large-every', 60)
const largeMb = numberOption('large-mb', 4)
const floodSize = numberOption('flood', 120)
const asJson = hasFlag('json')
const cpuProfDir = stringOption('cpu-prof', '')
const durationMs = minutes * 60_000

interface Answer {
  status: number
  retryAfter: string | undefined
  code: string | undefined
  text: string
  ms: number
}

let nextAddress = 2
/** A fresh loopback source address: one "client" for the rate limiter. */
const newClientAddress = () => `127.0.0.${nextAddress++}`

/** `dropBody`: a 200's body is counted, not kept (a 4 MB article's report is 26 MB: no need to hold or decode it). */
function send(base: URL, path: string, init: { method?: string; body?: string; type?: string; from?: string; timeoutMs?: number; dropBody?: boolean } = {}): Promise<Answer> {
  const started = performance.now()
  return new Promise((resolve) => {
    const headers: Record<string, string> = {}
    if (init.body !== undefined) headers['content-type'] = init.type ?? 'application/json'
    const request = http.request(
      { host: base.hostname, port: base.port, path, method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'), headers, ...(init.from ? { localAddress: init.from } : {}), agent: false },
      (response) => {
        const chunks: Buffer[] = []
        const keep = !(init.dropBody && response.statusCode === 200)
        response.on('data', (chunk: Buffer) => {
          if (keep) chunks.push(chunk)
        })
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let code: string | undefined
          if ((response.statusCode ?? 0) >= 400) {
            try {
              code = (JSON.parse(text) as { error?: { code?: string } }).error?.code
            } catch {
              code = 'not-json'
            }
          }
          resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'] as string | undefined, code, text, ms: performance.now() - started })
        })
      },
    )
    request.setTimeout(init.timeoutMs ?? 180_000, () => request.destroy(new Error('client timeout')))
    request.on('error', (error) => resolve({ status: 0, retryAfter: undefined, code: error.message, text: '', ms: performance.now() - started }))
    request.end(init.body)
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!
}

// ---- the server ----
const dir = mkdtempSync(join(tmpdir(), 'factsift-soak-'))
const cli = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url))
const probe = fileURLToPath(new URL('./loop-delay-probe.ts', import.meta.url))
const profiling = cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfDir] : []
const child = spawn(process.execPath, [...profiling, '--import', 'tsx', '--import', probe, cli, 'serve', '--port', '0', '--db', join(dir, 'soak.db'), '--log-level', 'warn'], {
  stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  env: { ...process.env, FACTSIFT_API_KEYS: '' },
})
/** The server's event-loop delay, one sample a second (bench/loop-delay-probe.ts). */
const loopSeconds: { t: number; second: LoopDelayFigures; rssMb: number; mainHeapMb: number; mainExternalMb: number }[] = []
let loopTotal: LoopDelayFigures | null = null
child.on('message', (message: LoopDelaySample) => {
  if (!message?.loopDelay) return
  const { t, second, rssMb, mainHeapMb, mainExternalMb } = message.loopDelay
  loopSeconds.push({ t, second, rssMb, mainHeapMb, mainExternalMb })
  loopTotal = message.loopDelay.total
})
const serverLog: string[] = []
child.stderr!.on('data', (chunk: Buffer) => serverLog.push(chunk.toString()))
const banner = await new Promise<string>((resolve, reject) => {
  const lines = createInterface({ input: child.stdout! })
  lines.on('line', (line) => {
    if (line.startsWith('factsift serve:')) resolve(line)
    else serverLog.push(line)
  })
  child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${serverLog.join('').slice(-2000)}`)))
})
const base = new URL(/http:\/\/[^/ ]+/.exec(banner)![0])
process.stderr.write(`${banner}\n`)
for (let i = 0; i < 600; i++) {
  if ((await send(base, '/readyz')).status === 200) break
  await sleep(500)
}

/** The process's RSS: the main thread's heap and every analysis thread's. */
function rssMb(): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024
}

/**
 * The server's main thread (its task id is the process id) from the kernel: time on a CPU, time runnable but waiting
 * for one (/proc/…/schedstat, ns), and how often it was preempted. Waiting is what a loaded machine adds to every delay.
 */
function mainThreadSched(): { cpuMs: number; waitMs: number; preempted: number } {
  const [cpu, wait] = readFileSync(`/proc/${child.pid}/task/${child.pid}/schedstat`, 'utf8').trim().split(/\s+/).map(Number)
  const preempted = Number(/nr_involuntary_switches\s*:\s*(\d+)/.exec(readFileSync(`/proc/${child.pid}/task/${child.pid}/sched`, 'utf8'))?.[1] ?? NaN)
  return { cpuMs: cpu! / 1e6, waitMs: wait! / 1e6, preempted }
}

// ---- bookkeeping ----
const started = Date.now()
const elapsedS = () => (Date.now() - started) / 1000
const byStatus = new Map<string, number>()
const fiveXx: { kind: string; status: number; code: string | undefined; retryAfter: string | undefined; at: number }[] = []
const minute = { requests: 0, health: [] as number[] }
const health: number[] = []
const healthDuringLarge: number[] = []
const rss: { t: number; mb: number }[] = []
/** [start, end] of each large analysis (Date.now()); end is Infinity while it runs. */
const largeSpans: [number, number][] = []
let largeDone = 0
const largeTimes: number[] = []
const storedIds: string[] = []
let stopping = false

function count(kind: string, answer: Answer): void {
  const key = `${answer.status}${answer.code ? ` ${answer.code}` : ''}`
  byStatus.set(key, (byStatus.get(key) ?? 0) + 1)
  minute.requests++
  if (answer.status >= 500 || answer.status === 0) fiveXx.push({ kind, status: answer.status, code: answer.code, retryAfter: answer.retryAfter, at: elapsedS() })
}

/** Waits what the server asked for (429/503), else a little: a well-behaved client. */
async function backOff(answer: Answer): Promise<void> {
  if (answer.status === 429 || answer.status === 503) await sleep(Math.min(30, Number(answer.retryAfter ?? 1)) * 1000)
}

// ---- the flood: 120 analyses at once, before the steady load ----
const floodStatuses = new Map<string, number>()
let floodWithoutRetryAfter = 0
rss.push({ t: elapsedS(), mb: rssMb() })
const schedAtStart = mainThreadSched()
const loadAtStart = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
const floodSpan: [number, number] = [Date.now(), Infinity]
child.send('reset')
const benchLoop = monitorEventLoopDelay({ resolution: 10 })
benchLoop.enable()
{
  const from = newClientAddress()
  const answers = await Promise.all(
    Array.from({ length: floodSize }, (_, i) => send(base, '/v1/analyze?store=false', { body: JSON.stringify({ text: generateArticle(10_000 + i, 400) }), from })),
  )
  for (const answer of answers) {
    const key = `${answer.status}${answer.code ? ` ${answer.code}` : ''}`
    floodStatuses.set(key, (floodStatuses.get(key) ?? 0) + 1)
    if ((answer.status === 503 || answer.status === 429) && !answer.retryAfter) floodWithoutRetryAfter++
  }
  floodSpan[1] = Date.now()
  process.stderr.write(`flood of ${floodSize}: ${JSON.stringify(Object.fromEntries(floodStatuses))}\n`)
}

// ---- steady load ----
const articles = Array.from({ length: 200 }, (_, i) => JSON.stringify({ text: generateArticle(i + 1, 800), title: `Soak ${i}` }))
const largeBody = (() => {
  const parts: string[] = []
  let size = 0
  for (let i = 0; size < largeMb * 1024 * 1024 - 10_000; i++) {
    const article = generateArticle(50_000 + i, 800)
    parts.push(article)
    size += article.length + 2
  }
  return JSON.stringify({ text: parts.join('\n\n') })
})()
const INVALID: { path: string; body?: string; type?: string; method?: string }[] = [
  { path: '/v1/analyze', body: '{"text": 123}' },
  { path: '/v1/analyze', body: 'plain words', type: 'text/plain' },
  { path: '/v1/analyze', body: '{"text": "x", "__proto__": {"a": 1}}' },
  { path: '/v1/analyze', body: '{"text": ' },
  { path: '/v1/analyze', body: '{}' },
  { path: '/../../etc/passwd' },
  { path: '/v1/reports/..%2f..' },
  { path: '/v1/reports?limit=abc' },
  { path: '/%ZZ' },
  { path: '/v1/reports/nope', method: 'DELETE' },
]

async function smallClient(k: number): Promise<void> {
  const from = newClientAddress()
  for (let i = k; !stopping; i += smallClients) {
    const answer = await send(base, '/v1/analyze', { body: articles[i % articles.length]!, from })
    count('small', answer)
    if (answer.status === 200) {
      const id = (JSON.parse(answer.text) as { id?: string }).id
      if (id && storedIds.length < 500) storedIds.push(id)
    }
    await backOff(answer)
    await sleep(50)
  }
}

async function reader(): Promise<void> {
  const from = newClientAddress()
  for (let i = 0; !stopping; i++) {
    const id = storedIds[i % Math.max(1, storedIds.length)]
    const path = i % 3 === 0 ? '/v1/reports?limit=20' : i % 3 === 1 ? '/v1/reports?q=senator' : id ? `/v1/reports/${id}` : '/v1/reports'
    const answer = await send(base, path, { from })
    count('read', answer)
    await backOff(answer)
    await sleep(250) // under 300 a minute per reader
  }
}

async function invalidClient(k: number): Promise<void> {
  const from = newClientAddress()
  for (let i = k; !stopping; i++) {
    const request = INVALID[i % INVALID.length]!
    const answer = await send(base, request.path, { ...request, from })
    count('invalid', answer)
    await backOff(answer)
    await sleep(250)
  }
}

async function largeClient(): Promise<void> {
  const from = newClientAddress()
  while (!stopping) {
    const span: [number, number] = [Date.now(), Infinity]
    largeSpans.push(span)
    const answer = await send(base, '/v1/analyze', { body: largeBody, from, timeoutMs: 300_000, dropBody: true })
    span[1] = Date.now()
    largeDone++
    largeTimes.push(answer.ms)
    count('large', answer)
    const waitUntil = Date.now() + largeEverySeconds * 1000 - answer.ms
    while (!stopping && Date.now() < waitUntil) await sleep(500)
  }
}

/**
 * /healthz every 100 ms from a thread of its own: its clock is not held up by this process's event loop (which reads
 * and parses reports). Each probe comes back as [start (Date.now()), milliseconds, status].
 */
const PROBER = `
const http = require('node:http')
const { parentPort, workerData } = require('node:worker_threads')
let stopping = false
parentPort.on('message', () => { stopping = true })
const once = () => new Promise((resolve) => {
  const at = Date.now()
  const started = performance.now()
  const request = http.get({ host: workerData.host, port: workerData.port, path: '/healthz', agent: false }, (response) => {
    response.resume()
    response.on('end', () => resolve([at, performance.now() - started, response.statusCode]))
  })
  request.setTimeout(30000, () => request.destroy(new Error('timeout')))
  request.on('error', () => resolve([at, performance.now() - started, 0]))
})
;(async () => {
  while (!stopping) {
    parentPort.postMessage(await once())
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  parentPort.close()
})()
`

function prober(): Promise<void> {
  const worker = new Worker(PROBER, { eval: true, workerData: { host: base.hostname, port: Number(base.port) } })
  worker.on('message', ([at, ms, status]: [number, number, number]) => {
    if (status !== 200) count('health', { status, retryAfter: undefined, code: 'healthz', text: '', ms })
    health.push(ms)
    minute.health.push(ms)
    if (largeSpans.some(([from, to]) => at >= from && at <= to)) healthDuringLarge.push(ms)
  })
  const stopper = setInterval(() => {
    if (stopping) {
      clearInterval(stopper)
      worker.postMessage('stop')
    }
  }, 100)
  return new Promise((resolve) => worker.once('exit', () => resolve()))
}

async function sampler(): Promise<void> {
  let lastMinute = 0
  let loopFrom = 0
  while (!stopping) {
    rss.push({ t: elapsedS(), mb: rssMb() })
    if (elapsedS() - lastMinute >= 60 || elapsedS() * 1000 >= durationMs) {
      lastMinute = elapsedS()
      const loop = loopSeconds.slice(loopFrom)
      loopFrom = loopSeconds.length
      if (!asJson) {
        process.stderr.write(
          `${(elapsedS() / 60).toFixed(1)} min: ${minute.requests} requests, 5xx so far ${fiveXx.length}, /healthz p50 ${percentile(minute.health, 0.5).toFixed(1)} ` +
            `p99 ${percentile(minute.health, 0.99).toFixed(1)} ms, server loop delay max ${Math.max(0, ...loop.map((s) => s.second.maxMs)).toFixed(0)} ms, ` +
            `RSS ${rss.at(-1)!.mb.toFixed(0)} MB, large done ${largeDone}\n`,
        )
      }
      minute.requests = 0
      minute.health = []
    }
    await sleep(5000)
  }
}

const tasks = [
  ...Array.from({ length: smallClients }, (_, k) => smallClient(k)),
  ...Array.from({ length: readers }, () => reader()),
  ...Array.from({ length: invalidClients }, (_, k) => invalidClient(k)),
  largeClient(),
  prober(),
  sampler(),
]
await sleep(durationMs)
stopping = true
await Promise.all(tasks)
rss.push({ t: elapsedS(), mb: rssMb() })
const schedAtEnd = mainThreadSched()
const loadAtEnd = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')

// ---- results ----
const windowS = Math.min(300, elapsedS() / 2)
const tail = rss.filter((sample) => sample.t >= elapsedS() - windowS)
const slope = (() => {
  const n = tail.length
  const mt = tail.reduce((s, x) => s + x.t, 0) / n
  const mm = tail.reduce((s, x) => s + x.mb, 0) / n
  const num = tail.reduce((s, x) => s + (x.t - mt) * (x.mb - mm), 0)
  const den = tail.reduce((s, x) => s + (x.t - mt) ** 2, 0)
  return den === 0 ? 0 : (num / den) * 60
})()
/** Server loop-delay seconds overlapping [from, to]: the worst second's max, and the p99 of the seconds' p99s. */
const loopDuring = (spans: [number, number][]) => {
  const seconds = loopSeconds.filter((s) => spans.some(([from, to]) => s.t >= from && s.t - 1000 <= to))
  return { seconds: seconds.length, maxMs: Math.max(0, ...seconds.map((s) => s.second.maxMs)), p99OfSecondsP99Ms: percentile(seconds.map((s) => s.second.p99Ms), 0.99) }
}
const firstLargeStart = largeSpans[0]?.[0] ?? Infinity
const beforeLarge = rss.filter((sample) => started + sample.t * 1000 <= firstLargeStart)
const busy503 = fiveXx.filter((f) => f.status === 503 && f.code === 'E_SERVER_BUSY' && f.retryAfter).length
const result = {
  minutes: Math.round((elapsedS() / 60) * 10) / 10,
  requests: Object.fromEntries([...byStatus].sort()),
  fiveXx: { total: fiveXx.length, busyWithRetryAfter: busy503, other: fiveXx.length - busy503, examples: fiveXx.filter((f) => !(f.status === 503 && f.retryAfter)).slice(0, 5) },
  healthz: {
    probes: health.length,
    p50Ms: percentile(health, 0.5),
    p99Ms: percentile(health, 0.99),
    maxMs: Math.max(...health),
    whileLarge: { probes: healthDuringLarge.length, p50Ms: percentile(healthDuringLarge, 0.5), p99Ms: percentile(healthDuringLarge, 0.99) },
  },
  // The server's main thread, sampled every 10 ms: how late a timer fired (ms beyond the 10 ms resolution).
  serverLoopDelay: {
    total: loopTotal as LoopDelayFigures | null,
    whileLarge: loopDuring(largeSpans),
    duringFlood: loopDuring([floodSpan]),
  },
  serverMainThread: {
    cpuS: Math.round(schedAtEnd.cpuMs - schedAtStart.cpuMs) / 1000,
    waitingForCpuS: Math.round(schedAtEnd.waitMs - schedAtStart.waitMs) / 1000,
    preempted: schedAtEnd.preempted - schedAtStart.preempted,
  },
  loadAverage: { start: loadAtStart, end: loadAtEnd },
  benchLoopDelay: { p99Ms: Math.round(benchLoop.percentile(99) / 1e4) / 100, maxMs: Math.round(benchLoop.max / 1e4) / 100 },
  large: { done: largeDone, mb: largeMb, secondsEach: largeTimes.map((ms) => Math.round(ms / 100) / 10) },
  flood: { size: floodSize, statuses: Object.fromEntries(floodStatuses), refusalsWithoutRetryAfter: floodWithoutRetryAfter },
  rss: {
    samples: rss.map((sample) => [Math.round(sample.t), Math.round(sample.mb)]),
    lastWindowS: Math.round(windowS),
    lastWindowMinMb: Math.round(Math.min(...tail.map((s) => s.mb))),
    lastWindowMaxMb: Math.round(Math.max(...tail.map((s) => s.mb))),
    lastWindowSlopeMbPerMin: Math.round(slope * 10) / 10,
    beforeFirstLargeMb: beforeLarge.length ? Math.round(Math.max(...beforeLarge.map((s) => s.mb))) : null,
    peakMb: Math.round(Math.max(...rss.map((s) => s.mb))),
    endMb: Math.round(rss.at(-1)!.mb),
    /** The server's main thread alone (V8 heap used, external buffers), every 30 s: [s since start, heap MB, external MB]. */
    mainThread: loopSeconds
      .filter((_, i) => i % 30 === 0)
      .map((s) => [Math.round((s.t - started) / 1000), s.mainHeapMb, s.mainExternalMb]),
  },
}
child.kill('SIGTERM')
await new Promise((resolve) => child.once('exit', resolve))
rmSync(dir, { recursive: true, force: true })

if (asJson) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
} else {
  const r = result
  process.stdout.write(
    [
      `soak: ${r.minutes} min against ${banner.replace(/^factsift serve: /, '')}`,
      `requests by status: ${JSON.stringify(r.requests)}`,
      `5xx: ${r.fiveXx.total} (${r.fiveXx.busyWithRetryAfter} × 503 E_SERVER_BUSY with Retry-After, ${r.fiveXx.other} other)` +
        (r.fiveXx.examples.length ? ` e.g. ${JSON.stringify(r.fiveXx.examples)}` : ''),
      `/healthz: ${r.healthz.probes} probes, p50 ${r.healthz.p50Ms.toFixed(1)} ms, p99 ${r.healthz.p99Ms.toFixed(1)} ms, max ${r.healthz.maxMs.toFixed(0)} ms; ` +
        `while a ${largeMb} MB analysis ran: ${r.healthz.whileLarge.probes} probes, p99 ${r.healthz.whileLarge.p99Ms.toFixed(1)} ms`,
      `server event-loop delay: ${r.serverLoopDelay.total ? `p50 ${r.serverLoopDelay.total.p50Ms} ms, p99 ${r.serverLoopDelay.total.p99Ms} ms, max ${r.serverLoopDelay.total.maxMs} ms` : 'no samples'}; ` +
        `while a ${largeMb} MB analysis ran: max ${r.serverLoopDelay.whileLarge.maxMs} ms (p99 of per-second p99 ${r.serverLoopDelay.whileLarge.p99OfSecondsP99Ms} ms); ` +
        `during the flood: max ${r.serverLoopDelay.duringFlood.maxMs} ms; bench's own loop: p99 ${r.benchLoopDelay.p99Ms} ms, max ${r.benchLoopDelay.maxMs} ms`,
      `server main thread: ${r.serverMainThread.cpuS} s on a CPU, ${r.serverMainThread.waitingForCpuS} s runnable but waiting for one, ` +
        `preempted ${r.serverMainThread.preempted} times; load average ${r.loadAverage.start} at the start, ${r.loadAverage.end} at the end`,
      `large analyses: ${r.large.done}, seconds each ${JSON.stringify(r.large.secondsEach)}`,
      `flood of ${r.flood.size}: ${JSON.stringify(r.flood.statuses)}; refusals without Retry-After: ${r.flood.refusalsWithoutRetryAfter}`,
      `RSS MB over time [s, MB]: ${JSON.stringify(r.rss.samples.filter((_, i, all) => i % Math.max(1, Math.floor(all.length / 24)) === 0 || i === all.length - 1))}`,
      `RSS over the last ${r.rss.lastWindowS} s: ${r.rss.lastWindowMinMb}–${r.rss.lastWindowMaxMb} MB, trend ${r.rss.lastWindowSlopeMbPerMin} MB/min; ` +
        `before the first large analysis ${r.rss.beforeFirstLargeMb ?? '–'} MB, peak ${r.rss.peakMb} MB, at the end ${r.rss.endMb} MB`,
      `main thread alone [s, heap MB, external MB]: ${JSON.stringify(r.rss.mainThread)}`,
    ].join('\n') + '\n',
  )
}
