// npm run bench:monitor [-- --feeds 20 --per-feed 25 --threads 0 --claims 10000,30000,100000 --probe 300]
// Full size of issue 19: --feeds 200 --per-feed 100 --claims 10000,100000,1000000 (hours on a small machine).
//  1. End to end: a local feed server on 127.0.0.1 (generated articles over many feeds; a third repeat a rumour rated
//     false), `watch` in this process (poll, fetch, analyze, store, cluster, alert) delivering to a local webhook:
//     items/s, and alert latency from the item's first sighting (stored by the poll) to the webhook's receipt.
//  2. Clustering cost per new claim as the claim store grows (SQLite file): p50 / p99 of one report's claims added.
import { createServer } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { numberOption, stringOption } from './args.js'
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js'
import { clusterPolicy } from '../src/watch/claims.js'
import type { NewArticleClaim } from '../src/store/claim-repository.js'
import { createClaimStoreFiller } from './claim-store-fill.js'

const FEEDS = numberOption('feeds', 20)
const PER_FEED = numberOption('per-feed', 25)
const THREADS = numberOption('threads', 0)
const SIZES = stringOption('claims', '10000,30000,100000').split(',').map(Number)
const PROBE = numberOption('probe', 300)
const ONLY = stringOption('only', 'all')
const dir = mkdtempSync(join(tmpdir(), 'factsift-bench-monitor-'))

const WORDS = 'council budget harbor bridge school river tower vaccine election mayor police hospital water power road tax farm storm flood fire rail port airport museum library park market bank factory mine'.split(' ')
const PLACES = 'Arden Millbrook Riverton Northside Valley Eastport Westfield Oakridge Pinecrest Lakeside Summit Harbor'.split(' ')
let seed = 42
const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!

/** A pseudo-word of the synthetic vocabulary (50,000 words): topics differ in their rare words, as real claims do. */
const word = (n: number) => `v${((n * 2654435761) >>> 0).toString(36).slice(0, 5)}`

/** One claim of `topic`: 7 topic words (its identity) and one varying word, so repeats of a topic are near-duplicates. */
function topicClaim(topic: number, variant: number): string {
  const words = Array.from({ length: 7 }, (_, k) => word((topic * 7 + k) % 50_000 + topic))
  return `Officials said ${words.slice(0, 4).join(' ')} ${pick(['rose', 'fell', 'doubled'])} in ${words.slice(4).join(' ')} ${word(variant)}.`
}

function sentence(topic: number): string {
  return `The ${WORDS[topic % WORDS.length]} in ${PLACES[Math.floor(topic / WORDS.length) % PLACES.length]} will cost ${topic % 97 + 3} million dollars after ${pick(WORDS)} officials ${pick(['approved', 'rejected', 'delayed'])} plan ${topic}.`
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!
}

