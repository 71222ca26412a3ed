// API keys on and off, body size limit, per-client rate limit, CORS off by default, security headers: over real HTTP.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { startTestServer, SAMPLE_ARTICLE, type TestServer } from './test-support/test-server.js'
import { createKeyChecker, parseApiKeys } from './api-keys.js'
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

  test('reads stay open with keys set', async () => {
    assert.equal((await server.request('/v1/reports')).status, 200)
    assert.equal((await server.request('/healthz')).status, 200)
  })

  test('parseApiKeys splits on commas and spaces and refuses short keys; the checker matches exactly', () => {
    assert.deepEqual(parseApiKeys(` ${KEY}, ${OTHER_KEY} `), [KEY, OTHER_KEY])
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
