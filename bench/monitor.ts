// npm run bench:monitor [-- --feeds 20 --per-feed 25 --threads 0 --claims 10000,30000,100000 --probe 300 --only e2e|clustering]
// Full size of issue 19: --feeds 200 --per-feed 100 --claims 10000,100000,1000000 (the 1M store fills in minutes).
//  1. End to end: a local feed server on 127.0.0.1 (generated articles over many feeds; a third repeat a rumour rated
//     false), `watch` in this process (poll, fetch, analyze, store, cluster, alert) delivering to a local webhook:
//     items/s, CPU per item, and alert latency to the webhook's receipt from the page's fetch (the target: p99 ≤ 2 s) and
//     from the item's first sighting (stored by the poll; includes queueing behind the items polled before it).
//     The feed server and webhook run in a child process (bench/monitor-servers.ts).
//  2. Clustering cost per new claim as the claim store grows (SQLite file, bulk-filled by bench/claim-store-fill.ts):
//     p50 / p99 wall and CPU of one report's claim added through the real clustering path, at each size.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { numberOption, stringOption } from './args.js'
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js'
import { clusterPolicy } from '../src/watch/claims.js'
import type { ClusterPolicy, NewArticleClaim } from '../src/store/claim-repository.js'
import { createClaimStoreFiller } from './claim-store-fill.js'
import { percentile, random, topicClaim } from './monitor-text.js'

const FEEDS = numberOption('feeds', 20)
const PER_FEED = numberOption('per-feed', 25)
const THREADS = numberOption('threads', 0)
const SIZES = stringOption('claims', '10000,30000,100000').split(',').map(Number)
const PROBE = numberOption('probe', 300)
const ONLY = stringOption('only', 'all')
const dir = mkdtempSync(join(tmpdir(), 'factsift-bench-monitor-'))

