// The behaviour every Store must share (SQLite and PostgreSQL): registers node:test tests for a given store factory.
import { test, type TestContext } from 'node:test'
import assert from 'node:assert/strict'
import type { Store } from '../types.js'
import type { Report } from '../../report/types.js'
import type { FactCheckRecord } from '../factcheck-repository.js'
import type { CorpusArticle } from '../corpus-repository.js'
import { FactsiftError } from '../../errors.js'
import { feedContract } from './feed-contract.js'
import { sourceRatingsContract } from './source-ratings-contract.js'
import { claimsContract } from './claims-contract.js'

export interface ContractOptions {
  /** A fresh, empty store; called once per test. */
  open: () => Promise<Store>
  /** A skip message (service absent) or false. */
  skip?: string | false
}

/** Registers the shared store tests under `name`; each test gets its own empty store and closes it. */
export function storeContract(name: string, options: ContractOptions): void {
  const it = (title: string, body: (store: Store, t: TestContext) => Promise<void>) =>
    test(`${name}: ${title}`, { skip: options.skip ?? false }, async (t) => {
      const store = await options.open()
      try {
        await body(store, t)
      } finally {
        await store.close()
      }
    })

  it('answers ping and names its kind', async (store) => {
    assert.equal(await store.ping(), true)
    assert.ok(store.kind === 'sqlite' || store.kind === 'postgres')
    assert.ok(!/:[^:/@]+@/.test(store.location), 'no password in location')
  })

  // ---- reports ----

  it('reports: save then get returns the same report; has() tells presence', async ({ reports }) => {
    const original = report('r1', 'Council votes on bridge', 'The council voted 7 to 2 to repair the bridge.')
    assert.equal(await reports.save(original), 'r1')
    assert.deepEqual(await reports.get('r1'), original)
    assert.equal(await reports.has('r1'), true)
    assert.equal(await reports.has('nope'), false)
    assert.equal(await reports.get('nope'), null)
  })

  it('reports: getMany returns the reports that exist, by id, across more ids than one query reads', async ({ reports }) => {
    const saved = Array.from({ length: 3 }, (_, i) => report(`m${i}`, `Report ${i}`, `Body ${i} about ferries.`))
    for (const r of saved) await reports.save(r)
    const asked = [...Array.from({ length: 450 }, (_, i) => `absent-${i}`), 'm2', 'm0', 'm0', 'nope']
    const found = await reports.getMany(asked)
    assert.deepEqual([...found.keys()].sort(), ['m0', 'm2'])
    assert.deepEqual(found.get('m0'), saved[0])
    assert.deepEqual(found.get('m2'), saved[2])
    assert.equal((await reports.getMany([])).size, 0)
  })

  it('reports: a report that is not assessed is stored and listed without a score', async ({ reports }) => {
    const notAssessed: Report = {
      ...report('na', 'Hallenbad schließt', 'Die Stadt schließt das Hallenbad über den Winter.'),
      risk: { score: null, label: 'not-assessed', reasons: [], assessed: false },
      assessment: { status: 'not-assessed', reasons: [{ code: 'language', message: 'written in German' }], skipped: [] },
    }
    await reports.save(notAssessed)
    await reports.save(report('ok', 'Council votes', 'The council voted.', 0.2))
    assert.deepEqual(await reports.get('na'), notAssessed)
    const { items } = await reports.list({})
    const listed = items.find((i) => i.id === 'na')!
    assert.equal(listed.riskScore, null)
    assert.equal(listed.riskLabel, 'not-assessed')
    assert.equal(items.find((i) => i.id === 'ok')!.riskScore, 0.2)
  })

  it('reports: a report without an id gets the same stable content id in every store', async ({ reports }) => {
    const a = await reports.save(report(undefined, 'T', 'Same text.'))
    const b = await reports.save(report(undefined, 'T', 'Same text.'))
    // A hash of title, url, outlet, date and text: the same article saved into either store gets the same id.
    assert.equal(a, '1c34bb79587a4dd94076fd0932bddbda')
    assert.equal(a, b)
    assert.equal((await reports.get(a))?.id, a)
    assert.equal((await reports.list({})).items.length, 1)
  })

  it('reports: saving an existing id replaces it and moves it to the top', async ({ reports }) => {
    await reports.save(report('a', 'First', 'alpha text'))
    await reports.save(report('b', 'Second', 'beta text'))
    await reports.save(report('a', 'First again', 'alpha text revised', 0.9))
    const { items } = await reports.list({})
    assert.deepEqual(items.map((item) => item.id), ['a', 'b'])
    assert.equal(items[0]!.title, 'First again')
    assert.equal(items[0]!.riskLabel, 'high')
    assert.equal(items[0]!.riskScore, 0.9)
    assert.equal(items[0]!.claimCount, 0)
    assert.equal(items[0]!.wordCount, 3)
    assert.ok(!Number.isNaN(Date.parse(items[0]!.createdAt)))
    assert.equal((await reports.list({ q: 'revised' })).items.length, 1)
    assert.equal((await reports.list({ q: 'First' })).items.length, 1)
  })

  it('reports: concurrent saves of one id leave one row', async ({ reports }) => {
    await Promise.all(Array.from({ length: 8 }, (_, i) => reports.save(report('same', `Version ${i}`, `text ${i}`))))
    const { items } = await reports.list({})
    assert.deepEqual(items.map((item) => item.id), ['same'])
  })

  it('reports: cursor pages walk every report once, newest first', async ({ reports }) => {
    for (let i = 0; i < 7; i++) await reports.save(report(`r${i}`, `Report ${i}`, `Body number ${i} about trains.`))
    const seen: string[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const page = await reports.list({ limit: 3, ...(cursor ? { cursor } : {}) })
      seen.push(...page.items.map((item) => item.id))
      cursor = page.nextCursor ?? undefined
      pages++
    } while (cursor)
    assert.deepEqual(seen, ['r6', 'r5', 'r4', 'r3', 'r2', 'r1', 'r0'])
    assert.equal(pages, 3)
  })

  it('reports: q searches title and text, every word required, last word as prefix, any case', async ({ reports }) => {
    await reports.save(report('x', 'Mayor denies budget claim', 'The mayor said the budget was balanced.'))
    await reports.save(report('y', 'Storm closes schools', 'Schools closed as the storm approached the coast.'))
    await reports.save(report('z', 'Budget vote delayed', 'Council delayed the budget vote after the storm.'))
    assert.deepEqual((await reports.list({ q: 'budget' })).items.map((i) => i.id), ['z', 'x'])
    assert.deepEqual((await reports.list({ q: 'storm budget' })).items.map((i) => i.id), ['z'])
    assert.deepEqual((await reports.list({ q: 'coa' })).items.map((i) => i.id), ['y'])
    assert.deepEqual((await reports.list({ q: 'MAYOR' })).items.map((i) => i.id), ['x'])
    assert.deepEqual((await reports.list({ q: 'denies' })).items.map((i) => i.id), ['x'])
    const paged = await reports.list({ q: 'budget', limit: 1 })
    assert.deepEqual(paged.items.map((i) => i.id), ['z'])
    const next = await reports.list({ q: 'budget', limit: 1, cursor: paged.nextCursor! })
    assert.deepEqual(next.items.map((i) => i.id), ['x'])
    assert.equal(next.nextCursor, null)
  })

  it('reports: search syntax in q is plain text, never an error', async ({ reports }) => {
    await reports.save(report('x', 'Quotes "and" stars', 'NEAR AND OR NOT * ( ) : ^ & | ! text'))
    for (const q of ['"', 'NEAR(', 'a OR', '*', 'title:x', '^foo', ') (', 'AND', '💥', '"unterminated', "it's", 'a & b', '!x', 'x:*', "'", '\\']) {
      const result = await reports.list({ q })
      assert.ok(Array.isArray(result.items), q)
    }
    assert.equal((await reports.list({ q: '!!! ???' })).items.length, 0)
  })

  it('reports: delete removes one report (also from list and search) and tells whether it existed', async ({ reports }) => {
    await reports.save(report('keep', 'Harbor report', 'The harbor opened.'))
    await reports.save(report('gone', 'Harbor closing', 'The harbor closed.'))
    assert.equal(await reports.delete('gone'), true)
    assert.equal(await reports.delete('gone'), false)
    assert.equal(await reports.delete('never-there'), false)
    assert.equal(await reports.get('gone'), null)
    assert.deepEqual((await reports.list({})).items.map((item) => item.id), ['keep'])
    assert.deepEqual((await reports.list({ q: 'harbor' })).items.map((item) => item.id), ['keep'])
  })

  it('reports: deleteOlderThan removes only reports saved before the cutoff, at most limit per call', async ({ reports }) => {
    for (const id of ['old1', 'old2', 'old3']) await reports.save(report(id, `Old ${id}`, 'old text'))
    await new Promise((resolve) => setTimeout(resolve, 15))
    const cutoff = new Date()
    await new Promise((resolve) => setTimeout(resolve, 15))
    await reports.save(report('new1', 'New', 'new text'))
    assert.equal(await reports.deleteOlderThan(cutoff, 2), 2)
    assert.equal(await reports.deleteOlderThan(cutoff), 1)
    assert.equal(await reports.deleteOlderThan(cutoff), 0)
    assert.deepEqual((await reports.list({})).items.map((item) => item.id), ['new1'])
    assert.equal((await reports.list({ q: 'old' })).items.length, 0)
  })

  it('reports: bad limit or cursor throws E_BAD_ARGUMENT', async ({ reports }) => {
    for (const limit of [0, -1, 101, 2.5]) {
      await assert.rejects(reports.list({ limit }), (e: unknown) => e instanceof FactsiftError && e.code === 'E_BAD_ARGUMENT')
    }
    for (const cursor of ['garbage!', 'czEyMw==', Buffer.from('x1').toString('base64url'), 'a'.repeat(100)]) {
      await assert.rejects(reports.list({ cursor }), (e: unknown) => e instanceof FactsiftError && e.code === 'E_BAD_ARGUMENT', cursor)
    }
  })

  // ---- fact-checks ----

  it('factchecks: upsert counts inserted, updated and unchanged, repeated keys in one call included', async ({ factchecks }) => {
    assert.deepEqual(await factchecks.upsertMany([]), { inserted: 0, updated: 0, unchanged: 0 })
    const first = await factchecks.upsertMany([factCheck('k1', 'The moon is made of cheese'), factCheck('k2', 'Vaccines contain microchips')])
    assert.deepEqual(first, { inserted: 2, updated: 0, unchanged: 0 })
    const second = await factchecks.upsertMany([
      factCheck('k1', 'The moon is made of cheese'),
      factCheck('k2', 'Vaccines contain tracking microchips'),
      factCheck('k3', 'A new claim'),
      factCheck('k3', 'A new claim, revised'),
      factCheck('k3', 'A new claim, revised'),
    ])
    assert.deepEqual(second, { inserted: 1, updated: 2, unchanged: 2 })
    assert.equal(await factchecks.count(), 3)
    assert.equal((await factchecks.get!('k3'))?.claim, 'A new claim, revised')
    assert.equal(await factchecks.get!('missing'), null)
    assert.deepEqual(await factchecks.get!('k2'), factCheck('k2', 'Vaccines contain tracking microchips'))
  })

  it('factchecks: search ranks the closest claim first, with stemming, positive decreasing scores', async ({ factchecks }) => {
    await factchecks.upsertMany(FACT_CHECKS)
    const hits = await factchecks.search('Did the governor really ban voting by mail in Ohio?', 5)
    assert.ok(hits.length >= 2)
    assert.equal(hits[0]!.record.key, 'fc-mail-voting')
    for (const hit of hits) assert.ok(hit.bm25 > 0 && Number.isFinite(hit.bm25))
    for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1]!.bm25 >= hits[i]!.bm25)
    // "vaccinated" and "vaccines" share a stem; the title counts too.
    assert.equal((await factchecks.search('vaccinated children autism', 3))[0]?.record.key, 'fc-vaccines')
    assert.equal((await factchecks.search('hurricane relief', 3))[0]?.record.key, 'fc-title-only')
    assert.equal((await factchecks.search('Ohio', 1)).length, 1)
    assert.deepEqual(await factchecks.search('the and of', 5), [])
    assert.deepEqual(await factchecks.search('zzzunknownword', 5), [])
    assert.deepEqual(await factchecks.search('voting mail', 0), [])
    for (const text of ['"', 'NEAR(ban', 'a OR', '*', "it's", 'a & b | !c', ':*', '\\', '💥']) assert.ok(Array.isArray(await factchecks.search(text, 3)), text)
  })

  it('factchecks: iterate yields every record once in key order (code point order)', async ({ factchecks }) => {
    const keys = ['b', 'a', 'B', 'https://x.org/2', 'https://x.org/10', 'é', 'Z']
    await factchecks.upsertMany(keys.map((key) => factCheck(key, `claim ${key}`)))
    const seen: string[] = []
    for await (const record of factchecks.iterate()) seen.push(record.key)
    assert.deepEqual(seen, [...keys].sort())
  })

  it('factchecks: stats count by rating and fact-checker; termStats gives document frequencies', async ({ factchecks }) => {
    await factchecks.upsertMany(FACT_CHECKS)
    const stats = await factchecks.stats!()
    assert.equal(stats.factChecks, FACT_CHECKS.length)
    assert.equal(stats.byRating.false, 3)
    assert.equal(stats.byRating['mostly-true'], 1)
    assert.equal(stats.byRating.unrated, 0)
    assert.deepEqual(stats.factCheckers[0], { factChecker: 'PolitiFact', factChecks: 2 })
    const terms = await factchecks.termStats!(['voting', 'ohio', 'zzzunknown'])
    assert.equal(terms.total, FACT_CHECKS.length)
    assert.deepEqual(terms.df, [2, 2, 0])
  })

  // ---- corpus ----

  it('corpus: upsert counts, get, count and stats', async ({ corpus }) => {
    assert.deepEqual(await corpus.upsertMany(ARTICLES), { inserted: ARTICLES.length, updated: 0, unchanged: 0 })
    const changed = { ...ARTICLES[0]!, body: `${ARTICLES[0]!.body} Updated.` }
    assert.deepEqual(await corpus.upsertMany([changed, ARTICLES[1]!]), { inserted: 0, updated: 1, unchanged: 1 })
    assert.equal(await corpus.count(), ARTICLES.length)
    assert.deepEqual(await corpus.get!(changed.key), changed)
    assert.equal(await corpus.get!('missing'), null)
    const stats = await corpus.stats()
    assert.equal(stats.articles, ARTICLES.length)
    assert.equal(stats.distinctOutlets, 3)
    assert.equal(stats.withoutOutlet, 1)
    // Grouped by canonical outlet; the name shown is the smallest spelling in code point order.
    assert.deepEqual(stats.outlets[0], { outlet: 'AP', articles: 2 })
    assert.equal(stats.earliest, '2024-03-01')
    assert.equal(stats.latest, '2024-03-05T18:00:00Z')
  })

  it('corpus: search ranks title hits over body hits and filters by outlet and date', async ({ corpus }) => {
    await corpus.upsertMany(ARTICLES)
    const hits = await corpus.search('bridge collapse investigation', { limit: 5 })
    assert.ok(hits.length >= 2)
    assert.equal(hits[0]!.article.key, 'a-bridge-title')
    for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1]!.bm25 >= hits[i]!.bm25 && hits[i]!.bm25 > 0)
    const ap = await corpus.search('bridge collapse', { limit: 5, outlets: ['AP'] })
    assert.deepEqual(ap.map((h) => h.article.key).sort(), ['a-bridge-body', 'a-bridge-title'])
    const before = await corpus.search('bridge collapse', { limit: 5, publishedBefore: '2024-03-05' })
    assert.ok(before.some((h) => h.article.key === 'a-bridge-late'), 'a date alone includes that whole day')
    const after = await corpus.search('bridge collapse', { limit: 5, publishedAfter: '2024-03-04' })
    assert.deepEqual(after.map((h) => h.article.key), ['a-bridge-late'])
    assert.deepEqual(await corpus.search('the of and', { limit: 5 }), [])
    assert.deepEqual(await corpus.search('bridge', { limit: 0 }), [])
    for (const text of ['"', 'NEAR(', '*', "it's", 'a & b | !c', ':*']) assert.ok(Array.isArray(await corpus.search(text, { limit: 3 })), text)
  })

  feedContract(name, options)
  sourceRatingsContract(name, options)
  claimsContract(name, options)
}

