import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { fetchUrl } from './fetch-url.js'
import { ingest } from './ingest.js'
import { ingestLocation } from './location.js'
import { FactsiftError } from '../errors.js'
import type { Limits } from './limits.js'

const PAGE = `<!doctype html><html><head><title>Bridge reopens after repairs | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times"><meta name="author" content="Ola Nordmann">
<meta property="article:published_time" content="2026-06-01T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/local">Local</a></nav><article><h1>Bridge reopens after repairs</h1>
<p>The old harbour bridge reopened to traffic on Monday after eight months of repairs to its steel deck and railings.</p>
<p>Engineers replaced more than 300 rivets and repainted the whole span, the city's transport office said.</p></article></body></html>`

let server: http.Server
let base: string
const ok: Limits = { maxBytes: 64 * 1024, fetchTimeoutMs: 2000, maxRedirects: 3, allowPrivateNetwork: true }

before(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const path = url.pathname
    if (path === '/article') return send(res, 200, 'text/html; charset=utf-8', PAGE)
    if (path === '/plain') return send(res, 200, 'text/plain', 'Short headline\n\nA plain text article body with enough words.')
    if (path === '/json') {
      return send(res, 200, 'application/json', JSON.stringify({ title: 'From JSON', text: 'Body of a JSON article.' }))
    }
    if (path === '/json-url-only') return send(res, 200, 'application/json', JSON.stringify({ url: `${base}/article` }))
    if (path === '/gzip') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
      return res.end(gzipSync(PAGE))
    }
    if (path === '/latin1') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' })
      return res.end(Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x6f, 0x70, 0x65, 0x6e, 0x73]))
    }
    if (path === '/meta-charset') {
      res.writeHead(200, { 'content-type': 'text/html' })
      const html = PAGE.replace('<head>', '<head><meta charset="windows-1252">').replace('eight months', 'eight months \u00e9')
      return res.end(Buffer.from(html, 'latin1'))
    }
    if (path === '/redirect') return redirect(res, '/article')
    if (path === '/loop-a') return redirect(res, '/loop-b')
    if (path === '/loop-b') return redirect(res, '/loop-a')
    if (path.startsWith('/chain/')) {
      const n = Number(path.slice(7))
      return n === 0 ? send(res, 200, 'text/html', PAGE) : redirect(res, `/chain/${n - 1}`)
    }
    if (path === '/to-file') return redirect(res, 'file:///etc/passwd')
    if (path === '/no-location') {
      res.writeHead(302)
      return res.end()
    }
    if (path === '/hang') return // never answers: the timeout must fire
    if (path === '/slow-body') {
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.write('The first bytes arrive, the rest never does. ')
      return
    }
    if (path === '/big') return send(res, 200, 'text/plain', 'x'.repeat(70 * 1024))
    if (path === '/big-chunked') {
      res.writeHead(200, { 'content-type': 'text/plain' })
      const chunk = 'y'.repeat(8 * 1024)
      for (let i = 0; i < 12; i++) res.write(chunk)
      return res.end()
    }
    if (path === '/gzip-bomb') {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' })
      return res.end(gzipSync(Buffer.alloc(1024 * 1024, 0x61)))
    }
    if (path === '/pdf') return send(res, 200, 'application/pdf', '%PDF-1.7')
    if (path === '/image') return send(res, 200, 'image/png', 'not really')
    if (path === '/server-error') return send(res, 500, 'text/plain', 'boom')
    return send(res, 404, 'text/plain', 'not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

after(() => {
  server.closeAllConnections()
  server.close()
})

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

function redirect(res: http.ServerResponse, location: string): void {
  res.writeHead(302, { location })
  res.end()
}

const failsWith = (code: string, details?: Record<string, unknown>) => (e: unknown) => {
  assert.ok(e instanceof FactsiftError, String(e))
  assert.equal(e.code, code, e.message)
  assert.ok(!e.message.includes('\n'))
  for (const [k, v] of Object.entries(details ?? {})) assert.equal(e.details?.[k], v)
  return true
}

test('fetches an HTML page and ingests it (canonical falls back to the final URL)', async () => {
  const res = await fetchUrl(`${base}/article`, ok)
  assert.equal(res.status, 200)
  assert.equal(res.mimeType, 'text/html')
  assert.equal(res.charset, 'utf-8')
  const doc = await ingestLocation(`${base}/redirect`, ok)
  assert.equal(doc.meta.title, 'Bridge reopens after repairs')
  assert.equal(doc.meta.outlet, 'Harbour Times')
  assert.equal(doc.meta.byline, 'Ola Nordmann')
  assert.equal(doc.meta.publishedAt, '2026-06-01T09:00:00Z')
  assert.equal(doc.meta.url, `${base}/article`)
  assert.match(doc.text, /Engineers replaced more than 300 rivets/)
  assert.doesNotMatch(doc.text, /Home/)
})

test('a host name connects through the pinned, checked addresses', async () => {
  const res = await fetchUrl(base.replace('127.0.0.1', 'localhost') + '/plain', ok)
  assert.equal(res.status, 200)
})

test('ingest({ url }) fetches; stated title wins', async () => {
  const doc = await ingest({ url: `${base}/article`, title: 'My own title' }, ok)
  assert.equal(doc.meta.title, 'My own title')
  assert.match(doc.text, /harbour bridge reopened/)
})

test('plain text, JSON, gzip and declared charsets', async () => {
  const plain = await ingestLocation(`${base}/plain`, ok)
  assert.equal(plain.meta.title, 'Short headline')
  assert.equal(plain.meta.url, `${base}/plain`)
  const json = await ingestLocation(`${base}/json`, ok)
  assert.deepEqual([json.meta.title, json.text], ['From JSON', 'Body of a JSON article.'])
  assert.match((await ingestLocation(`${base}/gzip`, ok)).text, /300 rivets/)
  assert.equal((await ingestLocation(`${base}/latin1`, ok)).text, '“Café” opens')
  assert.match((await ingestLocation(`${base}/meta-charset`, ok)).text, /eight months é/)
  await assert.rejects(ingestLocation(`${base}/json-url-only`, ok), failsWith('E_INPUT_INVALID'))
})

test('loopback is refused unless allowPrivateNetwork', async () => {
  const strict = { ...ok, allowPrivateNetwork: false }
  await assert.rejects(fetchUrl(`${base}/article`, strict), failsWith('E_FETCH_BLOCKED'))
  await assert.rejects(fetchUrl(base.replace('127.0.0.1', 'localhost') + '/article', strict), failsWith('E_FETCH_BLOCKED'))
  await assert.rejects(fetchUrl(base.replace('127.0.0.1', '[::ffff:127.0.0.1]') + '/article', strict), failsWith('E_FETCH_BLOCKED'))
  await assert.rejects(ingest({ url: `${base}/article` }, strict), failsWith('E_FETCH_BLOCKED'))
})

test('only http and https; every redirect hop is re-checked', async () => {
  await assert.rejects(fetchUrl('ftp://example.com/a.txt', ok), failsWith('E_FETCH_BLOCKED'))
  await assert.rejects(fetchUrl('file:///etc/passwd', ok), failsWith('E_FETCH_BLOCKED'))
  await assert.rejects(ingestLocation('gopher://example.com/', ok), failsWith('E_FETCH_BLOCKED'))
  await assert.rejects(fetchUrl(`${base}/to-file`, ok), failsWith('E_FETCH_BLOCKED'))
  await assert.rejects(fetchUrl('not a url', ok), failsWith('E_INPUT_INVALID'))
})

test('redirect loop and too many redirects → E_FETCH_REDIRECTS', async () => {
  await assert.rejects(fetchUrl(`${base}/loop-a`, ok), failsWith('E_FETCH_REDIRECTS'))
  await assert.rejects(fetchUrl(`${base}/chain/4`, ok), failsWith('E_FETCH_REDIRECTS'))
  assert.equal((await fetchUrl(`${base}/chain/3`, ok)).url, `${base}/chain/0`)
  await assert.rejects(fetchUrl(`${base}/redirect`, { ...ok, maxRedirects: 0 }), failsWith('E_FETCH_REDIRECTS'))
  await assert.rejects(fetchUrl(`${base}/no-location`, ok), failsWith('E_FETCH_FAILED'))
})

test('no answer, or a body that never ends → E_FETCH_TIMEOUT', async () => {
  const quick = { ...ok, fetchTimeoutMs: 150 }
  await assert.rejects(fetchUrl(`${base}/hang`, quick), failsWith('E_FETCH_TIMEOUT'))
  await assert.rejects(fetchUrl(`${base}/slow-body`, quick), failsWith('E_FETCH_TIMEOUT'))
})

test('oversized bodies → E_INPUT_TOO_LARGE (declared, streamed, and after decompression)', async () => {
  await assert.rejects(fetchUrl(`${base}/big`, ok), failsWith('E_INPUT_TOO_LARGE'))
  await assert.rejects(fetchUrl(`${base}/big-chunked`, ok), failsWith('E_INPUT_TOO_LARGE'))
  await assert.rejects(fetchUrl(`${base}/gzip-bomb`, ok), failsWith('E_INPUT_TOO_LARGE'))
})

test('wrong content type → E_UNSUPPORTED_TYPE', async () => {
  await assert.rejects(fetchUrl(`${base}/pdf`, ok), failsWith('E_UNSUPPORTED_TYPE', { mimeType: 'application/pdf' }))
  await assert.rejects(ingestLocation(`${base}/image`, ok), failsWith('E_UNSUPPORTED_TYPE'))
})

test('HTTP errors and unreachable hosts → E_FETCH_FAILED with the status', async () => {
  await assert.rejects(fetchUrl(`${base}/missing`, ok), failsWith('E_FETCH_FAILED', { status: 404 }))
  await assert.rejects(fetchUrl(`${base}/server-error`, ok), failsWith('E_FETCH_FAILED', { status: 500 }))
  const closed = http.createServer()
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
  const port = (closed.address() as AddressInfo).port
  await new Promise((resolve) => closed.close(resolve))
  await assert.rejects(fetchUrl(`http://127.0.0.1:${port}/`, ok), failsWith('E_FETCH_FAILED'))
})
