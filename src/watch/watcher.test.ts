// The watcher against a local HTTP server on 127.0.0.1: conditional GET, robots.txt, one request at a time per host
// with a minimum interval, back-off on 429 with Retry-After, coded feed errors, and each item analyzed once.
import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFileSync } from 'node:fs'
import { openSqliteStore } from '../store/sqlite/sqlite-store.js'
import { DEFAULT_LIMITS } from '../ingest/limits.js'
import { feedId } from '../feeds/item-key.js'
import { createWatcher } from './watcher.js'
import type { AnalysisBackend, AnalysisJob } from './backends.js'

interface Hit {
  path: string
  at: number
  ifNoneMatch: string | undefined
}

const hits: Hit[] = []
let active = 0
let mostActive = 0
let feedVersion = 1

const item = (n: number, path: string, text: string) =>
  `<item><title>Story ${n}</title><link>${path}</link><guid>story-${n}</guid><pubDate>Mon, 12 May 2025 0${n}:00:00 GMT</pubDate><description>${text}</description></item>`
const feedXml = () =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Local Test</title>` +
  item(1, '/a.html', 'Summary one.') +
  item(2, '/private/b.html', 'The council said on Monday that the harbour bridge will reopen in June after repairs costing $4 million.') +
  (feedVersion > 1 ? item(3, '/c.html', 'Summary three.') : '') +
  `</channel></rss>`
const page = (title: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>Officials said on Monday that the new ferry service will start in July, with six crossings a day.</p></article></body></html>`

const server = http.createServer((req, res) => {
  const path = req.url ?? '/'
  hits.push({ path, at: Date.now(), ifNoneMatch: req.headers['if-none-match'] as string | undefined })
  active++
  mostActive = Math.max(mostActive, active)
  const send = (status: number, headers: Record<string, string>, body: string | Buffer = '') =>
    setTimeout(() => {
      active--
      res.writeHead(status, headers).end(body)
    }, 5)
  switch (path) {
    case '/robots.txt':
      return send(200, { 'content-type': 'text/plain' }, 'User-agent: *\nDisallow: /private/\n')
    case '/feed.xml': {
      const etag = `"v${feedVersion}"`
      if (req.headers['if-none-match'] === etag) return send(304, { etag })
      return send(200, { 'content-type': 'application/rss+xml', etag }, feedXml())
    }
    case '/a.html':
    case '/c.html':
      return send(200, { 'content-type': 'text/html; charset=utf-8' }, page(`Page ${path}`))
    case '/loop1':
      return send(302, { location: '/loop2' })
    case '/loop2':
      return send(302, { location: '/loop1' })
    case '/html-feed':
      return send(200, { 'content-type': 'text/html' }, page('Not a feed'))
    case '/big.xml':
      return send(200, { 'content-type': 'application/rss+xml' }, `<rss><channel>${'<item><title>x</title></item>'.repeat(2000)}</channel></rss>`)
    case '/dtd.xml':
      return send(200, { 'content-type': 'application/xml' }, readFileSync(new URL('../feeds/test-support/fixtures/billion-laughs.xml', import.meta.url), 'utf8'))
    case '/latin.xml':
      return send(200, { 'content-type': 'application/rss+xml' }, Buffer.concat([Buffer.from('<rss><channel><title>Caf'), Buffer.from([0xe9]), Buffer.from('</title></channel></rss>')]))
    default:
      return send(404, {})
  }
})
// A second host (another port): its 429 pauses it, not the first one.
const busy = http.createServer((req, res) => {
  hits.push({ path: `busy:${req.url}`, at: Date.now(), ifNoneMatch: undefined })
  res.writeHead(req.url === '/busy.xml' ? 429 : 404, { 'retry-after': '120' }).end()
})
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve))
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
const busyBase = `http://127.0.0.1:${(busy.address() as AddressInfo).port}`
// Bounded: the server stops itself even if a test hangs.
const guard = setTimeout(() => (server.close(), busy.close()), 60_000)
guard.unref()
after(() => {
  clearTimeout(guard)
  for (const s of [server, busy]) {
    s.closeAllConnections()
    s.close()
  }
})

function fakeBackend(): AnalysisBackend & { jobs: AnalysisJob[] } {
  const jobs: AnalysisJob[] = []
  return {
    jobs,
    concurrency: 2,
    async analyze(job) {
      jobs.push(job)
      return { ok: true, score: 0.1, label: 'low', title: job.input.title ?? null }
    },
    async close() {},
  }
}

const url = (path: string) => (path === '/busy.xml' ? busyBase : base) + path
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

