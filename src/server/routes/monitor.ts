// Watching the news flow: GET/POST /v1/feeds, DELETE /v1/feeds/:id, GET /v1/claims, /v1/claims/:id, /v1/alerts.
// Writes need the API key; feeds added here are http(s) only (file:// feeds are for the local CLI).
import type { FastifyInstance } from 'fastify'
import { FactsiftError } from '../../errors.js'
import { feedId, parseInterval } from '../../feeds/index.js'
import type { RouteContext } from '../route-context.js'
import { errorResponses } from '../schemas.js'
import { requireStore } from './reports.js'

const open = (properties: Record<string, unknown> = {}) => ({ type: 'object', additionalProperties: true, properties })
const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString())

const clusterSchema = open({
  id: { type: 'string' },
  representative: { type: 'string' },
  score: { type: 'number', description: 'check-worthiness × spread × known-false' },
  articleCount: { type: 'integer' },
  outletCount: { type: 'integer' },
  outlets: { type: 'array', items: { type: 'string' } },
  knownFalse: { type: 'boolean' },
  contradicted: { type: 'boolean' },
  firstSeenAt: { type: 'string', format: 'date-time' },
  lastSeenAt: { type: 'string', format: 'date-time' },
  factchecks: { type: 'array', items: open() },
  stance: open({ agree: { type: 'integer' }, disagree: { type: 'integer' }, discuss: { type: 'integer' } }),
})
const alertSchema = open({
  id: { type: 'string' },
  kind: { type: 'string', enum: ['known-false-repeat', 'contradicted-spread', 'fast-growth'] },
  clusterId: { type: 'string' },
  idempotencyKey: { type: 'string' },
  message: { type: 'string' },
  createdAt: { type: 'string', format: 'date-time' },
  payload: open(),
  deliveries: { type: 'array', items: open() },
})
const feedSchema = open({ id: { type: 'string' }, url: { type: 'string' }, name: { type: ['string', 'null'] }, errorCode: { type: ['string', 'null'] } })

export function monitorRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/v1/feeds', {
    schema: { tags: ['monitor'], summary: 'Watched feeds with their schedule, item counts and last error', response: { 200: { type: 'array', items: feedSchema }, ...errorResponses(429, 503) } },
  }, async () => (await requireStore(ctx).feeds.list()).map((f) => ({ ...f, createdAt: iso(f.createdAt), nextPollAt: iso(f.nextPollAt), lastPolledAt: iso(f.lastPolledAt), lastOkAt: iso(f.lastOkAt) })))

  app.post<{ Body: { url: string; name?: string; every?: string } }>('/v1/feeds', {
    schema: {
      tags: ['monitor'],
      summary: 'Add an http(s) feed (or update its name and interval); `factsift watch` polls it',
      body: { type: 'object', required: ['url'], additionalProperties: false, properties: { url: { type: 'string', maxLength: 2048 }, name: { type: 'string', maxLength: 200 }, every: { type: 'string', maxLength: 20, default: '15m' } } },
      response: { 200: open({ created: { type: 'boolean' }, feed: feedSchema }), ...errorResponses(400, 401, 429, 503) },
    },
  }, async (request) => {
    let url: URL
    try {
      url = new URL(request.body.url)
    } catch {
      throw new FactsiftError('E_BAD_ARGUMENT', 'url must be an http(s) URL')
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FactsiftError('E_BAD_ARGUMENT', 'url must be an http(s) URL')
    const intervalMs = parseInterval(request.body.every ?? '15m')
    const { feed, created } = await requireStore(ctx).feeds.add({ id: feedId(url.href), url: url.href, name: request.body.name?.trim() || null, intervalMs }, Date.now())
    return { created, feed: { ...feed, createdAt: iso(feed.createdAt), nextPollAt: iso(feed.nextPollAt) } }
  })

  app.delete<{ Params: { id: string } }>('/v1/feeds/:id', {
    schema: {
      tags: ['monitor'],
      summary: 'Remove a feed; its analyzed items and reports stay',
      params: { type: 'object', properties: { id: { type: 'string', pattern: '^fd-[0-9a-f]{12}$' } } },
      response: { 200: open({ removed: { type: 'boolean' } }), ...errorResponses(400, 401, 404, 429, 503) },
    },
  }, async (request) => {
    if (!(await requireStore(ctx).feeds.remove(request.params.id))) throw new FactsiftError('E_NOT_FOUND', `no feed ${request.params.id}`)
    return { removed: true }
  })

  app.get<{ Querystring: { since?: string; knownFalse?: boolean; outlet?: string; limit?: number } }>('/v1/claims', {
    schema: {
      tags: ['monitor'],
      summary: 'Claim clusters across watched articles, ranked by check-worthiness × spread × known-false',
      querystring: {
        type: 'object',
        properties: {
          since: { type: 'string', pattern: '^[0-9]+(s|m|h|d)$', description: 'last seen within: 90m, 24h, 7d' },
          knownFalse: { type: 'boolean' },
          outlet: { type: 'string', maxLength: 200 },
          limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
        },
      },
      response: { 200: open({ items: { type: 'array', items: clusterSchema }, outlets: { type: 'array', items: { type: 'string' } } }), ...errorResponses(400, 429, 503) },
    },
  }, async (request) => {
    const q = request.query
    const since = q.since ? Date.now() - parseInterval(q.since) : undefined
    const store = requireStore(ctx)
    const clusters = await store.claims.listClusters({ ...(since !== undefined ? { since } : {}), knownFalse: q.knownFalse ?? false, ...(q.outlet ? { outlet: q.outlet } : {}), limit: q.limit ?? 50 })
    const names = [...(await store.feeds.list()).map((f) => f.name ?? f.title), ...clusters.flatMap((c) => c.outlets)]
    const outlets = [...new Set(names.filter((n): n is string => !!n))].sort()
    return { items: clusters.map((c) => ({ ...c, firstSeenAt: iso(c.firstSeenAt), lastSeenAt: iso(c.lastSeenAt) })), outlets }
  })

  app.get<{ Params: { id: string } }>('/v1/claims/:id', {
    schema: {
      tags: ['monitor'],
      summary: 'One claim cluster with every article claim in it (sentence, outlet, speaker, time, fact-check), oldest first',
      params: { type: 'object', properties: { id: { type: 'string', pattern: '^cl-[0-9a-f]{16}$' } } },
      response: { 200: open({ cluster: clusterSchema, claims: { type: 'array', items: open() } }), ...errorResponses(400, 404, 429, 503) },
    },
  }, async (request) => {
    const found = await requireStore(ctx).claims.getCluster(request.params.id)
    if (!found) throw new FactsiftError('E_NOT_FOUND', `no claim cluster ${request.params.id}`)
    return {
      cluster: { ...found.cluster, firstSeenAt: iso(found.cluster.firstSeenAt), lastSeenAt: iso(found.cluster.lastSeenAt) },
      claims: found.claims.map((c) => ({ ...c, seenAt: iso(c.seenAt) })),
    }
  })

  app.get<{ Querystring: { limit?: number } }>('/v1/alerts', {
    schema: {
      tags: ['monitor'],
      summary: 'Alerts raised by claim clusters, newest first, with their webhook deliveries',
      querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } } },
      response: { 200: open({ items: { type: 'array', items: alertSchema } }), ...errorResponses(400, 429, 503) },
    },
  }, async (request) => ({ items: (await requireStore(ctx).claims.listAlerts({ limit: request.query.limit ?? 100 })).map((a) => ({ ...a, createdAt: iso(a.createdAt) })) }))
}
