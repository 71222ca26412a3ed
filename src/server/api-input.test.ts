// Every client mistake is a coded 4xx naming what is wrong: types, unknown fields, prototype keys, content types, paths.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { captureLogs, rawRequest, startTestServer, SAMPLE_ARTICLE, type TestServer } from './test-support/test-server.js'
import { IMPORT_CONTENT_TYPES } from './routes/factchecks.js'

describe('client mistakes', () => {
  const logs = captureLogs()
  const webRoot = mkdtempSync(join(tmpdir(), 'factsift-web-'))
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>ui</title>')
  let server: TestServer
  before(async () => {
    server = await startTestServer({ webRoot, logger: logs.logger })
  })
  after(async () => {
    await server.close()
    rmSync(webRoot, { recursive: true, force: true })
    // Nothing a client sent is logged as an error, and no stack reaches the log.
    assert.deepEqual(logs.lines.filter((line) => (line.level as number) >= 50), [])
    assert.ok(!logs.lines.some((line) => JSON.stringify(line).includes('    at ')), 'no stack trace in the log')
  })

  const expect400 = async (body: unknown, message: RegExp) => {
    const res = await server.request('/v1/analyze', { body })
    assert.equal(res.status, 400, JSON.stringify(body))
    assert.equal(res.json.error.code, 'E_INPUT_INVALID')
    assert.match(res.json.error.message, message)
  }

  test('a field of the wrong type is a 400 naming it, never coerced ({"text": 123} is not analyzed)', async () => {
    await expect400({ text: 123 }, /^body\.text must be string$/)
    await expect400({ text: ['a'] }, /body\.text must be string/)
    await expect400({ text: SAMPLE_ARTICLE, title: 5 }, /body\.title must be string/)
    await expect400({ html: true }, /body\.html must be string/)
    assert.equal((await server.request('/v1/reports')).json.items.length, 0, 'nothing was analyzed and stored')
  })

  test('an unknown field, a missing input and a non-object body are 400s that say so', async () => {
    await expect400({ text: SAMPLE_ARTICLE, txet: 'typo' }, /body\.txet is not a known field/)
    await expect400({ title: 'only a title' }, /needs `text`, `html` or `url`/)
    await expect400([SAMPLE_ARTICLE], /body must be object/)
    await expect400('"just a string"', /body must be object/)
    await expect400('{"text": ', /not valid JSON/)
    const empty = await rawRequest(server.url, '/v1/analyze', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '' })
    assert.equal(empty.status, 400)
    assert.match(JSON.parse(empty.text).error.message, /empty/)
  })

  test('a __proto__ or constructor.prototype key is refused by name (not "invalid JSON"), and pollutes nothing', async () => {
    await expect400(`{"text": ${JSON.stringify(SAMPLE_ARTICLE)}, "__proto__": {"polluted": true}}`, /"__proto__" key/)
    await expect400(`{"text": "x", "constructor": {"prototype": {"polluted": true}}}`, /"constructor\.prototype" key/)
    assert.equal(({} as Record<string, unknown>).polluted, undefined)
    const corpus = await server.request('/v1/corpus', { body: `[{"title": "t", "body": "b", "__proto__": {"x": 1}}]` })
    assert.equal(corpus.status, 400)
  })

  test('text/plain and other types are 415 E_UNSUPPORTED_TYPE listing what the route accepts', async () => {
    for (const type of ['text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded']) {
      const res = await server.request('/v1/analyze', { body: 'text=hello', headers: { 'content-type': type } })
      assert.equal(res.status, 415, type)
      assert.equal(res.json.error.code, 'E_UNSUPPORTED_TYPE')
      assert.match(res.json.error.message, /send application\/json$/)
      assert.equal(res.headers.get('accept-post'), 'application/json')
    }
    const importRes = await server.request('/v1/factchecks', { body: '<x/>', headers: { 'content-type': 'application/xml' } })
    assert.equal(importRes.status, 415)
    assert.ok(IMPORT_CONTENT_TYPES.every((type) => importRes.json.error.message.includes(type)), importRes.json.error.message)
  })

  test('literal traversal paths, hidden files and broken URLs are coded 404/400, never 500', async () => {
    for (const path of ['/../', '/../../etc/passwd', '/..', '/assets/../../package.json', '/.env', '/v1/../../x', '//..//', '/%2e%2e/%2e%2e/etc/passwd']) {
      const res = await rawRequest(server.url, path)
      assert.equal(res.status, 404, path)
      assert.equal(JSON.parse(res.text).error.code, 'E_NOT_FOUND', path)
    }
    for (const path of ['/%ZZ', '/v1/reports/%E0%A4%A']) {
      const res = await rawRequest(server.url, path)
      assert.equal(res.status, 400, path)
      assert.equal(JSON.parse(res.text).error.code, 'E_INPUT_INVALID', path)
    }
    const id = await server.request('/v1/reports/not..valid')
    assert.equal(id.status, 400)
    assert.match(id.json.error.message, /params\.id must match pattern/)
    const limit = await server.request('/v1/reports?limit=abc')
    assert.equal(limit.status, 400)
    assert.match(limit.json.error.message, /querystring\.limit must be integer/)
  })
})
