// /v1/sources over real HTTP: import a list (bad rows by line, strict refusal), read it, look domains up, the list's
// rating reaching analysis at once, removal; writes behind the API key; the routes in the OpenAPI document.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { startTestServer, type TestServer } from './test-support/test-server.js'
import type { Report } from '../report/types.js'

const CSV = 'domain,score\ninfowars.com,0.6\nnot a domain,0.4\nexample.org,2\nsatire.example,satire\n'
const ARTICLE = 'The mayor said the bridge would close on Monday for repairs. Officials said the work would take two weeks and cost four million dollars, according to the city budget office.'

describe('source ratings through the API', () => {
  let server: TestServer
  before(async () => {
    server = await startTestServer()
  })
  after(() => server.close())

  test('PUT imports a list, skipping bad rows with their lines; GET lists it over the shipped table and returns its ratings', async () => {
    const put = await server.request('/v1/sources/newsroom?citation=Newsroom%202024', { method: 'PUT', body: CSV, headers: { 'content-type': 'text/csv' } })
    assert.equal(put.status, 200, JSON.stringify(put.json))
    const body = put.json as { imported: number; problems: { line: number; code: string; reason: string }[]; list: { rank: number; citation: string } }
    assert.equal(body.imported, 2)
    assert.deepEqual(body.problems.map((p) => [p.line, p.code, p.reason]), [[3, 'E_BAD_DATA_ROW', 'domain-invalid'], [4, 'E_BAD_DATA_ROW', 'score-out-of-range']])
    assert.deepEqual([body.list.rank, body.list.citation], [1, 'Newsroom 2024'])
    const lists = (await server.request('/v1/sources')).json as { lists: { name: string; rank: number; shipped: boolean }[] }
    assert.deepEqual(lists.lists.map((l) => [l.name, l.rank, l.shipped]), [['newsroom', 1, false], ['lin2023', 2, true]])
    const one = (await server.request('/v1/sources/newsroom')).json as { ratings: unknown[] }
    assert.deepEqual(one.ratings, [{ domain: 'infowars.com', score: 0.6 }, { domain: 'satire.example', score: 0.2, label: 'satire' }])
    assert.equal((await server.request('/v1/sources/nope')).status, 404)
  })

  test('strict import refuses with 422 E_BAD_DATA_ROW; a bad list name is 400; the shipped name is refused', async () => {
    const strict = await server.request('/v1/sources/strict?strict=true', { method: 'PUT', body: CSV, headers: { 'content-type': 'text/csv' } })
    assert.equal(strict.status, 422)
    assert.equal((strict.json as { error: { code: string } }).error.code, 'E_BAD_DATA_ROW')
    assert.match((strict.json as { error: { message: string } }).error.message, /request body:3:/)
    const shipped = await server.request('/v1/sources/lin2023', { method: 'PUT', body: 'a.com,0.5', headers: { 'content-type': 'text/csv' } })
    assert.equal(shipped.status, 400)
    assert.equal((await server.request('/v1/sources')).json && ((await server.request('/v1/sources')).json as { lists: unknown[] }).lists.length, 2)
  })

  test('lookup and analysis use the list at once (the service reloads after the write); DELETE removes it', async () => {
    const look = (await server.request('/v1/sources/lookup?domain=https%3A%2F%2Fwww.infowars.com%2Fa')).json as { rating: { list: string; score: number } }
    assert.deepEqual([look.rating.list, look.rating.score], ['newsroom', 0.6])
    const analyzed = await server.request('/v1/analyze', { method: 'POST', body: JSON.stringify({ text: ARTICLE, url: 'https://www.infowars.com/a' }), headers: { 'content-type': 'application/json' } })
    assert.equal(analyzed.status, 200, JSON.stringify(analyzed.json))
    const report = analyzed.json as Report
    assert.equal(report.document.publisher?.rating && 'list' in report.document.publisher.rating && report.document.publisher.rating.list, 'newsroom')
    const del = await server.request('/v1/sources/newsroom?domain=infowars.com', { method: 'DELETE' })
    assert.equal(del.status, 200)
    const after = (await server.request('/v1/sources/lookup?domain=infowars.com')).json as { rating: { list: string; score: number } }
    assert.deepEqual([after.rating.list, after.rating.score], ['lin2023', 0.05])
    assert.equal((await server.request('/v1/sources/newsroom', { method: 'DELETE' })).status, 200)
    assert.equal((await server.request('/v1/sources/newsroom', { method: 'DELETE' })).status, 404)
    const unrated = (await server.request('/v1/sources/lookup?domain=nowhere.example')).json
    assert.deepEqual(unrated, { input: 'nowhere.example', domain: 'nowhere.example', rating: { unrated: true } })
  })

  test('the routes are in the OpenAPI document', async () => {
    const doc = (await server.request('/openapi.json')).json as { paths: Record<string, Record<string, unknown>> }
    assert.deepEqual(Object.keys(doc.paths['/v1/sources/{list}'] ?? {}).sort(), ['delete', 'get', 'put'])
    assert.ok(doc.paths['/v1/sources']?.get)
    assert.ok(doc.paths['/v1/sources/lookup']?.get)
  })
})

describe('source ratings writes need the API key when the server has keys', () => {
  let server: TestServer
  before(async () => {
    server = await startTestServer({ apiKeys: ['k-sources-123456789012'] })
  })
  after(() => server.close())

  test('PUT, DELETE and GET without a key are 401 (every /v1 route needs one when keys are set); with the key the write goes through', async () => {
    const put = await server.request('/v1/sources/newsroom', { method: 'PUT', body: CSV, headers: { 'content-type': 'text/csv' } })
    assert.equal(put.status, 401)
    assert.equal((await server.request('/v1/sources/newsroom', { method: 'DELETE' })).status, 401)
    assert.equal((await server.request('/v1/sources')).status, 401)
    assert.equal((await server.request('/v1/sources', { headers: { authorization: 'Bearer k-sources-123456789012' } })).status, 200)
    const ok = await server.request('/v1/sources/newsroom', { method: 'PUT', body: CSV, headers: { 'content-type': 'text/csv', authorization: 'Bearer k-sources-123456789012' } })
    assert.equal(ok.status, 200)
  })
})
