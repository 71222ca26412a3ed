// GET /v1/reports (history, search, cursor pages), GET /v1/reports/:id as JSON or standalone HTML, DELETE /v1/reports/:id.
import type { FastifyInstance } from 'fastify'
import { FactsiftError } from '../../errors.js'
import type { Store } from '../../store/types.js'
import type { ReportListQuery } from '../../store/report-repository.js'
import { renderHtml } from '../../render/render-html.js'
import type { RouteContext } from '../route-context.js'
import { errorResponses, listQuerySchema } from '../schemas.js'
import { EXPORT_CSP } from '../security-headers.js'

interface GetQuery {
  format: 'json' | 'html'
  download?: boolean
}

export function reportRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Querystring: ReportListQuery }>(
    '/v1/reports',
    {
      schema: {
        tags: ['analysis'],
        summary: 'List and search stored reports, newest first',
        querystring: listQuerySchema,
        response: {
          200: {
            type: 'object',
            required: ['items', 'nextCursor'],
            properties: {
              items: { type: 'array', items: { $ref: 'ReportSummary#' } },
              nextCursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page; null on the last.' },
            },
          },
          ...errorResponses(400, 401, 403, 429, 503),
        },
      },
    },
    async (request) => requireStore(ctx).reports.list(request.query),
  )

  app.get<{ Params: { id: string }; Querystring: GetQuery }>(
    '/v1/reports/:id',
    {
      schema: {
        tags: ['analysis'],
        summary: 'One stored report, as JSON or as a standalone HTML page',
        params: ID_PARAMS,
        querystring: {
          type: 'object',
          properties: {
            format: { type: 'string', enum: ['json', 'html'], default: 'json' },
            download: { type: 'boolean', description: 'Send as an attachment (a file download).' },
          },
        },
        response: {
          200: {
            description: 'The report: JSON (schema v1), or with format=html one self-contained page without scripts.',
            content: {
              'application/json': { schema: { $ref: 'Report#' } },
              'text/html': { schema: { type: 'string' } },
            },
          },
          ...errorResponses(400, 401, 403, 404, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      const report = await requireStore(ctx).reports.get(id)
      if (!report) throw new FactsiftError('E_NOT_FOUND', `no stored report with id ${id}`)
      const html = request.query.format === 'html'
      if (request.query.download) {
        reply.header('content-disposition', `attachment; filename="factsift-${id}.${html ? 'html' : 'json'}"`)
      }
      if (!html) return reply.type('application/json; charset=utf-8').send(JSON.stringify(report))
      return reply.type('text/html; charset=utf-8').header('content-security-policy', EXPORT_CSP).send(renderHtml(report))
    },
  )

  app.delete<{ Params: { id: string } }>(
    '/v1/reports/:id',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Delete one stored report (needs the admin scope when keys are configured)',
        params: ID_PARAMS,
        response: {
          204: { description: 'Deleted.', type: 'null' },
          ...errorResponses(400, 401, 403, 404, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      if (!(await requireStore(ctx).reports.delete(id))) throw new FactsiftError('E_NOT_FOUND', `no stored report with id ${id}`)
      return reply.code(204).send()
    },
  )
}

const ID_PARAMS = { type: 'object', properties: { id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,128}$' } } } as const

/** The store, or 503 when the server runs without one. */
export function requireStore(ctx: RouteContext): Store {
  if (!ctx.store) throw new FactsiftError('E_SERVICE_UNAVAILABLE', 'this server runs without a store; reports are not kept')
  return ctx.store
}
