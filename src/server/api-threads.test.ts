// Analysis threads and the rest of the server: a fact-check import through the API reaches the threads' matching at
// once (no restart), and a large input runs in a thread of its own while small ones go on in the pool thread.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startTestServer, SAMPLE_ARTICLE, type TestServer } from './test-support/test-server.js'

const dir = mkdtempSync(join(tmpdir(), 'factsift-threads-'))
after(() => rmSync(dir, { recursive: true, force: true }))

const CLAIM = 'Ferry fares tripled after the harbor merger'
const ARTICLE = `Harbor fares debate. ${CLAIM}, council member Dana Smith said on Monday. "Riders pay three times what they paid," she told reporters.`
const REVIEW = {
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: 'https://checks.example/ferry-fares',
  claimReviewed: CLAIM,
  datePublished: '2026-10-02',
  author: { '@type': 'Organization', name: 'Harbor Checks' },
  reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'False' },
}

type Claim = { text: string; matches: { claim: string }[] }
const matchedClaims = (report: { claims: Claim[] }) => report.claims.flatMap((claim) => claim.matches.map((match) => match.claim))

describe('analysis threads see writes made through the API', () => {
  let server: TestServer
  before(async () => {
    const db = join(dir, 'factchecks.db')
    server = await startTestServer({ db, analysisThreads: { count: 1, db, limits: {} }, rateLimit: false })
  })
  after(() => server.close())

  test('a fact-check imported through the API is matched by the next analysis, without a restart', async () => {
    const before = await server.request('/v1/analyze?store=false', { body: { text: ARTICLE } })
    assert.equal(before.status, 200, before.text)
    assert.deepEqual(matchedClaims(before.json), [], 'nothing to match yet (the thread has counted no fact-checks)')
    const imported = await server.request('/v1/factchecks', { method: 'POST', body: JSON.stringify([REVIEW]), headers: { 'content-type': 'application/ld+json' } })
    assert.equal(imported.status, 200, imported.text)
    assert.equal(imported.json.inserted, 1)
    const after = await server.request('/v1/analyze?store=false', { body: { text: ARTICLE } })
    assert.equal(after.status, 200, after.text)
    assert.ok(matchedClaims(after.json).includes(CLAIM), JSON.stringify(after.json.claims.map((c: Claim) => [c.text, c.matches.length])))
  })
})

describe('large inputs in a thread of their own', () => {
  let server: TestServer
  before(async () => {
    const db = join(dir, 'large.db')
    // 64 KB counts as large here, so the test stays quick; the default is 1 MB.
    server = await startTestServer({ db, analysisThreads: { count: 1, db, limits: {} }, rateLimit: false, admission: { largeBytes: 64 * 1024 } })
  })
  after(() => server.close())

  test('small analyses finish while a large one runs beside them, and the large one is answered and saved', async () => {
    const paragraphs: string[] = []
    for (let i = 0; paragraphs.join('\n\n').length < 80 * 1024; i++) paragraphs.push(SAMPLE_ARTICLE.replace(/Lopez/g, `Lopez${i}`))
    const large = paragraphs.join('\n\n')
    const order: string[] = []
    const big = server.request('/v1/analyze', { body: { text: large } }).then((res) => {
      order.push('large')
      return res
    })
    await new Promise((resolve) => setTimeout(resolve, 50))
    const small = await Promise.all(
      Array.from({ length: 3 }, (_, i) =>
        server.request('/v1/analyze?store=false', { body: { text: `Item ${i}. ${SAMPLE_ARTICLE}` } }).then((res) => {
          order.push(`small ${i}`)
          return res
        }),
      ),
    )
    for (const res of small) assert.equal(res.status, 200, res.text)
    const res = await big
    assert.equal(res.status, 200, res.text)
    // In the pool thread, the small ones would queue behind the large one; in its own thread it cannot hold them up.
    assert.equal(order.at(-1), 'large', order.join(', '))
    const stored = await server.request(res.headers.get('location')!)
    assert.equal(stored.status, 200)
    assert.equal(stored.json.document.wordCount, res.json.document.wordCount)
  })
})
