import { test } from 'node:test'
import assert from 'node:assert/strict'
import { openSqliteStore } from './sqlite-store.js'
import type { CorpusArticle } from '../corpus-repository.js'

function article(key: string, fields: Partial<CorpusArticle> = {}): CorpusArticle {
  return { key, title: `Title ${key}`, body: `Body of ${key}.`, url: null, outlet: null, publishedAt: null, ...fields }
}

test('upsert inserts, updates changed content and leaves identical content alone', async () => {
  const store = openSqliteStore(':memory:')
  assert.deepEqual(await store.corpus.upsertMany([article('a'), article('b')]), { inserted: 2, updated: 0, unchanged: 0 })
  assert.deepEqual(await store.corpus.upsertMany([article('a'), article('b', { body: 'New body.' })]), { inserted: 0, updated: 1, unchanged: 1 })
  assert.equal(await store.corpus.count(), 2)
  assert.equal((await store.corpus.get!('b'))?.body, 'New body.')
  await store.close()
})

test('search ranks by BM25 over title and body, and an update re-indexes the text', async () => {
  const store = openSqliteStore(':memory:')
  await store.corpus.upsertMany([
    article('dam', { title: 'River dam opens its gates', body: 'Engineers opened the dam gates after heavy rain upstream.' }),
    article('bakery', { title: 'Bakery wins award', body: 'The bakery on Main Street won a regional bread prize.' }),
    article('mention', { title: 'Weather roundup', body: 'Rain is expected; the dam is not mentioned again.' }),
  ])
  const hits = await store.corpus.search('dam gates opened', { limit: 5 })
  assert.deepEqual(hits.map((h) => h.article.key), ['dam', 'mention'])
  assert.ok(hits[0]!.bm25 > hits[1]!.bm25)
  await store.corpus.upsertMany([article('bakery', { title: 'Bakery opens dam-shaped cake shop', body: 'A cake shaped like a dam with gates.' })])
  assert.ok((await store.corpus.search('dam gates', { limit: 5 })).some((h) => h.article.key === 'bakery'))
  assert.deepEqual(await store.corpus.search('"quoted" OR NEAR(x) *', { limit: 5 }), [], 'FTS5 syntax in user text is inert')
  await store.close()
})

test('outlet and date filters; outlets compare by canonical name', async () => {
  const store = openSqliteStore(':memory:')
  await store.corpus.upsertMany([
    article('1', { title: 'Flood warning issued', outlet: 'Associated Press', publishedAt: '2024-03-05T18:00:00Z' }),
    article('2', { title: 'Flood warning lifted', outlet: 'Daily Example', publishedAt: '2024-03-07' }),
    article('3', { title: 'Flood warning maps', outlet: 'Daily Example', publishedAt: null }),
  ])
  const keys = async (options: object) => (await store.corpus.search('flood warning', { limit: 10, ...options })).map((h) => h.article.key).sort()
  assert.deepEqual(await keys({}), ['1', '2', '3'])
  assert.deepEqual(await keys({ outlets: ['AP'] }), ['1'])
  assert.deepEqual(await keys({ outlets: ['the daily example'] }), ['2', '3'])
  assert.deepEqual(await keys({ publishedBefore: '2024-03-05' }), ['1'], 'a date alone includes the whole day')
  assert.deepEqual(await keys({ publishedAfter: '2024-03-06' }), ['2'])
  await store.close()
})

test('stats count articles, distinct outlets and the date range', async () => {
  const store = openSqliteStore(':memory:')
  await store.corpus.upsertMany([
    article('1', { outlet: 'Reuters', publishedAt: '2024-01-02' }),
    article('2', { outlet: 'Reuters', publishedAt: '2024-02-03' }),
    article('3', { outlet: 'Example Times' }),
    article('4'),
  ])
  const stats = await store.corpus.stats()
  assert.equal(stats.articles, 4)
  assert.equal(stats.distinctOutlets, 2)
  assert.equal(stats.withoutOutlet, 1)
  assert.deepEqual(stats.outlets, [{ outlet: 'Reuters', articles: 2 }, { outlet: 'Example Times', articles: 1 }])
  assert.equal(stats.earliest, '2024-01-02')
  assert.equal(stats.latest, '2024-02-03')
  await store.close()
})
