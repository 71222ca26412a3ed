// GET /healthz (the process answers) and GET /readyz (warm-up analysis done, store reachable).
import type { FastifyInstance } from 'fastify'
import { FactsiftError } from '../../errors.js'
import type { RouteContext } from '../route-context.js'
import { errorResponses } from '../schemas.js'
import { isAvailable } from '../../services/search.js'

export function healthRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Liveness: the process answers',
        response: { 200: { type: 'object', properties: { status: { type: 'string', const: 'ok' } } } },
      },
    },
    async () => ({ status: 'ok' }),
  )

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Readiness: models loaded (a warm-up analysis succeeded) and the store answers',
        response: {
          200: {
            type: 'object',
            properties: {
              status: { type: 'string', const: 'ready' },
              store: { type: ['string', 'null'], description: 'sqlite | postgres, or null without a store' },
              analyzers: { type: 'array', items: { type: 'string' } },
              factchecks: { type: 'boolean', description: 'Fact-check matching is active.' },
              corpus: { type: 'boolean', description: 'Lateral reading against the reference corpus is active.' },
            },
          },
          ...errorResponses(503),
        },
      },
    },
    async () => {
      if (!ctx.state.ready) {
        const why = ctx.state.warmUpError ? `warm-up analysis failed: ${ctx.state.warmUpError}` : 'still warming up'
        throw new FactsiftError('E_SERVICE_UNAVAILABLE', why)
      }
      if (ctx.store && !(await ping(ctx))) {
        throw new FactsiftError('E_SERVICE_UNAVAILABLE', `the ${ctx.store.kind} store does not answer`)
      }
      const services = ctx.engine.services
      return {
        status: 'ready',
        store: ctx.store?.kind ?? null,
        analyzers: ctx.engine.analyzers.map((analyzer) => analyzer.id),
        factchecks: await isAvailable(services.factchecks),
        corpus: await isAvailable(services.corpus),
      }
    },
  )
}

async function ping(ctx: RouteContext): Promise<boolean> {
  try {
    return await ctx.store!.ping()
  } catch {
    return false
  }
}
