// API keys on and off, body size limit, per-client rate limit, CORS off by default, security headers: over real HTTP.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { startTestServer, SAMPLE_ARTICLE, type TestServer } from './test-support/test-server.js'
import { createKeyChecker, createKeyring, parseApiKeys } from './api-keys.js'
import { FactsiftError } from '../errors.js'

const KEY = 'test-key-0123456789abcdef'
const OTHER_KEY = 'other-key-0123456789abcdef'

describe('API keys', () => {
  let server: TestServer
  before(async () => {
    server = await startTestServer({ apiKeys: [KEY, OTHER_KEY] })
  })
  after(() => server.close())

  test('with keys set, POST needs a valid key (Bearer or X-API-Key) and answers 401 E_UNAUTHORIZED without one', async () => {
    const body = { text: SAMPLE_ARTICLE }
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer wrong-key-0123456789' }, { 'x-api-key': KEY.slice(0, -1) }, { authorization: `Basic ${KEY}` }]
    for (const headers of attempts) {
      const res = await server.request('/v1/analyze', { body, headers })
      assert.equal(res.status, 401, JSON.stringify(headers))
      assert.equal(res.json.error.code, 'E_UNAUTHORIZED')
    }
    assert.equal((await server.request('/v1/analyze', { body, headers: { authorization: `Bearer ${KEY}` } })).status, 200)
    assert.equal((await server.request('/v1/analyze', { body, headers: { 'x-api-key': OTHER_KEY } })).status, 200)
  })

  test('the key is checked before the body is parsed: an unauthenticated oversized or broken body is still 401', async () => {
    const res = await server.request('/v1/analyze', { body: '{"text": ' })
    assert.equal(res.status, 401)
  })

  test('with keys set, every /v1 route needs one (reads included); health, readiness, docs and the UI stay open', async () => {
    for (const path of ['/v1/reports', '/v1/reports/abc', '/v1/factchecks/search?q=bridge']) {
      const res = await server.request(path)
      assert.equal(res.status, 401, path)
      assert.equal(res.json.error.code, 'E_UNAUTHORIZED')
      assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/)
      assert.equal((await server.request(path, { headers: { 'x-api-key': KEY } })).status === 401, false, path)
    }
    assert.equal((await server.request('/v1/reports/abc', { method: 'DELETE' })).status, 401)
    assert.equal((await server.request('/healthz')).status, 200)
    assert.equal((await server.request('/openapi.json')).status, 200)
  })

  test('parseApiKeys: plain keys (every scope) and key:scope+scope entries; bad scopes and short keys refused', () => {
    assert.deepEqual(parseApiKeys(` ${KEY}, ${OTHER_KEY} `), [
      { key: KEY, scopes: ['read', 'write', 'admin'] },
      { key: OTHER_KEY, scopes: ['read', 'write', 'admin'] },
    ])
    assert.deepEqual(parseApiKeys(`${KEY}:read,${OTHER_KEY}:read+write`), [
      { key: KEY, scopes: ['read'] },
      { key: OTHER_KEY, scopes: ['read', 'write'] },
    ])
    assert.throws(() => parseApiKeys(`${KEY}:root`), (e: unknown) => e instanceof FactsiftError && e.code === 'E_CONFIG' && /root/.test(e.message))
    assert.throws(() => parseApiKeys('short:read'), (e: unknown) => e instanceof FactsiftError && e.code === 'E_CONFIG')
    const ring = createKeyring(parseApiKeys(`${KEY}:read`))
    assert.deepEqual([...ring(KEY)!], ['read'])
    assert.equal(ring(OTHER_KEY), null)
    assert.equal(ring(null), null)
    assert.deepEqual(parseApiKeys(undefined), [])
    assert.deepEqual(parseApiKeys(''), [])
    assert.throws(() => parseApiKeys('short'), (e: unknown) => e instanceof FactsiftError && e.code === 'E_CONFIG')
    const check = createKeyChecker([KEY])
    assert.equal(check(KEY), true)
    assert.equal(check(`${KEY} `), false)
    assert.equal(check(''), false)
    assert.equal(check(null), false)
    assert.equal(createKeyChecker([])(''), false)
  })
})