async function endToEnd(): Promise<void> {
  // The feed server and the webhook receiver run in a child process: their clocks are not held up by the analysis.
  const servers = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./monitor-servers.ts', import.meta.url)), String(PER_FEED)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const ask = <T>(message: string) => new Promise<T>((resolve) => (servers.once('message', (m) => resolve(m as T)), servers.send(message)))
  const { port, hookPort } = await ask<{ port: number; hookPort: number }>('ports')
  const hookUrl = `http://127.0.0.1:${hookPort}/`

  const db = join(dir, 'e2e.db')
  const [{ openAnalysisServices }, { createEngine }, backends, watch, { DEFAULT_LIMITS }, claims] = await Promise.all([
    import('../src/engine/services.js'),
    import('../src/engine/engine.js'),
    import('../src/watch/backends.js'),
    import('../src/watch/watcher.js'),
    import('../src/ingest/limits.js'),
    import('../src/watch/claims.js'),
  ])
  const limits = { ...DEFAULT_LIMITS, allowPrivateNetwork: true }
  const services = await openAnalysisServices({ db, limits, createDefault: true })
  const store = services.store!
  const url = 'https://factcheck.example.org/5g-birds'
  await store.factchecks.upsertMany([{ key: url, claim: 'The new 5G towers killed the birds at Lake Arden.', title: null, url, rating: 'False', ratingNormalized: 'false', factChecker: 'Example Fact Check Desk', reviewedAt: '2026-11-20', language: 'en', claimant: null }])
  for (let f = 0; f < FEEDS; f++) await store.feeds.add({ id: `fd-${f.toString(16).padStart(12, '0')}`, url: `http://127.0.0.1:${port}/feed${f}.rss`, name: `Outlet ${f}`, intervalMs: 3_600_000 }, Date.now())
  const inner = THREADS > 0 ? await backends.threadBackend(THREADS, db, limits, store) : backends.inProcessBackend(createEngine({ services }), store)
  // Jobs handed to the backend, time-weighted: with threads, below 2 per thread means a thread may wait for work.
  let inFlight = 0
  let inFlightSince = 0
  let inFlightArea = 0
  const count = (delta: number) => {
    const t = performance.now()
    inFlightArea += inFlight * (t - inFlightSince)
    inFlightSince = t
    inFlight += delta
  }
  const backend: typeof inner = {
    concurrency: inner.concurrency,
    analyze: (job) => (count(1), inner.analyze(job).finally(() => count(-1))),
    close: () => inner.close(),
  }
  const tracker = claims.createClaimTracker({ store, webhooks: [hookUrl] })
  const delivery = claims.createAlertDelivery({ store, secret: 'bench-secret-0123456789', owner: 'bench:1:x' })
  const firstSeen = new Map<string, number>()
  let trackMs = 0
  const watcher = watch.createWatcher({
    store,
    backend,
    limits,
    hostIntervalMs: 0,
    events: {
      // As `factsift watch --webhook` does: the outbox is woken once the report's claims and alerts are committed.
      afterReport: async (item, reportId, report) => {
        if (item.url) firstSeen.set(item.url, item.firstSeenAt)
        const t = performance.now()
        const alerts = await tracker.afterReport(item, reportId, report)
        trackMs += performance.now() - t
        if (alerts.length > 0) delivery.wake()
      },
    },
  })
  const started = Date.now()
  const cpu = process.cpuUsage()
  const mainCpu = mainThreadCpuMs()
  inFlightSince = performance.now()
  const runStart = inFlightSince
  const summary = await watcher.run({ once: true })
  await delivery.flush()
  const seconds = (Date.now() - started) / 1000
  const used = process.cpuUsage(cpu)
  const mainCpuMs = mainCpu === null ? null : mainThreadCpuMs()! - mainCpu
  count(0)
  const meanInFlight = inFlightArea / (performance.now() - runStart)
  delivery.close()
  await new Promise((r) => setTimeout(r, 200))
  const times = await ask<{ fetched: [string, number][]; received: [string, number][] }>('times')
  const fetchedAt = new Map(times.fetched)
  const afterFetch = times.received.filter(([u]) => fetchedAt.has(u)).map(([u, at]) => at - fetchedAt.get(u)!)
  const afterSeen = times.received.filter(([u]) => firstSeen.has(u)).map(([u, at]) => at - firstSeen.get(u)!)
  const counts = await store.claims.counts()
  const cpuMs = (used.user + used.system) / 1000
  console.log(`end to end: ${FEEDS} feeds × ${PER_FEED} items, threads ${THREADS}: ${summary.analyzed} analyzed in ${seconds.toFixed(1)} s = ${(summary.analyzed / seconds).toFixed(1)} items/s`)
  console.log(`  CPU (all threads of the watcher; the servers are another process): ${(cpuMs / summary.analyzed).toFixed(1)} ms per item, ${(cpuMs / 1000 / seconds).toFixed(2)} cores busy on average; claims, clusters and alerts ${(trackMs / summary.analyzed).toFixed(1)} ms per item (wall, main thread)`)
  console.log(`  analysis jobs in the backend: ${meanInFlight.toFixed(2)} on average (${2 * backend.concurrency} keep every thread busy; the watcher keeps up to ${watch.itemsInFlight(backend.concurrency)} items in flight, fetch and claims included)`)
  if (mainCpuMs !== null) console.log(`  CPU of the main thread alone (polls, pages, storing, claims, alerts; the rest is the analysis threads): ${(mainCpuMs / summary.analyzed).toFixed(1)} ms per item`)
  console.log(`  claim store: ${counts.claims} claims, ${counts.clusters} clusters, ${counts.alerts} alerts, ${counts.undelivered} undelivered`)
  if (afterFetch.length) console.log(`  alert latency, page fetched → webhook received: p50 ${percentile(afterFetch, 50)} ms, p99 ${percentile(afterFetch, 99)} ms over ${afterFetch.length} alerts`)
  if (afterSeen.length) console.log(`  alert latency, item first seen by the poll → webhook (includes waiting behind the items polled before it): p50 ${percentile(afterSeen, 50)} ms, p99 ${percentile(afterSeen, 99)} ms`)
  await backend.close()
  await store.close()
  servers.disconnect()
}

