// `watch --queue` against the real Redis and PostgreSQL: a watch round over local file:// feeds, analyzed by an
// in-process `factsift worker`; every item analyzed once, claims tracked once per report, re-enqueueing joins the job.
import { test, after, before } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL, fileURLToPath } from 'node:url'
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { serviceSkip, TEST_POSTGRES_URL, TEST_REDIS_URL } from '../test-support/services.js'
import type { Store } from '../store/types.js'
import type { QueueWorker } from '../queue/queue-worker.js'
import { DEFAULT_LIMITS } from '../ingest/limits.js'
import { feedId } from '../feeds/item-key.js'
import { FactsiftError } from '../errors.js'
import { createWatcher } from './watcher.js'
import { createClaimTracker } from './claims.js'
import { assertQueueStore, queueBackend } from './queue-backend.js'

test('--queue refuses a SQLite store with a coded error', () => {
  for (const db of [undefined, '/tmp/factsift.db', ':memory:']) {
    assert.throws(() => assertQueueStore(db), (error: unknown) => error instanceof FactsiftError && error.code === 'E_BAD_ARGUMENT' && /postgres/.test(error.message))
  }
  assert.doesNotThrow(() => assertQueueStore('postgres://u@127.0.0.1/db'))
})

const skip = (await serviceSkip('postgres')) || (await serviceSkip('redis'))
const run = randomBytes(5).toString('hex')
const dir = mkdtempSync(join(tmpdir(), 'factsift-watch-queue-'))
const schema = `factsift_watchq_${run}`
const prefix = `factsift-test-${run}`
const QUEUE_NAME = `watch-${run}`

function withParams(url: string, params: Record<string, string>): string {
  const parsed = new URL(url)
  for (const [key, value] of Object.entries(params)) parsed.searchParams.set(key, value)
  return parsed.toString()
}

const db = withParams(TEST_POSTGRES_URL, { schema })
const queue = withParams(TEST_REDIS_URL, { queue: QUEUE_NAME, prefix })

const article = (n: number) =>
  `Officials in Ohio said on Monday that project ${n} was approved. Reports emerged that it cost ${n} million dollars, ` +
  `according to a spokesperson for the council. Critics were quick to respond.`
const page = (n: number) => `<!doctype html><html><head><title>Page ${n}</title></head><body><article><h1>Page ${n}</h1><p>${article(n)}</p><p>${article(n + 50)}</p></article></body></html>`

/** An RSS feed in `dir`: `linked` items with a file:// page beside it, `inline` items carrying their own text. */
function writeFeed(name: string, linked: number[], inline: number[]): string {
  const items = [
    ...linked.map((n) => {
      const path = join(dir, `page-${n}.html`)
      writeFileSync(path, page(n))
      return `<item><title>Story ${n}</title><link>${pathToFileURL(path).href}</link><guid>story-${n}</guid><description>Summary of story ${n}.</description><pubDate>Mon, 12 May 2025 10:00:00 GMT</pubDate></item>`
    }),
    ...inline.map((n) => `<item><title>Story ${n}</title><guid isPermaLink="false">inline-${n}</guid><description>${article(n)}</description></item>`),
  ]
  const path = join(dir, name)
  writeFileSync(path, `<?xml version="1.0"?><rss version="2.0"><channel><title>${name}</title>${items.join('')}</channel></rss>`)
  return pathToFileURL(path).href
}

let store: Store | null = null
let worker: QueueWorker | null = null

before(async () => {
  if (skip) return
  const { openStore } = await import('../store/open-store.js')
  store = await openStore(db)
  const { startQueueWorker } = await import('../queue/queue-worker.js')
  worker = await startQueueWorker({ queue, db, concurrency: 2, log: () => {} })
})

after(async () => {
  await worker?.close()
  await store?.close()
  rmSync(dir, { recursive: true, force: true })
  if (skip) return
  const [{ Queue }, { Redis }, { default: pg }] = await Promise.all([import('bullmq'), import('ioredis'), import('pg')])
  const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null })
  const q = new Queue(QUEUE_NAME, { connection, prefix })
  await q.obliterate({ force: true })
  await q.close()
  const keys = await connection.keys(`${prefix}:*`)
  if (keys.length > 0) await connection.del(...keys)
  connection.disconnect()
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL })
  await client.connect()
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  await client.end()
})