describe('API key scopes', () => {
  const READ = 'reader-key-0123456789abcdef'
  const WRITE = 'writer-key-0123456789abcdef'
  const ADMIN = 'admin-key-0123456789abcdef'
  let server: TestServer
  before(async () => {
    server = await startTestServer({ apiKeys: parseApiKeys(`${READ}:read,${WRITE}:write,${ADMIN}:admin`) })
  })
  after(() => server.close())
  const as = (key: string) => ({ 'x-api-key': key })

  test('read reads, write analyzes, admin deletes; a key without the scope gets 403 E_FORBIDDEN naming it', async () => {
    const analyzed = await server.request('/v1/analyze', { body: { text: SAMPLE_ARTICLE }, headers: as(WRITE) })
    assert.equal(analyzed.status, 200)
    const id = analyzed.json.id as string
    const denied = await server.request('/v1/analyze', { body: { text: SAMPLE_ARTICLE }, headers: as(READ) })
    assert.equal(denied.status, 403)
    assert.equal(denied.json.error.code, 'E_FORBIDDEN')
    assert.match(denied.json.error.message, /"write"/)
    assert.equal((await server.request(`/v1/reports/${id}`, { headers: as(READ) })).status, 200)
    assert.equal((await server.request(`/v1/reports/${id}`, { headers: as(WRITE) })).status, 403, 'write does not include read')
    for (const key of [READ, WRITE]) {
      const res = await server.request(`/v1/reports/${id}`, { method: 'DELETE', headers: as(key) })
      assert.equal(res.status, 403)
      assert.match(res.json.error.message, /"admin"/)
    }
    assert.equal((await server.request(`/v1/reports/${id}`, { headers: as(ADMIN) })).status, 200, 'admin reads too')
    const deleted = await server.request(`/v1/reports/${id}`, { method: 'DELETE', headers: as(ADMIN) })
    assert.equal(deleted.status, 204)
    assert.equal(deleted.text, '')
    const again = await server.request(`/v1/reports/${id}`, { method: 'DELETE', headers: as(ADMIN) })
    assert.equal(again.status, 404)
    assert.equal(again.json.error.code, 'E_NOT_FOUND')
    assert.equal((await server.request(`/v1/reports/${id}`, { headers: as(READ) })).status, 404)
  })
})

describe('API without keys', () => {
  test('writes are open when FACTSIFT_API_KEYS is not set', async () => {
    const server = await startTestServer()
    try {
      assert.equal((await server.request('/v1/analyze', { body: { text: SAMPLE_ARTICLE } })).status, 200)
    } finally {
      await server.close()
    }
  })
})

describe('limits', () => {
  test('413 E_INPUT_TOO_LARGE past the configured body limit; just under it is accepted', async () => {
    const server = await startTestServer({ bodyLimit: 4096 })
    try {
      const big = await server.request('/v1/analyze', { body: { text: 'word '.repeat(1000) } })
      assert.equal(big.status, 413)
      assert.equal(big.json.error.code, 'E_INPUT_TOO_LARGE')
      const fits = await server.request('/v1/analyze', { body: { text: 'The council met on Monday. '.repeat(100) } })
      assert.equal(fits.status, 200)
    } finally {
      await server.close()
    }
  })

  test('the default body limit is 5 MB', async () => {
    const server = await startTestServer()
    try {
      const res = await server.request('/v1/analyze', { body: { text: 'x'.repeat(5 * 1024 * 1024 + 10) } })
      assert.equal(res.status, 413)
    } finally {
      await server.close()
    }
  })

  test('429 E_RATE_LIMITED per client past the limit, with Retry-After; health checks are not limited', async () => {
    const server = await startTestServer({ rateLimit: { max: 3, windowMs: 60_000 } })
    try {
      for (let i = 0; i < 3; i++) {
        const res = await server.request('/v1/reports')
        assert.equal(res.status, 200)
        assert.equal(res.headers.get('x-ratelimit-remaining'), String(2 - i))
      }
      const limited = await server.request('/v1/reports')
      assert.equal(limited.status, 429)
      assert.equal(limited.json.error.code, 'E_RATE_LIMITED')
      assert.ok(Number(limited.headers.get('retry-after')) > 0)
      assert.equal((await server.request('/v1/analyze', { body: { text: SAMPLE_ARTICLE } })).status, 429)
      assert.equal((await server.request('/healthz')).status, 200)
      assert.equal((await server.request('/readyz')).status, 200)
    } finally {
      await server.close()
    }
  })
})

describe('headers', () => {
  let server: TestServer
  before(async () => {
    server = await startTestServer({ corsOrigins: ['https://newsroom.example'] })
  })
  after(() => server.close())

  test('security headers on every response; the app CSP allows no inline script', async () => {
    for (const path of ['/healthz', '/v1/reports', '/nowhere']) {
      const res = await server.request(path)
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff')
      assert.equal(res.headers.get('x-frame-options'), 'DENY')
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer')
      const csp = res.headers.get('content-security-policy') ?? ''
      assert.match(csp, /script-src 'self'(;|$)/)
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/)
      assert.match(csp, /frame-ancestors 'none'/)
    }
  })

  test('CORS: only listed origins get headers and preflights', async () => {
    const allowed = await server.request('/v1/reports', { headers: { origin: 'https://newsroom.example' } })
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://newsroom.example')
    const other = await server.request('/v1/reports', { headers: { origin: 'https://evil.example' } })
    assert.equal(other.headers.get('access-control-allow-origin'), null)
    const preflight = await server.request('/v1/analyze', {
      method: 'OPTIONS',
      headers: { origin: 'https://newsroom.example', 'access-control-request-method': 'POST' },
    })
    assert.equal(preflight.status, 204)
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /authorization/)
  })

  test('CORS is off by default: no Access-Control headers for any origin', async () => {
    const plain = await startTestServer()
    try {
      const res = await plain.request('/v1/reports', { headers: { origin: 'https://newsroom.example' } })
      assert.equal(res.headers.get('access-control-allow-origin'), null)
      const preflight = await plain.request('/v1/analyze', {
        method: 'OPTIONS',
        headers: { origin: 'https://newsroom.example', 'access-control-request-method': 'POST' },
      })
      assert.equal(preflight.headers.get('access-control-allow-origin'), null)
      assert.notEqual(preflight.status, 204)
    } finally {
      await plain.close()
    }
  })
})
