import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createEngine } from '../../engine/engine.js'
import { defaultAnalyzers } from '../registry.js'
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js'
import { validateReport } from '../../report/validate.js'
import { outletTable } from '../../nlp/outlets.js'
import { createRatingsRegistry } from '../../source-ratings/index.js'
import { bylineOutlet, resolvePublisher } from './resolve.js'
import { createSourceRatingsService } from './ratings-service.js'

const registry = createRatingsRegistry()
const outlets = outletTable()
const meta = (m: { url?: string; outlet?: string; byline?: string }) => ({ url: m.url ?? null, outlet: m.outlet ?? null, byline: m.byline ?? null })
const resolve = (m: { url?: string; outlet?: string; byline?: string }, lines: string[] = []) =>
  resolvePublisher(registry, outlets, { meta: meta(m), sourceLines: lines.map((name) => ({ name })) })

test('the URL names the publisher: www., AMP caches and archive wrappers resolve to the rated domain', () => {
  for (const url of ['https://www.infowars.com/posts/x', 'https://www-infowars-com.cdn.ampproject.org/c/s/www.infowars.com/posts/x', 'https://web.archive.org/web/2020/https://www.infowars.com/posts/x']) {
    assert.deepEqual(resolve({ url }), {
      name: 'Infowars',
      domain: 'infowars.com',
      via: 'url',
      rating: { score: 0.05, band: 'low', list: 'lin2023', citation: 'Lin et al. 2023', domain: 'infowars.com' },
    }, url)
  }
  // The URL outranks the site name; an unrated domain is explicit, with its registrable domain.
  assert.deepEqual(resolve({ url: 'https://news.unrated-example.net/a', outlet: 'Reuters' }), { name: 'Reuters', domain: 'unrated-example.net', via: 'url', rating: { unrated: true } })
})

test('without a URL: site name / JSON-LD publisher, then the byline, then the one outlet all Source: lines name', () => {
  const wapo = resolve({ outlet: 'Washington Post' })
  assert.deepEqual([wapo?.name, wapo?.domain, wapo?.via, 'score' in wapo!.rating && wapo!.rating.score], ['The Washington Post', 'washingtonpost.com', 'metadata', 0.82])
  assert.deepEqual(resolve({ outlet: 'The Valley Ledger' }), { name: 'The Valley Ledger', domain: null, via: 'metadata', rating: { unrated: true } })
  const byline = resolve({ byline: 'By Jane Doe, Reuters' })
  assert.deepEqual([byline?.name, byline?.domain, byline?.via], ['Reuters', 'reuters.com', 'byline'])
  assert.equal(bylineOutlet(outlets, 'Jane Doe | Infowars.com'), 'infowars.com')
  assert.equal(bylineOutlet(outlets, 'By Jane Doe, Environment Correspondent'), null)
  const line = resolve({}, ['News Week', 'Newsweek'])
  assert.deepEqual([line?.name, line?.domain, line?.via], ['Newsweek', 'newsweek.com', 'source-line'])
  // The seed's three different Source: lines are cited outlets, not a publisher; a file path names none.
  assert.equal(resolve({}, ['News Week', 'Yellow Hammer News', 'Washington Post']), null)
  assert.equal(resolve({ url: 'file:///tmp/a.txt' }), null)
})

// A paraphrase of the seed we wrote (test/fixtures/sourcing/seed-like.txt): its three outlets on Source: lines.
const seed = readFileSync(new URL('../../../test/fixtures/sourcing/seed-like.txt', import.meta.url), 'utf8')

test('the seed: its three cited outlets are rated with their list; the header’s Source: line names the publisher; risk unchanged without a URL', async () => {
  const engine = createEngine()
  const report = await engine.analyze({ text: seed })
  assert.deepEqual(validateReport(report), [])
  // "Trump’s criticism … Source: News Week" heads the text: ingest takes the outlet from it (metadata, not a URL).
  assert.equal(report.document.publisher?.name, 'Newsweek')
  assert.equal(report.document.publisher?.via, 'metadata')
  const rated = Object.fromEntries(report.sources.filter((s) => s.kind === 'outlet').map((s) => [s.name, [s.domain, s.rating && 'score' in s.rating ? `${s.rating.score} ${s.rating.list}` : 'unrated']]))
  assert.deepEqual(rated, {
    Newsweek: ['newsweek.com', '0.82 lin2023'],
    'Yellowhammer News': ['yellowhammernews.com', '0.65 lin2023'],
    'The Washington Post': ['washingtonpost.com', '0.82 lin2023'],
  })
  // Items without a URL keep the text-only model: the same score as an engine without the publisher analyzer.
  const without = await createEngine({ analyzers: defaultAnalyzers().filter((a) => a.id !== 'publisher') }).analyze({ text: seed })
  assert.equal(report.risk.score, without.risk.score)
  assert.ok(!report.risk.reasons.some((r) => r.signal === 'publisher-rating'))
})

