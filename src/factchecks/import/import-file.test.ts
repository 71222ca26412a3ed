import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { allFactChecks, memoryFactCheckRepository } from '../../store/test-support/factcheck-repo.js'
import { importFactCheckSource, importFactChecks, type ImportOptions } from './import-file.js'

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/factchecks')

async function importFixture(name: string, options: ImportOptions = {}) {
  const repo = memoryFactCheckRepository()
  const summary = await importFactChecks(repo, join(FIXTURES, name), options)
  return { repo, summary, records: await allFactChecks(repo) }
}

test('single ClaimReview object: every field, numeric and textual rating', async () => {
  const { summary, records } = await importFixture('claimreview-single.json')
  assert.equal(summary.format, 'json')
  assert.deepEqual([summary.read, summary.inserted, summary.skipped], [1, 1, 0])
  assert.deepEqual(records[0], {
    key: 'https://checks.example.org/2024/lemon-water-flu',
    claim: 'Drinking hot water with lemon cures the flu within a day.',
    claimant: 'Wellness Blogger',
    rating: 'False',
    ratingNormalized: 'false',
    factChecker: 'Example Checks',
    url: 'https://checks.example.org/2024/lemon-water-flu',
    reviewedAt: '2024-01-12',
    language: 'en',
    title: 'No, lemon water does not cure the flu',
    externalId: null,
  })
})

test('array of ClaimReviews; a numeric-only rating is normalized from its scale', async () => {
  const { summary, records } = await importFixture('claimreview-array.json')
  assert.equal(summary.inserted, 2)
  const shark = records.find((r) => r.url?.endsWith('highway-shark'))!
  assert.equal(shark.rating, '')
  assert.equal(shark.ratingNormalized, 'mostly-false')
  assert.equal(records.find((r) => r.url?.endsWith('riverton-bridges'))!.ratingNormalized, 'mostly-false')
})

test('@graph with @id references to the claim and the organization', async () => {
  const { summary, records } = await importFixture('claimreview-graph.jsonld')
  assert.equal(summary.skipped, 0)
  assert.equal(records.length, 1)
  assert.equal(records[0]!.claimant, 'Energy Forum Post')
  assert.equal(records[0]!.factChecker, 'Review Desk')
  assert.equal(records[0]!.ratingNormalized, 'false')
})

test('HTML page with embedded JSON-LD: only the ClaimReview block becomes a record', async () => {
  const { summary, records } = await importFixture('page.html')
  assert.equal(summary.format, 'html')
  assert.deepEqual([summary.inserted, summary.skipped], [1, 0])
  assert.equal(records[0]!.claim, 'Eating carrots lets people see in complete darkness.')
})

test('Google Fact Check Tools API response: one record per claimReview', async () => {
  const { summary, records } = await importFixture('google-api.json')
  assert.deepEqual([summary.inserted, summary.skipped], [2, 0])
  const first = records.find((r) => r.factChecker === 'Local Facts')!
  assert.equal(first.claimant, 'Town newsletter')
  assert.equal(first.title, 'Northbridge reading room is open around the clock')
  assert.equal(first.reviewedAt, '2024-03-04T00:00:00.000Z')
  assert.equal(records.find((r) => r.factChecker === 'Second Look')!.ratingNormalized, 'true')
})

test('DataCommons DataFeed: items as arrays or single objects', async () => {
  const { summary, records } = await importFixture('datacommons-feed.json')
  assert.deepEqual([summary.inserted, summary.skipped], [2, 0])
  assert.deepEqual(records.map((r) => r.ratingNormalized).sort(), ['mixed', 'mostly-false'])
  assert.equal(records.find((r) => r.url?.endsWith('lakeside-water'))!.claimant, 'Viral post')
})

test('JSON Lines: our flat records and ClaimReview lines side by side', async () => {
  const { summary, records } = await importFixture('factchecks.jsonl')
  assert.equal(summary.format, 'jsonl')
  assert.deepEqual([summary.inserted, summary.skipped], [2, 0])
  assert.ok(records.some((r) => r.claim.startsWith('A coin toss')))
})

test('CSV with column flags, a quoted field holding a comma, doubled quotes and a newline', async () => {
  const { summary, records } = await importFixture('factchecks.csv', {
    columns: { url: 'source url', factChecker: 'checked by', reviewedAt: '5' },
  })
  assert.deepEqual([summary.inserted, summary.skipped], [2, 0])
  const tea = records.find((r) => r.url?.endsWith('miracle-tea'))!
  assert.equal(tea.claim, 'A "miracle" tea melts belly fat overnight.')
  assert.equal(tea.ratingNormalized, 'false')
  assert.equal(tea.factChecker, 'CSV Checks')
  assert.equal(tea.reviewedAt, '2023-05-06')
  assert.equal(records.find((r) => r.url?.endsWith('turbines-birds'))!.claim, 'Wind turbines cause, on average, more bird deaths than cars.')
})

