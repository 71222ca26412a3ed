// Importing fact-checks and reference articles through the API, over real HTTP; the page's ClaimReview export round-trips.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { startTestServer, type TestServer } from './test-support/test-server.js'
import { buildClaimReviews } from '../web/claimreview.js'
import type { Report } from '../report/types.js'

const CLAIM_REVIEWS = [
  {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: 'https://checks.example/ferry-fares',
    claimReviewed: 'Ferry fares tripled after the harbor merger',
    datePublished: '2026-10-02',
    author: { '@type': 'Organization', name: 'Harbor Checks' },
    itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'Dana Smith' } },
    reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'False' },
  },
  {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: 'https://checks.example/school-lunch',
    claimReviewed: 'Every school in the district now serves free lunch',
    datePublished: '2026-09-14',
    author: { '@type': 'Organization', name: 'Harbor Checks' },
    reviewRating: { '@type': 'Rating', alternateName: 'Mostly true' },
  },
]

const CSV = [
  'claim,rating,fact_checker,url,date',
  '"The new stadium cost $2 billion, twice the estimate",Mostly false,Valley Verify,https://verify.example/stadium,2026-08-01',
  'The river flooded five times this year,True,Valley Verify,https://verify.example/river,2026-07-12',
].join('\n')

describe('fact-checks through the API', () => {
  let server: TestServer
  before(async () => {
    server = await startTestServer()
  })
  after(() => server.close())

  const post = (body: string, contentType: string, query = '') =>
    server.request(`/v1/factchecks${query}`, { method: 'POST', body, headers: { 'content-type': contentType } })

  test('imports ClaimReview JSON-LD and CSV; search finds them by words of the claim', async () => {
    const fromJson = await post(JSON.stringify(CLAIM_REVIEWS), 'application/ld+json')
    assert.equal(fromJson.status, 200, fromJson.text)
    assert.equal(fromJson.json.format, 'json')
    assert.equal(fromJson.json.inserted, 2)
    assert.equal(fromJson.json.skipped, 0)
    const again = await post(JSON.stringify(CLAIM_REVIEWS), 'application/json')
    assert.equal(again.json.inserted, 0, 'upserted by review URL')

    const fromCsv = await post(CSV, 'text/csv')
    assert.equal(fromCsv.status, 200, fromCsv.text)
    assert.equal(fromCsv.json.format, 'csv')
    assert.equal(fromCsv.json.inserted, 2)

    const found = await server.request('/v1/factchecks/search?q=ferry%20fares')
    assert.equal(found.status, 200)
    assert.equal(found.json.mode, 'search')
    assert.equal(found.json.items[0].claim, 'Ferry fares tripled after the harbor merger')
    assert.equal(found.json.items[0].ratingNormalized, 'false')
    assert.equal(found.json.items[0].factChecker, 'Harbor Checks')
    const stadium = await server.request('/v1/factchecks/search?q=stadium%20cost&limit=1')
    assert.equal(stadium.json.items.length, 1)
    assert.equal(stadium.json.items[0].rating, 'Mostly false')
    assert.equal((await server.request('/readyz')).json.factchecks, true, 'matching is switched on after the import')
  })

  test('the ClaimReview JSON-LD the page exports imports back', async () => {
    const text = 'The harbor tunnel will open in May, the transport office said.'
    const report = {
      document: { title: 'Tunnel news', url: 'https://news.example/tunnel', outlet: null, publishedAt: null, language: 'en', wordCount: 11, text },
      claims: [{ id: 'c1', text, start: 0, end: text.length, checkworthiness: 0.8, attribution: { type: 'named', source: 'the transport office' }, matches: [], evidence: [] }],
      sources: [{ name: 'the transport office', kind: 'organization', mentions: 1 }],
      entities: [],
    } as unknown as Report
    const reviews = buildClaimReviews(report, { verdicts: { c1: 'Mostly false' }, reviewer: 'Tunnel Watch', date: '2026-11-24', reviewUrl: 'https://tunnel.example/review-1' })
    const res = await post(JSON.stringify(reviews), 'application/ld+json')
    assert.equal(res.status, 200, res.text)
    assert.equal(res.json.inserted, 1)
    const found = await server.request('/v1/factchecks/search?q=harbor%20tunnel')
    const item = found.json.items.find((i: { url: string }) => i.url === 'https://tunnel.example/review-1#claim-c1')
    assert.ok(item, JSON.stringify(found.json))
    assert.equal(item.ratingNormalized, 'mostly-false')
    assert.equal(item.factChecker, 'Tunnel Watch')
    assert.equal(item.claimant, 'the transport office')
  })

  test('bad rows are skipped and listed; a file that is nothing but broken is 422 E_BAD_DATA_ROW', async () => {
    const mixed = await post('claim,rating\n"Good row about bridges",False\n,True\n', 'text/csv')
    assert.equal(mixed.status, 200, mixed.text)
    assert.equal(mixed.json.inserted, 1)
    assert.equal(mixed.json.skipped, 1)
    assert.equal(mixed.json.problems[0].line, 3)
    const broken = await post('[{"@type": "ClaimReview", "claimReviewed": "x"', 'application/json')
    assert.equal(broken.status, 422, broken.text)
    assert.equal(broken.json.error.code, 'E_BAD_DATA_ROW')
  })

  test('415 for an unsupported body type, 400 for a missing q', async () => {
    const res = await post('<x/>', 'application/xml')
    assert.equal(res.status, 415)
    assert.equal(res.json.error.code, 'E_UNSUPPORTED_TYPE')
    const missing = await server.request('/v1/factchecks/search')
    assert.equal(missing.status, 400)
    assert.equal(missing.json.error.code, 'E_INPUT_INVALID')
  })
})

