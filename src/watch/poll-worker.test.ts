// Repeatable poll jobs against the real Redis and PostgreSQL (issue 19): two `factsift worker --feeds` processes poll
// feeds served over HTTP, one poll per feed at a time, analyze every item once and cluster the claims together
// without duplicate clusters or lost counts; the schedulers follow feeds added and removed. Then many connections
// write the same claims at once.
import { test, after, before } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'
import type { AddressInfo } from 'node:net'
import type { Queue } from 'bullmq'
import { serviceSkip, TEST_POSTGRES_URL, TEST_REDIS_URL, withPostgres, deleteRedisKeys } from '../test-support/services.js'
import type { Store } from '../store/types.js'
import type { ClusterPolicy, NewArticleClaim } from '../store/claim-repository.js'
import { feedId } from '../feeds/item-key.js'
import { FactsiftError } from '../errors.js'
import { feedQueueName, pollSchedulerId, type PollJobData, type PollJobResult } from '../queue/poll-jobs.js'

test('--feeds refuses a SQLite store and webhooks without a signing secret, with coded errors', async () => {
  const { startPollWorker } = await import('./poll-worker.js')
  const { DEFAULT_LIMITS } = await import('../ingest/limits.js')
  const runner = { run: () => Promise.reject(new Error('unused')), close: async () => {} }
  const base = { queue: 'redis://127.0.0.1:1', runner, threads: 1, limits: DEFAULT_LIMITS, log: () => {} }
  const coded = (code: string) => (error: unknown) => error instanceof FactsiftError && error.code === code
  await assert.rejects(startPollWorker({ ...base, db: '/tmp/factsift.db' }), coded('E_BAD_ARGUMENT'))
  await assert.rejects(startPollWorker({ ...base, db: 'postgres://u@127.0.0.1/x', webhooks: ['https://hooks.example/a'], webhookSecret: 'short' }), coded('E_CONFIG'))
})

const skip = (await serviceSkip('postgres')) || (await serviceSkip('redis'))
const run = randomBytes(5).toString('hex')
const schema = `factsift_pollq_${run}`
const prefix = `factsift-test-${run}`
const QUEUE_NAME = `poll-${run}`
const WORKER_CLI = fileURLToPath(new URL('../queue/test-support/worker-cli.ts', import.meta.url))
const REPO = fileURLToPath(new URL('../..', import.meta.url))

function withParams(url: string, params: Record<string, string>): string {
  const parsed = new URL(url)
  for (const [key, value] of Object.entries(params)) parsed.searchParams.set(key, value)
  return parsed.toString()
}
const db = withParams(TEST_POSTGRES_URL, { schema })
const queueUrl = withParams(TEST_REDIS_URL, { queue: QUEUE_NAME, prefix })

/** Said by an article in every feed: the three articles must land in one cluster, whoever clusters them. */
const SHARED = 'The national health agency confirmed on Tuesday that 4,200 people were admitted to hospitals with the virus last week.'
const article = (n: number) =>
  `Officials in Ohio said on Monday that project ${n} was approved. Reports emerged that it cost ${n} million dollars, ` +
  `according to a spokesperson for the council. Critics were quick to respond.`
const sharedArticle = (feed: string) => `Reporters of outlet ${feed} attended the briefing in the capital. ${SHARED} Doctors said wards were full.`

/** The feeds the server answers: path → its items. A feed's first request is slow, so its next poll job comes during it. */
const FEEDS: Record<string, { guid: string; text: string; link?: string }[]> = {
  a: [{ guid: 'a-shared', text: sharedArticle('A') }, { guid: 'a-1', text: article(1) }],
  b: [{ guid: 'b-shared', text: sharedArticle('B') }, { guid: 'b-2', text: article(2) }],
  c: [{ guid: 'c-shared', text: sharedArticle('C') }, { guid: 'c-3', text: article(3) }],
  d: [{ guid: 'd-4', text: article(4) }],
  // Its page's first request never answers: the worker analyzing it is "mid-item" for as long as the test likes.
  e: [{ guid: 'e-slow', text: 'Summary only.', link: '/slow' }],
}
let slowRequests = 0
let announceHeld: () => void = () => {}
const requests = new Map<string, { total: number; inFlight: number; maxInFlight: number }>()
let server: Server
let base = ''
let store: Store | null = null
const children = new Set<ChildProcess>()
let workers: { child: ChildProcess; stderr: () => string }[] = []