test('polls politely, records coded errors per feed, analyzes each item once, conditional GET on the next rounds', async () => {
  const store = openSqliteStore(':memory:')
  const backend = fakeBackend()
  const limits = { ...DEFAULT_LIMITS, allowPrivateNetwork: true, fetchTimeoutMs: 5000 }
  const watcher = createWatcher({ store, backend, limits, hostIntervalMs: 30, feedLimits: { maxFeedBytes: 10_000 } })
  const paths = ['/feed.xml', '/busy.xml', '/loop1', '/html-feed', '/big.xml', '/dtd.xml', '/private/feed.xml', '/latin.xml']
  for (const path of paths) await store.feeds.add({ id: feedId(url(path)), url: url(path), name: `Feed ${path}`, intervalMs: 1000 }, Date.now())

  const first = await watcher.round()
  assert.equal(first.feedsPolled, paths.length)
  assert.equal(first.feedErrors, paths.length - 1)
  const byPath = async (path: string) => (await store.feeds.get(url(path)))!
  assert.equal((await byPath('/feed.xml')).errorCode, null)
  assert.equal((await byPath('/feed.xml')).etag, '"v1"')
  assert.equal((await byPath('/busy.xml')).errorCode, 'E_FEED_THROTTLED')
  assert.ok((await byPath('/busy.xml')).nextPollAt >= Date.now() + 110_000, 'Retry-After: 120 pushes the next poll two minutes out')
  assert.equal((await byPath('/loop1')).errorCode, 'E_FETCH_REDIRECTS')
  assert.equal((await byPath('/html-feed')).errorCode, 'E_FEED_NOT_FEED')
  assert.equal((await byPath('/big.xml')).errorCode, 'E_FEED_TOO_LARGE')
  assert.equal((await byPath('/dtd.xml')).errorCode, 'E_FEED_DTD')
  assert.equal((await byPath('/private/feed.xml')).errorCode, 'E_FEED_ROBOTS')
  assert.equal((await byPath('/latin.xml')).errorCode, 'E_FEED_ENCODING')
  assert.equal(hits.filter((h) => h.path === '/private/feed.xml').length, 0, 'a feed robots.txt disallows is never requested')
  assert.equal(hits.filter((h) => h.path === '/robots.txt').length, 1, 'robots.txt fetched once per host')

  // Both items analyzed once: the page for /a.html, the feed's own text for the robots-disallowed /private/b.html.
  assert.equal(backend.jobs.length, 2)
  const [a, b] = [backend.jobs.find((j) => j.where.endsWith('/a.html'))!, backend.jobs.find((j) => j.where.endsWith('/private/b.html'))!]
  assert.match(a.input.html!, /new ferry service/)
  assert.equal(a.input.title, 'Story 1')
  assert.equal(a.input.outlet, 'Feed /feed.xml')
  assert.equal(a.input.publishedAt, '2025-05-12T01:00:00Z')
  assert.match(b.input.html!, /harbour bridge will reopen/)
  assert.equal(hits.filter((h) => h.path.startsWith('/private/b')).length, 0, 'a page robots.txt disallows is never requested')
  assert.deepEqual(await store.feeds.countItems(), { new: 0, analyzing: 0, analyzed: 2, failed: 0, duplicate: 0 })

  // Politeness: never two requests at once to the host, and at least the interval between two starts.
  assert.equal(mostActive, 1)
  // (A redirect's next hop is part of the same request.)
  const mine = hits.filter((h) => !h.path.startsWith('busy:') && h.path !== '/loop2')
  for (let i = 1; i < mine.length; i++) assert.ok(mine[i]!.at - mine[i - 1]!.at >= 29, `requests ${i - 1} and ${i} too close`)

  // Round two, once the interval passed: 304 for the feed, back-off for the failing ones, nothing analyzed again.
  await sleep(1100)
  const before = hits.length
  const second = await watcher.round()
  const again = hits.slice(before)
  assert.equal(again.find((h) => h.path === '/feed.xml')?.ifNoneMatch, '"v1"')
  assert.equal(again.filter((h) => h.path === 'busy:/busy.xml').length, 0, 'the throttled feed waits for Retry-After')
  assert.equal(second.newItems, 0)
  assert.equal(backend.jobs.length, 2)
  assert.equal((await byPath('/loop1')).failures, 2, 'failures counted')
  assert.ok((await byPath('/loop1')).nextPollAt >= Date.now() + 1500, 'back-off doubles the interval')

  // Round three: the feed changed; only the new item is analyzed.
  feedVersion = 2
  await sleep(1100)
  const third = await watcher.round()
  assert.equal(third.newItems, 1)
  assert.deepEqual(backend.jobs.map((j) => j.where.replace(base, '')).sort(), ['/a.html', '/c.html', '/private/b.html'])
  assert.equal(backend.jobs.length, 3)
  assert.equal(new Set(backend.jobs.map((j) => j.id)).size, 3, 'each item analyzed once')
  await store.close()
})

test('private addresses are refused unless allowed; file:// links from a web feed are not followed', async () => {
  const store = openSqliteStore(':memory:')
  const backend = fakeBackend()
  const watcher = createWatcher({ store, backend, limits: { ...DEFAULT_LIMITS, fetchTimeoutMs: 5000 }, hostIntervalMs: 0 })
  await store.feeds.add({ id: feedId(`${base}/feed.xml`), url: `${base}/feed.xml`, name: null, intervalMs: 60_000 }, Date.now())
  await watcher.round()
  const feed = (await store.feeds.get(`${base}/feed.xml`))!
  assert.equal(feed.errorCode, 'E_FETCH_BLOCKED')
  assert.match(feed.errorMessage!, /allow with --allow-private-network/)
  assert.equal(backend.jobs.length, 0)
  await store.close()
})