test('CSV without a claim column is a bad argument, not a crash', async () => {
  await assert.rejects(importFixture('factchecks.csv', { columns: { claim: 'nope' } }), { code: 'E_BAD_ARGUMENT' })
})

test('TSV with header aliases', async () => {
  const { summary, records } = await importFixture('factchecks.tsv')
  assert.equal(summary.format, 'tsv')
  assert.equal(summary.inserted, 2)
  assert.equal(records.find((r) => r.url?.endsWith('honey'))!.ratingNormalized, 'mostly-true')
})

test('CLEF verified-claims TSV: id, claim, title; quoted multi-line claim; keyed by content hash', async () => {
  const { summary, records } = await importFixture('clef-verified.tsv')
  assert.deepEqual([summary.read, summary.inserted, summary.skipped], [3, 3, 0])
  const senator = records.find((r) => r.externalId === '1')!
  assert.equal(senator.claim, 'A senator said that "clouds are made of cotton."')
  assert.equal(senator.title, 'Did a Senator Say Clouds Are Cotton?')
  assert.match(senator.key, /^sha256:[0-9a-f]{32}$/)
  assert.equal(senator.factChecker, 'Snopes')
})

test('re-import is idempotent; a changed rating updates, never duplicates', async () => {
  const repo = memoryFactCheckRepository()
  const path = join(FIXTURES, 'claimreview-array.json')
  const first = await importFactChecks(repo, path)
  const second = await importFactChecks(repo, path)
  assert.deepEqual([first.inserted, first.updated, first.unchanged], [2, 0, 0])
  assert.deepEqual([second.inserted, second.updated, second.unchanged], [0, 0, 2])
  const changed = JSON.stringify([
    {
      '@type': 'ClaimReview',
      url: 'https://checks.example.org/2024/riverton-bridges',
      claimReviewed: 'The city of Riverton banned bicycles on all of its bridges in 2021.',
      reviewRating: { alternateName: 'False' },
    },
  ])
  const third = await importFactCheckSource(repo, { name: 'changed', chunks: chunksOf(changed, 7) })
  assert.deepEqual([third.inserted, third.updated], [0, 1])
  assert.equal(await repo.count(), 2)
  assert.equal((await repo.get!('https://checks.example.org/2024/riverton-bridges'))!.ratingNormalized, 'false')
  assert.equal((await repo.search('Riverton bicycles bridges', 5)).length, 1)
})

test('bad JSONL rows are reported with their line numbers and skipped; the rest imports', async () => {
  const { summary, records } = await importFixture('bad-rows.jsonl')
  assert.deepEqual([summary.read, summary.inserted, summary.skipped], [5, 2, 3])
  assert.deepEqual(
    summary.problems.map((p) => [p.line, p.message.split(':')[0]]),
    [
      [2, 'invalid JSON'],
      [3, 'no claim text'],
      [4, 'url is not http(s)'],
    ],
  )
  assert.equal(records.length, 2)
})

test('bad CSV rows: empty claim and wrong column count, with line numbers', async () => {
  const { summary } = await importFixture('bad-rows.csv')
  assert.deepEqual([summary.inserted, summary.skipped], [2, 2])
  assert.deepEqual(summary.problems, [
    { line: 3, message: 'no claim text' },
    { line: 4, message: 'expected 3 columns, found 4' },
  ])
})

test('a JSON array streamed in tiny chunks gives the same records and element line numbers', async () => {
  const items = Array.from({ length: 30 }, (_, i) => ({
    '@type': 'ClaimReview',
    url: `https://stream.example.org/${i}`,
    claimReviewed: `Claim number ${i} with "quotes", a \\ backslash and ünïcödé.`,
    reviewRating: { alternateName: i % 2 ? 'True' : 'False' },
  }))
  const text = `[\n${items.map((x) => JSON.stringify(x)).join(',\n')},\n{"claimReviewed": oops},\n{"note":"no fact-check here"},\n{"@type":"WebPage"}\n]`
  const repo = memoryFactCheckRepository()
  const summary = await importFactCheckSource(repo, { name: 'stream', chunks: chunksOf(text, 3) }, { format: 'json', batchSize: 4 })
  assert.equal(summary.inserted, 30)
  assert.deepEqual(summary.problems.map((p) => p.line), [32, 33])
  assert.equal((await repo.get!('https://stream.example.org/29'))!.claim, 'Claim number 29 with "quotes", a \\ backslash and ünïcödé.')
})

test('unbalanced JSON stops the file with a line number; rows before it stay imported', async () => {
  const text = '[{"claim":"First complete record here.","url":"https://x.example.org/1"},\n{"claim":"Second"}}\n]'
  const repo = memoryFactCheckRepository()
  const summary = await importFactCheckSource(repo, { name: 'broken', chunks: chunksOf(text, 5) }, { format: 'json' })
  assert.match(summary.aborted ?? '', /^line 2: /)
  assert.ok((await repo.count()) >= 1)
})

async function* chunksOf(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size)
}