function rss(name: string): string {
  const items = FEEDS[name]!.map(
    (i) => `<item><title>${i.guid}</title>${i.link ? `<link>${base}${i.link}</link>` : ''}<guid isPermaLink="false">${i.guid}</guid><description>${i.text}</description></item>`,
  )
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${name}</title>${items.join('')}</channel></rss>`
}

async function startWorker(): Promise<{ child: ChildProcess; stderr: () => string }> {
  // --timeout: the held page request outlives the test rather than failing the item.
  const args = ['--timeout', '120000', '--feeds', '--allow-private-network', '--sync-ms', '1000', '--host-interval', '1', '--lock-ms', '5000', '--stalled-ms', '2000']
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER_CLI, 'worker', '--queue', queueUrl, '--db', db, ...args], {
    cwd: REPO,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, FACTSIFT_PG_POOL_SIZE: '3' },
  })
  children.add(child)
  child.once('exit', () => children.delete(child))
  let stderr = ''
  child.stderr!.on('data', (data) => (stderr += data))
  // Loading tsx, the models and a warm-up analysis: past a minute on a loaded machine (this bounds a hang, it times nothing).
  const deadline = Date.now() + 240_000
  while (!/processing queue/.test(stderr)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`worker did not start: ${stderr}`)
    await sleep(50)
  }
  return { child, stderr: () => stderr }
}


async function withFeedQueue<T>(body: (queue: Queue<PollJobData, PollJobResult>) => Promise<T>): Promise<T> {
  const [{ Queue }, { Redis }] = await Promise.all([import('bullmq'), import('ioredis')])
  const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null })
  const queue: Queue<PollJobData, PollJobResult> = new Queue(feedQueueName({ name: QUEUE_NAME }), { connection, prefix })
  try {
    return await body(queue)
  } finally {
    await queue.close()
    connection.disconnect()
  }
}

/** Waits for a condition (not a timing assertion: only the test's own timeout bounds it). */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}\n${workers.map((w) => w.stderr()).join('\n')}`)
    await sleep(250)
  }
}

const countAnalyzed = () => withPostgres(async (c) => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.feed_items WHERE status = 'analyzed'`)).rows[0]!.n)
const pollJobs = () => withFeedQueue(async (q) => (await q.getJobs(['completed'], 0, -1)).map((j) => j.returnvalue))
const schedulerKeys = () => withFeedQueue(async (q) => (await q.getJobSchedulers(0, -1, true)).map((s) => s.key).sort())

before(async () => {
  if (skip) return
  server = createServer((request, response) => {
    if (request.url === '/slow') {
      if (++slowRequests === 1) return announceHeld()
      const body = `<p>${article(60)}</p><p>${article(61)}</p>`
      return void response.writeHead(200, { 'content-type': 'text/html' }).end(`<html><head><title>Slow story</title></head><body><article>${body}</article></body></html>`)
    }
    const name = /^\/feed\/([a-z])$/.exec(request.url ?? '')?.[1]
    if (!name || !FEEDS[name]) return void response.writeHead(404).end()
    const stats = requests.get(name) ?? { total: 0, inFlight: 0, maxInFlight: 0 }
    requests.set(name, stats)
    stats.total++
    stats.inFlight++
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight)
    setTimeout(() => {
      stats.inFlight--
      response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(name))
    }, stats.total === 1 ? 1500 : 50)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const { openStore } = await import('../store/open-store.js')
  store = await openStore(db) // creates the schema before the workers race to
  workers = await Promise.all([startWorker(), startWorker()])
})

after(async () => {
  await Promise.all([...children].map((child) => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGKILL')))))
  await store?.close()
  server?.closeAllConnections()
  server?.close()
  if (skip) return
  await deleteRedisKeys(prefix)
  await withPostgres((client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`))
})