async function endToEnd(): Promise<void> {
  const rumour = 'The new 5G towers killed the birds at Lake Arden, residents say.'
  const received = new Map<string, number>()
  const hook = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      received.set(JSON.parse(body).article?.reportId ?? String(received.size), Date.now())
      res.writeHead(200).end()
    })
  })
  const pages = createServer((req, res) => {
    const m = /^\/feed(\d+)\.rss$/.exec(req.url ?? '') ?? null
    const a = /^\/a\/(\d+)\/(\d+)\.html$/.exec(req.url ?? '') ?? null
    if (req.url === '/robots.txt') return void res.writeHead(404).end()
    if (m) {
      const f = Number(m[1])
      const items = Array.from({ length: PER_FEED }, (_, i) => `<item><title>Story ${f}-${i}</title><link>http://127.0.0.1:${port}/a/${f}/${i}.html</link><guid>${f}-${i}</guid></item>`).join('')
      return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet ${f}</title>${items}</channel></rss>`)
    }
    if (a) {
      const [f, i] = [Number(a[1]), Number(a[2])]
      const topic = f * PER_FEED + i
      const lead = i % 3 === 0 ? rumour : `${topicClaim(topic, i)}`
      const body = `${lead} ${topicClaim(topic + 100_000, i)} According to the city, ${topic % 50} residents attended the meeting on Monday.`
      return void res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html><head><title>Story ${f}-${i}</title></head><body><article><h1>Story ${f}-${i}</h1><p>${body}</p></article></body></html>`)
    }
    res.writeHead(404).end()
  })
  await new Promise<void>((r) => pages.listen(0, '127.0.0.1', r))
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r))
  const port = (pages.address() as { port: number }).port
  const hookUrl = `http://127.0.0.1:${(hook.address() as { port: number }).port}/`

  const db = join(dir, 'e2e.db')
  const [{ openAnalysisServices }, { createEngine }, backends, { createWatcher }, { DEFAULT_LIMITS }, claims] = await Promise.all([
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
  const backend = THREADS > 0 ? await backends.threadBackend(THREADS, db, limits) : backends.inProcessBackend(createEngine({ services }), store)
  const tracker = claims.createClaimTracker({ store, webhooks: [hookUrl] })
  const delivery = claims.createAlertDelivery({ store, secret: 'bench-secret-0123456789', owner: 'bench:1:x' })
  const seen = new Map<string, number>()
  const watcher = createWatcher({
    store,
    backend,
    limits,
    hostIntervalMs: 0,
    events: {
      afterReport: async (item, reportId) => {
        seen.set(reportId, item.firstSeenAt)
        await tracker.afterReport(item, reportId)
        void delivery.flush()
      },
    },
  })
  const started = Date.now()
  const summary = await watcher.run({ once: true })
  await delivery.flush()
  const seconds = (Date.now() - started) / 1000
  await new Promise((r) => setTimeout(r, 200))
  const latencies = [...received].filter(([id]) => seen.has(id)).map(([id, at]) => at - seen.get(id)!)
  const counts = await store.claims.counts()
  console.log(`end to end: ${FEEDS} feeds × ${PER_FEED} items, threads ${THREADS}: ${summary.analyzed} analyzed in ${seconds.toFixed(1)} s = ${(summary.analyzed / seconds).toFixed(1)} items/s`)
  console.log(`  claim store: ${counts.claims} claims, ${counts.clusters} clusters, ${counts.alerts} alerts, ${counts.undelivered} undelivered`)
  if (latencies.length) console.log(`  alert latency (first seen → webhook; includes waiting behind the items polled with it): p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms over ${latencies.length} alerts`)
  await backend.close()
  await store.close()
  pages.close()
  hook.close()
}

function syntheticClaim(i: number, seenAt: number): { topic: number; claim: NewArticleClaim } {
  // Half the claims repeat one of the topics seen so far; half start a new one.
  const topic = random() < 0.5 && i > 0 ? Math.floor(random() * (i / 2)) : i
  const text = topicClaim(topic, i)
  return { topic, claim: { claimIndex: 0, text, sentence: 0, start: 0, end: text.length, articleUrl: null, articleTitle: null, outlet: `Outlet ${i % 200}`, speaker: null, publishedAt: null, seenAt, checkworthiness: 0.7, verdict: null, factchecks: [], stance: { agree: 0, disagree: 0, discuss: 0 } } }
}

async function clusteringCost(): Promise<void> {
  const path = join(dir, 'growth.db')
  const store = openSqliteStore(path)
  const filler = createClaimStoreFiller(path)
  const policy = { ...clusterPolicy(), alerts: () => [] }
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
      const cpu = process.cpuUsage()
      for (let k = 0; k < PROBE; k++) {
        const t = process.hrtime.bigint()
        await store.claims.addReportClaims(`probe-${n}`, [syntheticClaim(n, n).claim], policy, { webhooks: [], now: n++ })
        times.push(Number(process.hrtime.bigint() - t) / 1e6)
      }
      const used = process.cpuUsage(cpu)
      const counts = await store.claims.counts()
      console.log(
        `  ${String(counts.claims).padStart(8)} claims (${counts.clusters} clusters): p50 ${percentile(times, 50).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms per new claim, CPU ${((used.user + used.system) / 1000 / PROBE).toFixed(2)} ms (fill ${(fillMs / 1000).toFixed(0)} s)`,
      )
    }
  } finally {
    await store.close()
  }
}

try {
  console.log(`bench:monitor on this machine (${(await import('node:os')).cpus().length} cores, shared)`)
  if (ONLY !== 'clustering') await endToEnd()
  if (ONLY !== 'e2e') {
    console.log('clustering cost per new claim (SQLite, one transaction per report, synthetic claims, half repeating an earlier topic):')
    await clusteringCost()
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