test('--url https://www.infowars.com/…: the publisher is rated and the first risk reason names it, raising the risk', async () => {
  const engine = createEngine()
  const plain = await engine.analyze({ text: seed })
  const report = await engine.analyze({ text: seed, url: 'https://www.infowars.com/posts/sessions' })
  assert.deepEqual(validateReport(report), [])
  assert.equal(report.document.publisher?.domain, 'infowars.com')
  const reason = report.risk.reasons.find((r) => r.signal === 'publisher-rating')
  assert.equal(reason?.message, 'Published by infowars.com, rated 0.05 of 1 (Lin et al. 2023)')
  assert.equal(report.risk.reasons.filter((r) => r.signal !== 'short-text')[0]?.signal, 'publisher-rating')
  assert.ok(reason!.weight > 0)
  assert.ok(report.risk.score! > plain.risk.score!, `${report.risk.score} > ${plain.risk.score}`)
  // A highly rated publisher lowers it.
  const reuters = await engine.analyze({ text: seed, url: 'https://www.reuters.com/world/us/sessions' })
  assert.ok(reuters.risk.score! < plain.risk.score!, `${reuters.risk.score} < ${plain.risk.score}`)
  assert.match(reuters.risk.reasons.find((r) => r.signal === 'publisher-rating')!.message, /^Published by reuters\.com, rated 1 of 1 \(Lin et al\. 2023\)$/)
})

test('a user list in the store ranks over the shipped table, says its name, and a new import is seen without restarting', async () => {
  const store = openSqliteStore(':memory:')
  try {
    await store.sourceRatings.saveList({ name: 'newsroom', citation: 'user list "newsroom"', entries: new Map([['infowars.com', { score: 0.6 }]]) })
    const ratings = createSourceRatingsService({ store, recheckMs: 0 })
    const engine = createEngine({ services: { store, ratings } })
    const report = await engine.analyze({ text: seed, url: 'https://infowars.com/a' })
    assert.deepEqual(report.document.publisher?.rating, { score: 0.6, band: 'mixed', list: 'newsroom', citation: 'user list "newsroom"', domain: 'infowars.com' })
    assert.equal(report.risk.reasons.find((r) => r.signal === 'publisher-rating')?.message, 'Published by infowars.com, rated 0.6 of 1 (user list "newsroom")')
    await store.sourceRatings.removeList('newsroom')
    const after = await engine.analyze({ text: seed, url: 'https://infowars.com/a' })
    assert.equal(after.document.publisher?.rating && 'list' in after.document.publisher.rating && after.document.publisher.rating.list, 'lin2023')
  } finally {
    await store.close()
  }
})

test('cited sources all rated low give a risk reason (a note, weight 0)', async () => {
  const text = 'The vaccine was banned, according to Infowars. The ban started on Monday, Infowars reported.\n\nMore details at https://www.naturalnews.com/2020-01-01-story.html and nowhere else, the post said. Officials did not answer questions about the ban on Tuesday.'
  const report = await createEngine().analyze({ text })
  const reason = report.risk.reasons.find((r) => r.signal === 'low-rated-sources')
  assert.ok(reason, JSON.stringify(report.sources))
  assert.equal(reason.weight, 0)
  assert.match(reason.message, /^Every rated outlet it cites is rated low: Infowars \(rated 0\.05 of 1 \(Lin et al\. 2023\)\), naturalnews\.com \(rated 0 of 1/)
  const seedReport = await createEngine().analyze({ text: seed })
  assert.ok(!seedReport.risk.reasons.some((r) => r.signal === 'low-rated-sources'))
})