test('two workers run the feeds’ poll jobs: one poll per feed at a time, every item once, one cluster per claim', { skip, timeout: 300_000 }, async () => {
  const s = store!
  const add = (name: string) => s.feeds.add({ id: feedId(`${base}/feed/${name}`), url: `${base}/feed/${name}`, name: `Outlet ${name.toUpperCase()}`, intervalMs: 1000 }, Date.now())
  for (const name of ['a', 'b', 'c']) await add(name)
  // The workers' sync (every second) finds the new feeds: one scheduler each.
  await until('a scheduler per feed', async () => (await schedulerKeys()).length === 3)
  assert.deepEqual(await schedulerKeys(), ['a', 'b', 'c'].map((n) => pollSchedulerId(feedId(`${base}/feed/${n}`))).sort())
  await until('6 items analyzed', async () => (await countAnalyzed()) === 6)
  // An item is marked analyzed just before its claims are clustered: wait for that step too.
  await until('claims of 6 reports tracked', async () => (await withPostgres((c) => c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.claim_reports`))).rows[0]!.n >= 6)
  // Polled again and again (every = 1 s), by both workers.
  await until('each feed polled twice, by both workers', async () => {
    const polled = (await pollJobs()).filter((r) => r.polled)
    return ['a', 'b', 'c'].every((n) => (requests.get(n)?.total ?? 0) >= 2) && new Set(polled.map((r) => r.worker)).size === 2
  })
  for (const [name, stats] of requests) assert.equal(stats.maxInFlight, 1, `feed ${name}: one poll at a time`)
  assert.ok((await pollJobs()).some((r) => !r.polled), 'some poll jobs found their feed held or not due and left it')

  const ids = ['a', 'b', 'c'].flatMap((n) => FEEDS[n]!.map((i) => i.guid))
  await withPostgres(async (c) => {
    const reports = await c.query<{ n: number; ids: number }>(`SELECT count(*)::int AS n, count(DISTINCT id)::int AS ids FROM ${schema}.reports`)
    assert.deepEqual(reports.rows[0], { n: ids.length, ids: ids.length }, 'each item analyzed once')
    const tracked = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.claim_reports`)
    assert.equal(tracked.rows[0]!.n, ids.length, 'claims of each report tracked once')
    const split = await c.query(`SELECT text FROM ${schema}.article_claims GROUP BY text HAVING count(DISTINCT cluster_id) > 1`)
    assert.deepEqual(split.rows, [], 'no claim text in two clusters')
    // Counts kept by concurrent updates match the rows they count.
    const counts = await c.query(
      `SELECT k.id, k.article_count, k.claim_count, count(DISTINCT a.report_id)::int AS reports, count(*)::int AS claims,
         (SELECT count(*)::int FROM ${schema}.claim_cluster_outlets o WHERE o.cluster_id = k.id) AS outlets, k.outlet_count
       FROM ${schema}.claim_clusters k JOIN ${schema}.article_claims a ON a.cluster_id = k.id GROUP BY k.id`,
    )
    assert.ok(counts.rows.length > 0)
    for (const row of counts.rows) {
      assert.equal(row.article_count, row.reports, `cluster ${row.id}: article count`)
      assert.equal(row.claim_count, row.claims, `cluster ${row.id}: claim count`)
      assert.equal(row.outlet_count, row.outlets, `cluster ${row.id}: outlet count`)
    }
    const clusters = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.claim_clusters`)
    const df = await c.query<{ df: number }>(`SELECT df FROM ${schema}.claim_terms WHERE term = '#clusters'`)
    assert.equal(df.rows[0]!.df, clusters.rows[0]!.n, 'the cluster count of the term index')
    const shared = await c.query<{ clusters: number; reports: number; article_count: number }>(
      `SELECT count(DISTINCT a.cluster_id)::int AS clusters, count(DISTINCT a.report_id)::int AS reports, max(k.article_count) AS article_count
       FROM ${schema}.article_claims a JOIN ${schema}.claim_clusters k ON k.id = a.cluster_id WHERE a.text LIKE '%4,200 people%'`,
    )
    assert.deepEqual(shared.rows[0], { clusters: 1, reports: 3, article_count: 3 }, 'the claim of three outlets is one cluster of three articles')
  })

  // A feed removed and another added: the schedulers follow; the removed feed is not polled any more.
  await s.feeds.remove(`${base}/feed/c`)
  await add('d')
  await until('schedulers follow the feed list', async () => (await schedulerKeys()).join() === ['a', 'b', 'd'].map((n) => pollSchedulerId(feedId(`${base}/feed/${n}`))).sort().join())
  await until('the new feed’s item analyzed', async () => (await countAnalyzed()) === 7)
  await sleep(1500) // a poll of c that had started before the removal ends
  const pollsOfC = requests.get('c')!.total
  const marks = ['a', 'b'].map((n) => requests.get(n)!.total)
  await until('a and b polled twice more', async () => ['a', 'b'].every((n, i) => requests.get(n)!.total >= marks[i]! + 2))
  assert.equal(requests.get('c')!.total, pollsOfC, 'the removed feed is not polled')

  // SIGTERM: both finish what they hold and exit cleanly.
  const codes = await Promise.all(workers.map(({ child }) => new Promise<number | null>((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')))))
  assert.deepEqual(codes, [0, 0], workers.map((w) => w.stderr()).join('\n'))
  for (const w of workers) assert.match(w.stderr(), /stopped after \d+ done, \d+ failed; \d+ feed polls, \d+ items analyzed/)
})

test('a worker SIGKILLed mid-item: a worker starting on the host releases its claims; the item is analyzed once', { skip, timeout: 300_000 }, async () => {
  const s = store!
  const held = new Promise<void>((resolve) => (announceHeld = resolve))
  const doomed = await startWorker()
  workers = [doomed]
  const url = `${base}/feed/e`
  await s.feeds.add({ id: feedId(url), url, name: 'Outlet E', intervalMs: 1000 }, Date.now())
  await held
  const [item] = await s.feeds.listItems({ feedId: feedId(url) })
  assert.equal(item?.status, 'analyzing')
  doomed.child.kill('SIGKILL')
  await new Promise((resolve) => doomed.child.once('exit', resolve))
  // Its item claim (10 min lease) and any feed claim are released by the next worker starting on this host.
  const survivor = await startWorker()
  workers = [survivor]
  await until('the slow item analyzed', async () => (await s.feeds.getItem(item.id))?.status === 'analyzed')
  assert.equal(slowRequests, 2, 'fetched once by the killed worker, once more by the survivor')
  assert.match((await s.reports.get(item.id))?.document.text ?? '', /project 60 was approved/, 'the page was analyzed, not the summary')
  await until('its claims tracked', () => s.claims.hasReport(item.id))
  const rows = await withPostgres((c) => c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.reports WHERE id = $1`, [item.id]))
  assert.equal(rows.rows[0]!.n, 1)
  const polls = requests.get('e')!.total
  await until('feed e polled again (its claim released)', async () => requests.get('e')!.total > polls)
  assert.equal(await new Promise((resolve) => (survivor.child.once('exit', resolve), survivor.child.kill('SIGTERM'))), 0)
})

