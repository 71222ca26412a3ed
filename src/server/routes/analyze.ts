// POST /v1/analyze: one article in (text, HTML or a URL to fetch), the report out, saved unless ?store=false.
import type { FastifyInstance } from 'fastify'
import type { ArticleInput } from '../../ingest/types.js'
import { FactsiftError } from '../../errors.js'
import type { RouteContext } from '../route-context.js'
import { errorResponses } from '../schemas.js'

export function analyzeRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Body: ArticleInput; Querystring: { store: boolean } }>(
    '/v1/analyze',
    {
      onRequest: ctx.requireKey,
      // ajv's anyOf report lists three "must have required property" lines; say it once, plainly.
      schemaErrorFormatter: (errors, dataVar) => {
        const message = errors.some((e) => e.keyword === 'anyOf')
          ? 'the body needs `text`, `html` or `url`'
          : errors.map((e) => `${dataVar}${e.instancePath} ${e.message ?? 'is invalid'}`).join('; ')
        return new FactsiftError('E_INPUT_INVALID', message)
      },
      schema: {
        tags: ['analysis'],
        summary: 'Analyze one article',
        description:
          'Runs the same engine as `factsift analyze`. The report is saved and listed in /v1/reports unless `store=false`. ' +
          'URLs are fetched with the server\'s limits; private and loopback addresses are refused.',
        security: [{ bearer: [] }, { apiKey: [] }, {}],
        querystring: {
          type: 'object',
          properties: { store: { type: 'boolean', default: true, description: 'Save the report (default true).' } },
        },
        body: { $ref: 'ArticleInput#' },
        response: {
          200: { description: 'The report (schema v1).', $ref: 'Report#' },
          ...errorResponses(400, 401, 413, 415, 422, 429, 500, 502, 504),
        },
      },
    },
    async (request, reply) => {
      const report = await ctx.analyze(request.body)
      if (ctx.store && request.query.store !== false) {
        report.id = await ctx.store.reports.save(report)
        reply.header('location', `/v1/reports/${encodeURIComponent(report.id)}`)
      }
      return report
    },
  )
}