test('a watch round through the queue: every item analyzed once by the workers, claims tracked once per report', { skip }, async () => {
  const s = store!
  const feeds = [writeFeed('one.xml', [1, 2, 3], [4]), writeFeed('two.xml', [5], [6, 7])]
  for (const url of feeds) await s.feeds.add({ id: feedId(url), url, name: url.endsWith('one.xml') ? 'Outlet One' : 'Outlet Two', intervalMs: 3_600_000 }, Date.now())
  const backend = await queueBackend({ queue, store: s, depth: 4, pollMs: 50, log: () => {} })
  const tracker = createClaimTracker({ store: s, webhooks: [] })
  const afterReports: string[] = []
  const watcher = createWatcher({
    store: s,
    backend,
    limits: DEFAULT_LIMITS,
    hostIntervalMs: 0,
    events: {
      async afterReport(item, reportId) {
        afterReports.push(reportId)
        await tracker.afterReport(item, reportId)
      },
    },
  })
  try {
    const summary = await watcher.run({ once: true })
    assert.equal(summary.feedsPolled, 2)
    assert.equal(summary.newItems, 7)
    assert.equal(summary.analyzed, 7)
    assert.equal(summary.failed, 0)
    assert.deepEqual(await s.feeds.countItems(), { new: 0, analyzing: 0, analyzed: 7, failed: 0, duplicate: 0 })
    const items = await s.feeds.listItems({ status: 'analyzed' })
    assert.equal(new Set(afterReports).size, 7, 'afterReport once per report')
    assert.deepEqual([...afterReports].sort(), items.map((i) => i.id).sort())
    for (const item of items) {
      assert.equal(item.reportId, item.id)
      assert.ok(await s.claims.hasReport(item.id), `claims of ${item.id} tracked`)
      const report = await s.reports.get(item.id)
      assert.equal(report?.document.title, item.title, 'the stated title travels with the job')
    }
    assert.equal(worker!.stats.completed, 7, 'the worker analyzed each item once')
    assert.equal(backend.stats.enqueued, 7)

    // The next round finds nothing new: nothing enqueued, nothing analyzed again.
    const second = await watcher.round()
    assert.equal(second.analyzed + second.newItems, 0)
    assert.equal(worker!.stats.completed, 7)

    // A restarted watcher (or a second one) enqueueing an item already done joins its job: no second analysis.
    const again = await backend.analyze({ id: items[0]!.id, input: { text: 'never analyzed' }, where: 'again' })
    assert.equal(again.ok, true)
    assert.equal(backend.stats.joined, 1)
    assert.equal(worker!.stats.completed, 7)
  } finally {
    await backend.close()
  }
})