test('many connections clustering at once: one cluster per claim, exact counts, a report counted once', { skip }, async () => {
  const { openStore } = await import('../store/open-store.js')
  const stores = await Promise.all([0, 1, 2, 3].map(() => openStore(db)))
  // Joins the candidate with the same text: the outcome depends only on what is stored, not on the similarity model.
  const policy: ClusterPolicy = {
    choose: (text, candidates) => {
      const same = candidates.find((c) => c.representative === text)
      return same ? { id: same.id, similarity: 1 } : null
    },
    alerts: () => [],
  }
  const claim = (claimIndex: number, text: string, outlet: string): NewArticleClaim => ({
    claimIndex, text, sentence: 0, start: 0, end: text.length, articleUrl: null, articleTitle: null, outlet, speaker: null,
    publishedAt: null, seenAt: Date.now(), checkworthiness: 0.9, verdict: null, factchecks: [], stance: { agree: 0, disagree: 0, discuss: 0 },
  })
  const RUMOUR = `Bridge ${run} over the river was closed by the army after cracks were found in its pillars.`
  const OTHER = `The harbour ${run} received 70 ships carrying grain in a single week according to port records.`
  try {
    const R = 24
    await Promise.all([
      ...Array.from({ length: R }, (_, r) =>
        stores[r % stores.length]!.claims.addReportClaims(`conc-${run}-${r}`, [claim(0, RUMOUR, `outlet-${r % 5}`), claim(1, r % 2 ? OTHER : `Unique claim ${r} of ${run} about tides.`, `outlet-${r % 5}`)], policy, { webhooks: [], now: Date.now() }),
      ),
      // The same report from every connection at once (a job retried while its first run still goes on): counted once.
      ...stores.map((st) => st.claims.addReportClaims(`conc-${run}-same`, [claim(0, RUMOUR, 'outlet-x')], policy, { webhooks: [], now: Date.now() })),
    ])
    await withPostgres(async (c) => {
      const rows = await c.query<{ representative: string; article_count: number; claim_count: number; outlet_count: number }>(
        `SELECT representative, article_count, claim_count, outlet_count FROM ${schema}.claim_clusters WHERE representative IN ($1, $2) ORDER BY representative`,
        [RUMOUR, OTHER],
      )
      assert.deepEqual(rows.rows, [
        { representative: RUMOUR, article_count: R + 1, claim_count: R + 1, outlet_count: 6 },
        { representative: OTHER, article_count: R / 2, claim_count: R / 2, outlet_count: 5 },
      ].sort((x, y) => x.representative.localeCompare(y.representative)))
      const same = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.article_claims WHERE report_id = $1`, [`conc-${run}-same`])
      assert.equal(same.rows[0]!.n, 1)
    })
  } finally {
    await Promise.all(stores.map((st) => st.close()))
  }
})
