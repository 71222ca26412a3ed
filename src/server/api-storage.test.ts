// What the server keeps: reports without the article text on request, nothing past the size cap, retention by age.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { startTestServer, SAMPLE_ARTICLE } from './test-support/test-server.js'
import { openSqliteStore } from '../store/sqlite/sqlite-store.js'
import { pruneInterval, pruneReports, startRetention } from './retention.js'
import type { Report } from '../report/types.js'

describe('storage policy', () => {
  test('storeText false: the client gets the whole report, the store keeps it without document.text, flagged', async () => {
    const server = await startTestServer({ storage: { storeText: false } })
    try {
      const res = await server.request('/v1/analyze', { body: { text: SAMPLE_ARTICLE } })
      assert.equal(res.status, 200)
      assert.equal(res.json.document.text.length > 100, true)
      const stored = (await server.store.reports.get(res.json.id)) as Report
      assert.equal(stored.document.text, '')
      assert.deepEqual(stored.warnings?.map((w) => w.code), ['W_TEXT_NOT_STORED'])
      assert.equal(stored.claims.length, res.json.claims.length, 'the findings are kept')
      assert.equal((await server.request('/v1/reports?q=embarassment')).json.items.length, 0, 'the text is not searchable')
    } finally {
      await server.close()
    }
  })

  test('a report past maxReportBytes is answered with W_NOT_STORED and no Location, and not saved', async () => {
    const server = await startTestServer({ storage: { maxReportBytes: 2_000 } })
    try {
      const res = await server.request('/v1/analyze', { body: { text: SAMPLE_ARTICLE } })
      assert.equal(res.status, 200)
      assert.equal(res.headers.get('location'), null)
      const warning = (res.json.warnings as { code: string; message: string }[]).find((w) => w.code === 'W_NOT_STORED')
      assert.match(warning?.message ?? '', /larger than the server stores \(0\.0 MB\)/)
      assert.equal((await server.request('/v1/reports')).json.items.length, 0)
    } finally {
      await server.close()
    }
  })
})

describe('retention', () => {
  const report = (id: string): Report =>
    ({
      schemaVersion: 1,
      id,
      document: { title: id, url: null, outlet: null, publishedAt: null, language: 'en', wordCount: 1, text: 'text' },
      risk: { score: 0.1, label: 'low', reasons: [] },
      claims: [],
      quotes: [],
      sources: [],
      entities: [],
      signals: [],
      errors: [],
      timings: { totalMs: 1 },
    }) as unknown as Report

  test('pruneReports deletes in chunks everything before the cutoff and keeps the rest', async () => {
    const store = openSqliteStore(':memory:')
    try {
      for (let i = 0; i < 450; i++) await store.reports.save(report(`old-${i}`))
      await new Promise((resolve) => setTimeout(resolve, 10))
      const cutoff = new Date()
      await new Promise((resolve) => setTimeout(resolve, 10))
      await store.reports.save(report('fresh'))
      assert.equal(await pruneReports(store.reports, cutoff), 450)
      assert.deepEqual((await store.reports.list({})).items.map((item) => item.id), ['fresh'])
    } finally {
      await store.close()
    }
  })

  test('startRetention prunes at once and then periodically; the interval is a 24th of the retention, 1 min … 1 h', async () => {
    const store = openSqliteStore(':memory:')
    try {
      await store.reports.save(report('expired'))
      await new Promise((resolve) => setTimeout(resolve, 30))
      const lines: string[] = []
      const log = { info: (m: string) => lines.push(m), error: (_e: unknown, m: string) => lines.push(m) } as never
      const stop = startRetention(store.reports, 20, log)
      await stop()
      assert.equal(await store.reports.has('expired'), false)
      assert.match(lines[0] ?? '', /deleted 1 reports/)
    } finally {
      await store.close()
    }
    assert.equal(pruneInterval(90 * 86_400_000), 3_600_000)
    assert.equal(pruneInterval(60_000), 60_000)
    assert.equal(pruneInterval(12 * 3_600_000), 1_800_000)
  })
})