test('two watchers enqueueing the same new item share one job; a bad article fails with its code', { skip }, async () => {
  const s = store!
  const [a, b] = await Promise.all([0, 1].map(() => queueBackend({ queue, store: s, pollMs: 50, log: () => {} })))
  try {
    const before = worker!.stats.completed
    const job = { id: `fi-shared-${run}`, input: { title: 'Shared story', text: article(42) }, where: 'shared' }
    const [x, y] = await Promise.all([a!.analyze(job), b!.analyze(job)])
    assert.equal(x.ok && y.ok, true)
    assert.equal(worker!.stats.completed, before + 1, 'analyzed once')
    const { default: pg } = await import('pg')
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL })
    await client.connect()
    try {
      const rows = await client.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${schema}.reports WHERE id = $1`, [job.id])
      assert.equal(rows.rows[0]!.n, 1)
    } finally {
      await client.end()
    }

    const bad = await a!.analyze({ id: `fi-blank-${run}`, input: { text: '\u200b\u200b' }, where: 'blank' })
    assert.deepEqual(bad.ok ? null : bad.error.code, 'E_INPUT_EMPTY')
  } finally {
    await a!.close()
    await b!.close()
  }
})

/** `factsift watch …` run from the sources against the test's services, its output collected as it comes. */
function spawnWatch(args: string[]) {
  const main = fileURLToPath(new URL('../cli/main.ts', import.meta.url))
  const child = spawn(process.execPath, ['--import', 'tsx', main, 'watch', ...args], {
    env: { ...process.env, NO_COLOR: '1', FACTSIFT_PG_POOL_SIZE: '2' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output = { stdout: '', stderr: '' }
  child.stdout!.on('data', (d) => (output.stdout += d))
  child.stderr!.on('data', (d) => (output.stderr += d))
  return { child, output }
}

test('factsift watch --queue --db postgres://… --once: the CLI hands items to the worker, prints them, tracks claims', { skip, timeout: 120_000 }, async () => {
  const s = store!
  const url = writeFeed('cli.xml', [11, 12], [13])
  const before = worker!.stats.completed
  const main = fileURLToPath(new URL('../cli/main.ts', import.meta.url))
  const child = spawn(process.execPath, ['--import', 'tsx', main, 'feeds', 'add', url, '--name', 'CLI Outlet', '--db', db], { stdio: 'ignore' })
  assert.equal(await new Promise((resolve) => child.once('exit', resolve)), 0)
  const { child: watch, output } = spawnWatch(['--once', '--queue', queue, '--db', db])
  const code = await new Promise((resolve) => watch.once('exit', resolve))
  const { stdout, stderr } = output
  assert.equal(code, 0, stderr)
  const analyzed = [...stdout.matchAll(/^analyzed (fi-[0-9a-f]{24}) /gm)].map((m) => m[1]!)
  assert.equal(new Set(analyzed).size, 3, stdout)
  assert.equal(analyzed.length, 3)
  assert.match(stderr, /3 analyzed, 0 failed/)
  assert.equal(worker!.stats.completed, before + 3, 'the in-process worker analyzed them, once each')
  for (const id of analyzed) {
    assert.equal((await s.feeds.getItem(id))?.status, 'analyzed')
    assert.ok(await s.claims.hasReport(id), `claims of ${id} tracked by the watcher`)
  }
})

test('factsift watch --queue (no --once): feeds polled through the repeatable poll jobs, shared with another poller; every item analyzed once', { skip, timeout: 240_000 }, async () => {
  const s = store!
  const urls = [writeFeed('q1.xml', [21, 22], [23]), writeFeed('q2.xml', [], [24, 25])]
  // Added before the pollers start: their first scheduler sync finds them.
  const ids = urls.map((url) => feedId(url))
  for (const url of urls) await s.feeds.add({ id: feedId(url), url, name: 'Queue Outlet', intervalMs: 1000 }, Date.now())
  const before = worker!.stats.completed
  const { child: watch, output } = spawnWatch(['--queue', queue, '--db', db, '--host-interval', '0'])
  const exited = new Promise<number | null>((resolve) => watch.once('exit', resolve))
  while (!/polling feeds through/.test(output.stderr)) {
    assert.equal(watch.exitCode, null, `watch --queue stopped: ${output.stderr}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  // Another poller beside the CLI's (as a second `watch --queue` or a `worker --feeds` would be): polls are shared.
  const backend = await queueBackend({ queue, store: s, pollMs: 50, log: () => {} })
  const { startPollWorker } = await import('./poll-worker.js')
  const poller = await startPollWorker({ queue, db, backend, limits: DEFAULT_LIMITS, hostIntervalMs: 0, syncMs: 1000, log: () => {} })
  const items = async () => (await Promise.all(ids.map((feed) => s.feeds.listItems({ feedId: feed })))).flat()
  try {
    // Not a timing assertion: only the test's timeout bounds the wait.
    for (;;) {
      const list = await items()
      if (list.length === 5 && list.every((i) => i.status === 'analyzed')) break
      assert.equal(watch.exitCode, null, `watch --queue stopped: ${output.stderr}`)
      await new Promise((r) => setTimeout(r, 250))
    }
    for (const item of await items()) {
      assert.equal(item.reportId, item.id)
      for (let k = 0; !(await s.claims.hasReport(item.id)); k++) await new Promise((r) => setTimeout(r, 100))
    }
  } finally {
    watch.kill('SIGTERM')
    await poller.close()
    await backend.close()
  }
  assert.equal(await exited, 0, output.stderr)
  assert.match(output.stderr, /polling feeds through/, 'the CLI took poll jobs from the feeds queue')
  assert.equal(worker!.stats.completed, before + 5, 'each item analyzed once by the queue worker, whoever polled its feed')
  const printed = [...output.stdout.matchAll(/^analyzed (fi-[0-9a-f]{24}) /gm)].map((m) => m[1]!)
  assert.equal(printed.length + poller.stats.analyzed, 5, `every item handled by one of the two pollers: ${output.stdout}`)
})
