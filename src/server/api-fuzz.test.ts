// Fuzz over the routes on 127.0.0.1: random methods, paths, headers and bodies, bounded in count and time; no 5xx ever,
// every error in the coded shape, nothing logged at error level. The seed is printed so a failure can be replayed.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { captureLogs, rawRequest, startTestServer, SAMPLE_ARTICLE, type TestServer } from './test-support/test-server.js'
import { parseApiKeys } from './api-keys.js'

const REQUESTS = Number(process.env.FACTSIFT_FUZZ_REQUESTS ?? 1000)
const TIME_LIMIT_MS = Number(process.env.FACTSIFT_FUZZ_MS ?? 60_000)
const SEED = Number(process.env.FACTSIFT_FUZZ_SEED ?? Date.now() % 1_000_000)
const KEY = 'fuzz-admin-key-0123456789'
const READ_KEY = 'fuzz-read-key-0123456789'

/** mulberry32: a small seeded generator, so a failing run can be repeated with FACTSIFT_FUZZ_SEED. */
function generator(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!
  return { next, int, pick }
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'GET', 'POST', 'POST']
const ROUTES = ['/v1/analyze', '/v1/reports', '/v1/reports/abc', '/v1/factchecks', '/v1/factchecks/search', '/v1/corpus', '/healthz', '/readyz', '/openapi.json', '/', '/v1', '/v2/x']
const SEGMENTS = ['..', '.', '%2e%2e', '%2F', '%00', '%ZZ', '%', 'a'.repeat(300), '\u00e9', '%E2%80%AE', '~', '.env', ';', '*', 'reports', '__proto__', 'constructor', '%25']
const QUERIES = ['', '?store=false', '?limit=0', '?limit=-1', '?limit=abc', '?limit=101', '?q=', '?q=bridge', '?cursor=zzz', '?format=html', '?format=pdf', '?mode=match&q=x', '?q[]=a&q[]=b', '?__proto__[x]=1', '?download=maybe', '?store=2']
const TYPES = ['application/json', 'application/json; charset=utf-8', 'text/plain', 'text/csv', 'application/xml', 'multipart/form-data; boundary=z', 'application/x-www-form-urlencoded', '', 'garbage', 'application/ld+json', 'text/html']

function randomJson(r: ReturnType<typeof generator>, depth = 0): unknown {
  switch (r.int(depth > 2 ? 5 : 8)) {
    case 0: return r.int(1e6) - 5e5
    case 1: return r.pick(['', 'x', SAMPLE_ARTICLE.slice(0, r.int(400)), '\u0000', '\ud800', '<script>alert(1)</script>'])
    case 2: return r.pick([true, false, null])
    case 3: return r.next() * 1e300
    case 4: return 'word '.repeat(r.int(200))
    case 5: return Array.from({ length: r.int(4) }, () => randomJson(r, depth + 1))
    default: {
      const object: Record<string, unknown> = {}
      for (let i = r.int(4); i > 0; i--) object[r.pick(['text', 'html', 'url', 'title', 'outlet', 'publishedAt', 'articles', 'x', 'constructor'])] = randomJson(r, depth + 1)
      return object
    }
  }
}

function randomBody(r: ReturnType<typeof generator>): string | undefined {
  switch (r.int(7)) {
    case 0: return undefined
    case 1: return JSON.stringify(randomJson(r))
    case 2: return JSON.stringify({ text: SAMPLE_ARTICLE.slice(0, 50 + r.int(400)) })
    case 3: return '{"text": "a", "__proto__": {"polluted": 1}}'
    case 4: return r.pick(['{', '[1,', 'null', '"', '{"text": "\\ud800"}', 'a,b\n1,2', '<html><body><p>x</p></body></html>'])
    case 5: return Buffer.from(Array.from({ length: r.int(300) }, () => r.int(256))).toString('latin1')
    default: return JSON.stringify({ html: `<article><p>${'The council voted. '.repeat(r.int(30))}</p></article>`, url: r.pick(['http://127.0.0.1/', 'ftp://x', 'notaurl', 'https://example.invalid/']) })
  }
}

const logs = captureLogs()
let server: TestServer
before(async () => {
  server = await startTestServer({ logger: logs.logger, apiKeys: parseApiKeys(`${KEY},${READ_KEY}:read`), rateLimit: { max: 10_000, windowMs: 60_000 } })
})
after(() => server.close())

test(`fuzz: ${REQUESTS} random requests, no 5xx, every error coded (seed ${SEED})`, { timeout: TIME_LIMIT_MS + 30_000 }, async () => {
  assert.equal(new URL(server.url).hostname, '127.0.0.1', 'loopback only')
  const r = generator(SEED)
  const started = Date.now()
  const seen = new Map<number, number>()
  let sent = 0
  for (; sent < REQUESTS && Date.now() - started < TIME_LIMIT_MS; sent++) {
    const method = r.pick(METHODS)
    const path = r.next() < 0.6
      ? `${r.pick(ROUTES)}${r.next() < 0.3 ? `/${r.pick(SEGMENTS)}` : ''}${r.pick(QUERIES)}`
      : `/${Array.from({ length: 1 + r.int(4) }, () => r.pick(SEGMENTS)).join('/')}${r.pick(QUERIES)}`
    const headers: Record<string, string> = {}
    const type = r.pick(TYPES)
    if (type) headers['content-type'] = type
    if (r.next() < 0.5) headers['x-api-key'] = r.pick([KEY, KEY, READ_KEY, 'wrong-key-0123456789abc', ''])
    if (r.next() < 0.1) headers.authorization = r.pick(['Bearer', `Bearer ${KEY}`, 'Basic xyz', 'Bearer a b'])
    if (r.next() < 0.1) headers.accept = r.pick(['text/html', '*/*', 'application/xml'])
    const body = method === 'GET' || method === 'HEAD' ? undefined : randomBody(r)
    if (process.env.FACTSIFT_FUZZ_TRACE) process.stderr.write(`${method} ${path} ${JSON.stringify(headers)} ${JSON.stringify(body)?.slice(0, 80)}\n`)
    const res = await rawRequest(server.url, path, { method, headers, ...(body !== undefined ? { body } : {}) })
    seen.set(res.status, (seen.get(res.status) ?? 0) + 1)
    const where = `${method} ${path} ${JSON.stringify(headers)} body ${JSON.stringify(body)?.slice(0, 200)} (seed ${SEED})`
    assert.ok(res.status < 500, `${res.status} ${res.text.slice(0, 200)} for ${where}`)
    if (res.status >= 400 && method !== 'HEAD') {
      const error = JSON.parse(res.text).error
      assert.match(error.code, /^E_[A-Z_]+$/, where)
      assert.equal(typeof error.message, 'string', where)
    }
  }
  assert.ok(sent >= Math.min(REQUESTS, 50), `only ${sent} requests in the time limit`)
  assert.ok((seen.get(200) ?? 0) > 0 && [...seen.keys()].some((status) => status >= 400), `statuses ${JSON.stringify([...seen])}`)
  assert.deepEqual(logs.lines.filter((line) => (line.level as number) >= 50).map((line) => line.msg), [])
  assert.equal(({} as Record<string, unknown>).polluted, undefined)
})
