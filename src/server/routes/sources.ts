// /v1/sources: users' source-ratings lists (as `factsift sources`): GET reads are open like other reads; PUT and
// DELETE are writes behind the API key. Every rating names the list it came from.
import type { FastifyInstance } from 'fastify'
import { FactsiftError } from '../../errors.js'
import { importSourceList, checkListName } from '../../engine/source-lists.js'
import { rateAddress } from '../../analyzers/publisher/resolve.js'
import { createRatingsRegistry, loadRatingsTable, ratingKey } from '../../source-ratings/index.js'
import type { RouteContext } from '../route-context.js'
import { errorResponses } from '../schemas.js'
import { requireStore } from './reports.js'

const LIST_CONTENT_TYPES = ['text/csv', 'application/json', 'text/plain']

const summarySchema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    citation: { type: 'string' },
    count: { type: 'integer' },
    rank: { type: 'integer', description: '1 ranks first; the shipped table ranks last' },
    shipped: { type: 'boolean' },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
}
const ratingSchema = {
  type: 'object',
  properties: {
    unrated: { type: 'boolean' },
    score: { type: 'number' },
    band: { type: 'string', enum: ['low', 'mixed', 'high'] },
    list: { type: 'string' },
    citation: { type: 'string' },
    domain: { type: 'string' },
    label: { type: 'string' },
  },
}
const problemSchema = { type: 'object', properties: { line: { type: 'integer' }, code: { type: 'string' }, reason: { type: 'string' }, message: { type: 'string' } } }

interface ListParams {
  list: string
}

export function sourceRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const invalidate = () => ctx.engine.services.ratings?.invalidate()

  app.get(
    '/v1/sources',
    {
      schema: {
        tags: ['sources'],
        summary: 'The source-ratings lists in precedence order: users\' lists (first created first), then the shipped table',
        response: { 200: { type: 'object', properties: { lists: { type: 'array', items: summarySchema } } }, ...errorResponses(429, 503) },
      },
    },
    async () => {
      const lists = ctx.store ? await ctx.store.sourceRatings.lists() : []
      const table = loadRatingsTable().header
      return {
        lists: [
          ...lists.map((l) => ({ ...l, shipped: false })),
          { name: table.list, citation: table.shortCitation, count: table.count, rank: lists.length + 1, shipped: true },
        ],
      }
    },
  )

  app.get<{ Querystring: { domain: string } }>(
    '/v1/sources/lookup',
    {
      schema: {
        tags: ['sources'],
        summary: 'The rating of a domain or URL, and the list it comes from (or unrated)',
        querystring: { type: 'object', required: ['domain'], properties: { domain: { type: 'string', minLength: 1, maxLength: 2000 } } },
        response: {
          200: { type: 'object', properties: { input: { type: 'string' }, domain: { type: ['string', 'null'] }, rating: ratingSchema } },
          ...errorResponses(400, 429, 503),
        },
      },
    },
    async (request) => {
      const registry = ctx.engine.services.ratings ? await ctx.engine.services.ratings.registry() : createRatingsRegistry()
      return { input: request.query.domain, ...rateAddress(registry, request.query.domain) }
    },
  )

  app.get<{ Params: ListParams }>(
    '/v1/sources/:list',
    {
      schema: {
        tags: ['sources'],
        summary: 'One user list with its ratings (the JSON `sources import` reads back)',
        params: { type: 'object', properties: { list: { type: 'string', maxLength: 64 } } },
        response: {
          200: {
            type: 'object',
            properties: {
              list: { type: 'string' },
              citation: { type: 'string' },
              ratings: { type: 'array', items: { type: 'object', properties: { domain: { type: 'string' }, score: { type: 'number' }, label: { type: 'string' } } } },
            },
          },
          ...errorResponses(404, 429, 503),
        },
      },
    },
    async (request) => {
      const list = await requireStore(ctx).sourceRatings.getList(request.params.list)
      if (!list) throw new FactsiftError('E_NOT_FOUND', `no source list named "${request.params.list}"`)
      const ratings = [...list.entries].map(([domain, e]) => ({ domain, score: e.score, ...(e.label ? { label: e.label } : {}) }))
      return { list: list.name, citation: list.citation, ratings }
    },
  )

  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser(LIST_CONTENT_TYPES, { parseAs: 'string' }, (_request, body, done) => done(null, body))

    scope.put<{ Params: ListParams; Body: string; Querystring: { citation?: string; strict?: boolean } }>(
      '/v1/sources/:list',
      {
        schema: {
          tags: ['sources'],
          summary: 'Import (or replace) a user list: CSV `domain,score|label` or JSON, as `factsift sources import`',
          description:
            'Bad rows are skipped and listed with their line and code E_BAD_DATA_ROW; with `strict=true` the first bad row ' +
            'refuses the whole list (422 E_BAD_DATA_ROW). A list with no good row is refused. The list ranks over the shipped ' +
            'table; a replaced list keeps its rank.',
          security: [{ bearer: [] }, { apiKey: [] }, {}],
          consumes: LIST_CONTENT_TYPES,
          params: { type: 'object', properties: { list: { type: 'string', maxLength: 64 } } },
          querystring: {
            type: 'object',
            properties: { citation: { type: 'string', maxLength: 300 }, strict: { type: 'boolean', default: false } },
          },
          body: { type: 'string', description: 'The list as CSV or JSON.' },
          response: {
            200: { type: 'object', properties: { list: summarySchema, imported: { type: 'integer' }, problems: { type: 'array', items: problemSchema } } },
            ...errorResponses(400, 401, 413, 415, 422, 429, 503),
          },
        },
      },
      async (request) => {
        const store = requireStore(ctx)
        const result = await importSourceList(store.sourceRatings, request.body, {
          name: request.params.list,
          ...(request.query.citation ? { citation: request.query.citation } : {}),
          where: 'request body',
          strict: request.query.strict ?? false,
        })
        invalidate()
        return result
      },
    )

    scope.delete<{ Params: ListParams; Querystring: { domain?: string } }>(
      '/v1/sources/:list',
      {
        schema: {
          tags: ['sources'],
          summary: 'Remove a user list, or with `domain` one rating from it',
          security: [{ bearer: [] }, { apiKey: [] }, {}],
          params: { type: 'object', properties: { list: { type: 'string', maxLength: 64 } } },
          querystring: { type: 'object', properties: { domain: { type: 'string', maxLength: 300 } } },
          response: { 200: { type: 'object', properties: { removed: { type: 'string' } } }, ...errorResponses(400, 401, 404, 429, 503) },
        },
      },
      async (request) => {
        const store = requireStore(ctx)
        const name = checkListName(request.params.list)
        if (request.query.domain !== undefined) {
          const key = ratingKey(request.query.domain)
          if (!key) throw new FactsiftError('E_BAD_DATA_ROW', `"${request.query.domain}" is not a domain`)
          if (!(await store.sourceRatings.removeRating(name, key))) throw new FactsiftError('E_NOT_FOUND', `source list "${name}" does not rate ${key}`)
          invalidate()
          return { removed: `${name}/${key}` }
        }
        if (!(await store.sourceRatings.removeList(name))) throw new FactsiftError('E_NOT_FOUND', `no source list named "${name}"`)
        invalidate()
        return { removed: name }
      },
    )
  })
}
