// POST /v1/analyze: one article in (text, HTML or a URL to fetch), the report out, saved unless ?store=false.
import type { FastifyInstance } from 'fastify'
import type { ArticleInput } from '../../ingest/types.js'
import { FactsiftError } from '../../errors.js'
import type { RouteContext } from '../route-context.js'
import { errorResponses } from '../schemas.js'
import { formatValidationErrors } from '../validation.js'

export function analyzeRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Body: ArticleInput; Querystring: { store: boolean } }>(
    '/v1/analyze',
    {
      // ajv's anyOf report lists three "must have required property" lines; say it once, plainly.
      schemaErrorFormatter: (errors, dataVar) =>
        dataVar === 'body' && errors.some((e) => e.keyword === 'anyOf' && e.instancePath === '')
          ? new FactsiftError('E_INPUT_INVALID', 'the body needs `text`, `html` or `url`')
          : formatValidationErrors(errors, dataVar),
      schema: {
        tags: ['analysis'],
        summary: 'Analyze one article',
        description:
          'Runs the same engine as `factsift analyze`. The report is saved and listed in /v1/reports unless `store=false`. ' +
          'URLs are fetched with the server\'s limits; private and loopback addresses are refused. Analyses run in worker ' +
          'threads through a bounded queue: when it is full, or the request waited past its time budget, 503 ' +
          'E_SERVER_BUSY with Retry-After; an analysis running past the budget gives 504 E_ANALYSIS_TIMEOUT. A report ' +
          'larger than the server stores comes back with a W_NOT_STORED warning and no Location.',
        security: [{ bearer: [] }, { apiKey: [] }, {}],
        querystring: {
          type: 'object',
          properties: { store: { type: 'boolean', default: true, description: 'Save the report (default true).' } },
        },
        body: { $ref: 'ArticleInput#' },
        response: {
          200: { description: 'The report (schema v1).', $ref: 'Report#' },
          ...errorResponses(400, 401, 403, 413, 415, 422, 429, 500, 502, 503, 504),
        },
      },
    },
    async (request, reply) => {
      const { json, storedId } = await ctx.analyze(request.body, { store: ctx.store !== null && request.query.store !== false })
      if (storedId !== null) reply.header('location', `/v1/reports/${encodeURIComponent(storedId)}`)
      const body = typeof json === 'string' ? json : Buffer.from(json.buffer, json.byteOffset, json.byteLength)
      return reply.type('application/json; charset=utf-8').send(body)
    },
  )
}