export function report(id: string | undefined, title: string | null, text: string, score = 0.5): Report {
  return {
    schemaVersion: 1,
    ...(id ? { id } : {}),
    document: { title, url: null, outlet: 'Test Outlet', publishedAt: null, language: 'en', wordCount: text.split(/\s+/).length, text },
    risk: { score, label: score > 0.66 ? 'high' : score > 0.33 ? 'medium' : 'low', reasons: [] },
    claims: [],
    quotes: [],
    sources: [],
    entities: [],
    signals: [],
    errors: [],
    timings: { totalMs: 1 },
  }
}

function factCheck(key: string, claim: string, extra: Partial<FactCheckRecord> = {}): FactCheckRecord {
  return {
    key,
    claim,
    claimant: null,
    rating: 'False',
    ratingNormalized: 'false',
    factChecker: null,
    url: null,
    reviewedAt: null,
    language: 'en',
    title: null,
    externalId: null,
    ...extra,
  }
}

const FACT_CHECKS: FactCheckRecord[] = [
  factCheck('fc-mail-voting', 'The governor of Ohio banned voting by mail', { factChecker: 'PolitiFact', title: 'No, mail voting was not banned' }),
  factCheck('fc-voting-machines', 'Voting machines in Georgia switched votes', { factChecker: 'PolitiFact' }),
  factCheck('fc-vaccines', 'Vaccines cause autism in children', { factChecker: 'Snopes', rating: 'Pants on Fire' }),
  factCheck('fc-ohio-jobs', 'Ohio lost 50,000 jobs last year', { rating: 'Mostly True', ratingNormalized: 'mostly-true', factChecker: 'FactCheck.org' }),
  factCheck('fc-title-only', 'Aid money was diverted', { title: 'Hurricane relief funds claim', rating: 'Mixture', ratingNormalized: 'mixed' }),
]

function article(key: string, title: string, body: string, outlet: string | null, publishedAt: string | null): CorpusArticle {
  return { key, title, body, url: `https://example.org/${key}`, outlet, publishedAt }
}

const ARTICLES: CorpusArticle[] = [
  article('a-bridge-title', 'Bridge collapse investigation begins', 'Engineers arrived on Monday to examine the structure.', 'Associated Press', '2024-03-01'),
  article('a-bridge-body', 'City council meets', 'The council discussed the bridge collapse and the budget for the coming year.', 'AP', '2024-03-02'),
  article('a-bridge-late', 'Evening update', 'Officials gave an evening update on the bridge collapse.', 'Reuters', '2024-03-05T18:00:00Z'),
  article('a-weather', 'Storm warning issued', 'Forecasters expect heavy rain and wind.', 'Daily Ledger', '2024-03-03'),
  article('a-no-outlet', 'Local fair opens', 'Families visited the fair.', null, null),
]
