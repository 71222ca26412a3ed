// The web UI's ClaimReview export: a url per review, and an itemReviewed whose author is a named person or
// organization, never an unnamed source such as "residents".
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildClaimReviews, claimAuthor } from '../../src/web/claimreview.js'
import type { Claim, Report } from '../../src/report/types.js'

const text = 'Some residents say the bridge has been closed to trucks. Mayor Dana Whitcombe said repairs cost $4 million. The Harbor Authority said it will reopen in May.'
const claim = (id: string, quote: string, attribution: Claim['attribution']): Claim => {
  const start = text.indexOf(quote)
  return { id, text: quote, start, end: start + quote.length, checkworthiness: 0.8, attribution, matches: [], evidence: [] }
}
const report: Report = {
  schemaVersion: 1,
  id: 'r1',
  document: { title: 'Bridge', url: 'https://news.example/bridge', outlet: 'Gazette', publishedAt: '2026-01-05', language: 'en', wordCount: 27, text },
  risk: { score: 0.5, label: 'medium', reasons: [] },
  claims: [
    claim('c1', 'the bridge has been closed to trucks', { type: 'vague', source: 'residents' }),
    claim('c2', 'repairs cost $4 million', { type: 'named', source: 'Dana Whitcombe' }),
    claim('c3', 'it will reopen in May', { type: 'named', source: 'Harbor Authority' }),
  ],
  quotes: [],
  sources: [
    { name: 'residents', kind: 'unnamed', mentions: 1 },
    { name: 'Dana Whitcombe', kind: 'person', mentions: 1 },
    { name: 'Harbor Authority', kind: 'organization', mentions: 1 },
  ],
  entities: [],
  signals: [],
  errors: [],
  timings: { totalMs: 1 },
}
const verdicts = { c1: 'False', c2: 'Mostly true', c3: 'Mixed' } as const

test('an unnamed source is not an author; named people and organizations are, with their kind', () => {
  assert.equal(claimAuthor(report, report.claims[0]!), undefined)
  assert.deepEqual(claimAuthor(report, report.claims[1]!), { '@type': 'Person', name: 'Dana Whitcombe' })
  assert.deepEqual(claimAuthor(report, report.claims[2]!), { '@type': 'Organization', name: 'Harbor Authority' })
  const reviews = buildClaimReviews(report, { verdicts, reviewer: 'Desk', date: '2026-01-06' })
  const items = reviews.map((r) => r.itemReviewed as Record<string, unknown>)
  assert.equal(items[0]!.author, undefined, '"residents" is not an Organization')
  assert.deepEqual(items[0]!.appearance, [{ '@type': 'CreativeWork', url: 'https://news.example/bridge', headline: 'Bridge' }])
  assert.equal(items[0]!.datePublished, '2026-01-05')
  assert.deepEqual(items[1]!.author, { '@type': 'Person', name: 'Dana Whitcombe' })
})

test('without a report page or review url there is no url to give', () => {
  const unstored = buildClaimReviews(report, { verdicts: { c1: 'False' }, reviewer: '', date: '2026-01-06' })
  assert.equal(unstored[0]!.url, undefined)
  assert.deepEqual(unstored[0]!.author, { '@type': 'Organization', name: 'Anonymous reviewer' })
})

test('every review carries a url: the published review or the stored report page, one fragment per claim', () => {
  const stored = buildClaimReviews(report, { verdicts, reviewer: 'Desk', date: '2026-01-06', reportUrl: 'https://factsift.local/#/report/r1' })
  assert.deepEqual(stored.map((r) => r.url), ['https://factsift.local/#/report/r1/claim/c1', 'https://factsift.local/#/report/r1/claim/c2', 'https://factsift.local/#/report/r1/claim/c3'])
  const published = buildClaimReviews(report, { verdicts: { c1: 'False' }, reviewer: 'Desk', date: '2026-01-06', reviewUrl: 'https://desk.example/reviews/bridge', reportUrl: 'https://factsift.local/#/report/r1' })
  assert.equal(published[0]!.url, 'https://desk.example/reviews/bridge#claim-c1')
  assert.deepEqual(Object.keys(published[0]!).slice(0, 5), ['@context', '@type', 'claimReviewed', 'datePublished', 'url'])
})