describe('reference corpus through the API', () => {
  let server: TestServer
  before(async () => {
    server = await startTestServer({ apiKeys: ['corpus-key-0123456789'] })
  })
  after(() => server.close())
  const auth = { authorization: 'Bearer corpus-key-0123456789' }

  test('adds articles (array or {articles}), upserts by URL, reports bad items', async () => {
    const articles = [
      { title: 'Harbor bridge vote delayed again', body: 'The council delayed the vote on the bridge repairs for a third time.', url: 'https://gazette.example/bridge-vote', outlet: 'Gazette', publishedAt: '2026-11-02' },
      { headline: 'Bridge repair costs questioned', text: 'Engineers questioned the estimate for the bridge repairs on Friday.', link: 'https://radio.example/bridge-costs', source: 'Public Radio' },
    ]
    const res = await server.request('/v1/corpus', { body: articles, headers: auth })
    assert.equal(res.status, 200, res.text)
    assert.equal(res.json.inserted, 2)
    const wrapped = await server.request('/v1/corpus?outlet=Wire', { body: { articles: [articles[0], { body: '' }] }, headers: auth })
    assert.equal(wrapped.status, 200, wrapped.text)
    assert.equal(wrapped.json.inserted, 0)
    assert.equal(wrapped.json.skipped, 1)
    assert.equal(wrapped.json.problems[0].where, 'item 2')
    assert.equal(await server.store.corpus.count(), 2)
    assert.equal((await server.request('/readyz')).json.corpus, true)
  })

  test('401 without the key; 422 when no item is usable; 400 for a body of the wrong shape', async () => {
    assert.equal((await server.request('/v1/corpus', { body: [{ title: 'x', body: 'y' }] })).status, 401)
    const bad = await server.request('/v1/corpus', { body: [{ body: '' }, { nothing: true }], headers: auth })
    assert.equal(bad.status, 422, bad.text)
    assert.equal(bad.json.error.code, 'E_BAD_DATA_ROW')
    const shape = await server.request('/v1/corpus', { body: { articles: 'no' }, headers: auth })
    assert.equal(shape.status, 400)
  })
})
