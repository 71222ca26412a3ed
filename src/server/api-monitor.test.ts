// REST for watching the news flow: /v1/feeds (writes behind the API key), /v1/claims, /v1/claims/:id, /v1/alerts, and
// their place in the OpenAPI document.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startTestServer, type TestServer } from './test-support/test-server.js'
import { articleClaim, testPolicy } from '../store/test-support/claims-contract.js'

const KEY = 'monitor-test-key-0123456789'
const AUTH = { authorization: `Bearer ${KEY}` }
let server: TestServer

before(async () => {
  server = await startTestServer({ apiKeys: [KEY], warmUp: false })
  const rumour = 'The new 5G towers killed the birds at Lake Arden last week.'
  const fc = { url: 'https://factcheck.example/5g', rating: 'False', ratingNormalized: 'false', factChecker: 'Checks', claim: '5G towers killed birds' }
  await server.store.claims.addReportClaims('r1', [articleClaim(rumour, { verdict: 'rated-false', factchecks: [fc], seenAt: Date.now() - 1000 })], testPolicy, { webhooks: [], now: Date.now() })
  await server.store.claims.addReportClaims('r2', [articleClaim(rumour, { outlet: 'Outlet B', seenAt: Date.now() })], testPolicy, { webhooks: [], now: Date.now() })
  await server.store.claims.addReportClaims('r3', [articleClaim('The library reopened after a two-year renovation.', { outlet: 'Outlet C', seenAt: Date.now() - 3 * 86_400_000 })], testPolicy, { webhooks: [], now: Date.now() })
})
after(async () => server?.close())

test('feeds: listing, adding and removing need the key (every /v1 route does when keys are set), only http(s)', async () => {
  assert.equal((await server.request('/v1/feeds')).status, 401)
  assert.deepEqual((await server.request('/v1/feeds', { headers: AUTH })).json, [])
  const denied = await server.request('/v1/feeds', { body: { url: 'https://news.example/feed.xml' } })
  assert.equal(denied.status, 401)
  const auth = { authorization: `Bearer ${KEY}` }
  const fileFeed = await server.request('/v1/feeds', { body: { url: 'file:///etc/passwd' }, headers: auth })
  assert.equal(fileFeed.status, 400)
  const added = await server.request('/v1/feeds', { body: { url: 'https://news.example/feed.xml', name: 'News', every: '30m' }, headers: auth })
  assert.equal(added.status, 200, added.text)
  assert.equal(added.json.created, true)
  const id = added.json.feed.id as string
  const list = await server.request('/v1/feeds', { headers: AUTH })
  assert.deepEqual(list.json.map((f: { id: string; name: string; intervalMs: number }) => [f.id, f.name, f.intervalMs]), [[id, 'News', 30 * 60_000]])
  assert.equal((await server.request(`/v1/feeds/${id}`, { method: 'DELETE' })).status, 401)
  assert.equal((await server.request(`/v1/feeds/${id}`, { method: 'DELETE', headers: auth })).status, 200)
  assert.equal((await server.request(`/v1/feeds/${id}`, { method: 'DELETE', headers: auth })).status, 404)
})

test('claims: ranked clusters with filters; one cluster with its articles; alerts', async () => {
  const all = await server.request('/v1/claims?since=7d', { headers: AUTH })
  assert.equal(all.status, 200)
  assert.equal(all.json.items.length, 2)
  const top = all.json.items[0]
  assert.equal(top.knownFalse, true)
  assert.equal(top.articleCount, 2)
  assert.deepEqual(top.outlets, ['Outlet A', 'Outlet B'])
  assert.match(top.lastSeenAt, /^\d{4}-\d\d-\d\dT/)
  assert.equal((await server.request('/v1/claims?knownFalse=true', { headers: AUTH })).json.items.length, 1)
  assert.equal((await server.request('/v1/claims?since=24h', { headers: AUTH })).json.items.length, 1)
  assert.equal((await server.request('/v1/claims?outlet=Outlet%20C', { headers: AUTH })).json.items.length, 1)
  assert.equal((await server.request('/v1/claims?since=yesterday', { headers: AUTH })).status, 400)
  const one = await server.request(`/v1/claims/${top.id}`, { headers: AUTH })
  assert.equal(one.status, 200)
  assert.deepEqual(one.json.claims.map((c: { reportId: string }) => c.reportId), ['r1', 'r2'])
  assert.equal(one.json.cluster.factchecks[0].url, 'https://factcheck.example/5g')
  assert.equal((await server.request('/v1/claims/cl-0000000000000000', { headers: AUTH })).status, 404)
  assert.equal((await server.request('/v1/claims/../x', { headers: AUTH })).status, 404)
  const alerts = await server.request('/v1/alerts', { headers: AUTH })
  assert.equal(alerts.json.items.length, 2)
  assert.equal(alerts.json.items[0].kind, 'known-false-repeat')
})

test('the OpenAPI document lists the monitor endpoints', async () => {
  const doc = (await server.request('/openapi.json', { headers: AUTH })).json
  for (const path of ['/v1/feeds', '/v1/feeds/{id}', '/v1/claims', '/v1/claims/{id}', '/v1/alerts']) assert.ok(doc.paths[path], path)
})