/** This thread's CPU time (Linux: /proc/self/task/<pid>/stat, clock ticks of 10 ms), or null elsewhere. */
function mainThreadCpuMs(): number | null {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return null
  }
}

function syntheticClaim(i: number, seenAt: number): { topic: number; claim: NewArticleClaim } {
  // 2% repeat one hot topic (a rumour everyone repeats: its cluster grows with the store), half of the rest one of the
  // topics seen so far, the others start a new one.
  const r = random()
  const topic = r < 0.02 ? 0 : r < 0.51 && i > 0 ? Math.floor(random() * (i / 2)) : i
  const text = topicClaim(topic, i)
  return { topic, claim: { claimIndex: 0, text, sentence: 0, start: 0, end: text.length, articleUrl: null, articleTitle: null, outlet: `Outlet ${i % 200}`, speaker: null, publishedAt: null, seenAt, checkworthiness: 0.7, verdict: null, factchecks: [], stance: { agree: 0, disagree: 0, discuss: 0 } } }
}

async function clusteringCost(): Promise<void> {
  const path = join(dir, 'growth.db')
  const store = openSqliteStore(path)
  const filler = createClaimStoreFiller(path)
  const base = clusterPolicy()
  let chooseMs = 0
  const policy: ClusterPolicy = {
    ...base,
    alerts: () => [],
    choose(text, candidates) {
      const t = performance.now()
      const choice = base.choose(text, candidates)
      chooseMs += performance.now() - t
      return choice
    },
  }
  let n = 0
  try {
    for (const size of SIZES) {
      const fillStart = Date.now()
      filler.fill(
        (function* () {
          for (; n < size; n++) {
            const c = syntheticClaim(n, n)
            yield { seq: n, topic: c.topic, text: c.claim.text, outlet: c.claim.outlet!, seenAt: n }
          }
        })(),
      )
      const fillMs = Date.now() - fillStart
      const times: number[] = []
      chooseMs = 0
      const cpu = process.cpuUsage()
      const cpuTimes: number[] = []
      for (let k = 0; k < PROBE; k++) {
        const claim = syntheticClaim(n, n).claim
        const c = process.cpuUsage()
        const t = process.hrtime.bigint()
        await store.claims.addReportClaims(`probe-${n}`, [claim], policy, { webhooks: [], now: n++ })
        times.push(Number(process.hrtime.bigint() - t) / 1e6)
        const u = process.cpuUsage(c)
        cpuTimes.push((u.user + u.system) / 1000)
      }
      const used = process.cpuUsage(cpu)
      const counts = await store.claims.counts()
      console.log(
        `  ${String(counts.claims).padStart(8)} claims (${counts.clusters} clusters): p50 ${percentile(times, 50).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms per new claim; CPU p50 ${percentile(cpuTimes, 50).toFixed(2)} ms, p99 ${percentile(cpuTimes, 99).toFixed(2)} ms, mean ${((used.user + used.system) / 1000 / PROBE).toFixed(2)} ms (similarity model ${(chooseMs / PROBE).toFixed(2)} ms) (fill ${(fillMs / 1000).toFixed(0)} s)`,
      )
    }
  } finally {
    await store.close()
  }
}

try {
  const os = await import('node:os')
  const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ')
  console.log(`bench:monitor on this machine (${os.cpus().length} cores, shared); load average ${load()}`)
  if (ONLY !== 'clustering') await endToEnd()
  if (ONLY !== 'e2e') {
    console.log('clustering cost per new claim (SQLite, one transaction per report, synthetic claims: half repeat an earlier topic, 2% one hot topic):')
    await clusteringCost()
  }
  console.log(`load average at the end: ${load()}`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
