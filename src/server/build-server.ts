// The HTTP face of the engine: buildServer() assembles routes, limits, auth, docs and the web UI; listening is separate.
import Fastify, { type FastifyInstance, type onRequestAsyncHookHandler } from 'fastify'
import rateLimit from '@fastify/rate-limit'
import { FactsiftError } from '../errors.js'
import { VERSION } from '../version.js'
import { installErrorHandlers } from './error-handler.js'
import { installSecurityHeaders } from './security-headers.js'
import { installCors } from './cors.js'
import { createKeyChecker, keyLabel, presentedKey } from './api-keys.js'
import { sharedSchemas } from './schemas.js'
import { registerDocs } from './docs.js'
import { registerWebUi } from './web-ui.js'
import { createAnalysisPool } from './analysis-pool.js'
import { createAnalysisQueue } from './analysis-queue.js'
import { DEFAULT_BODY_LIMIT, DEFAULT_RATE_LIMIT, type ServerOptions } from './options.js'
import type { RouteContext } from './route-context.js'
import { analyzeRoutes } from './routes/analyze.js'
import { reportRoutes } from './routes/reports.js'
import { factCheckRoutes } from './routes/factchecks.js'
import { corpusRoutes } from './routes/corpus.js'
import { healthRoutes } from './routes/health.js'
import { monitorRoutes } from './routes/monitor.js'

/** Builds the Fastify app without listening: tests inject requests or call `listen` on it; `startServer` does both. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT
  const app = Fastify({
    bodyLimit,
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    requestTimeout: 60_000,
    return503OnClosing: true,
  })
  // Response schemas document the API; JSON.stringify serializes, so no report field is ever silently dropped.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data))
  for (const schema of sharedSchemas()) app.addSchema(schema)
  installErrorHandlers(app)
  installSecurityHeaders(app)
  installCors(app, options.corsOrigins ?? [])

  const checkKey = createKeyChecker(options.apiKeys ?? [])
  const keysRequired = (options.apiKeys ?? []).length > 0
  const requireKey: onRequestAsyncHookHandler = async (request) => {
    if (keysRequired && !checkKey(presentedKey(request))) {
      throw new FactsiftError('E_UNAUTHORIZED', 'this endpoint needs an API key: send `Authorization: Bearer <key>` or `X-API-Key`')
    }
  }
  const pool = options.analysisThreads ? await createAnalysisPool(options.analysisThreads) : null
  if (pool) app.addHook('onClose', () => pool.close())
  const context: RouteContext = {
    engine: options.engine,
    analyze: pool ? (input) => pool.analyze(input) : createAnalysisQueue((input) => options.engine.analyze(input)),
    store: options.store === undefined ? (options.engine.services.store ?? null) : options.store,
    requireKey,
    keysRequired,
    bodyLimit,
    state: { ready: false, warmUpError: null },
  }

  await registerDocs(app)
  await app.register(async (v1) => {
    if (options.rateLimit !== false) {
      const limit = options.rateLimit ?? DEFAULT_RATE_LIMIT
      await v1.register(rateLimit, {
        max: limit.max,
        timeWindow: limit.windowMs,
        // A client is its valid API key when it sends one, else its address: many keyless users behind one NAT share.
        keyGenerator: (request) => {
          const key = keysRequired ? presentedKey(request) : null
          return key && checkKey(key) ? `key:${keyLabel(key)}` : `ip:${request.ip}`
        },
        errorResponseBuilder: (_request, context) =>
          new FactsiftError('E_RATE_LIMITED', `limit of ${context.max} requests per ${context.after} reached; retry later`),
      })
    }
    analyzeRoutes(v1, context)
    reportRoutes(v1, context)
    factCheckRoutes(v1, context)
    corpusRoutes(v1, context)
    monitorRoutes(v1, context)
  })
  healthRoutes(app, context)
  await registerWebUi(app, options.webRoot === undefined ? undefined : options.webRoot)

  if (options.warmUp !== false) {
    app.addHook('onReady', async () => {
      try {
        await context.analyze({ text: 'The mayor said on Monday that the bridge will reopen next week.' })
        context.state.ready = true
      } catch (error) {
        context.state.warmUpError = error instanceof Error ? error.message : String(error)
        app.log.error({ err: error }, 'warm-up analysis failed')
      }
    })
  } else {
    context.state.ready = true
  }
  app.log.debug(`factsift ${VERSION} server built`)
  return app
}
