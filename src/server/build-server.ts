// The HTTP face of the engine: buildServer() assembles routes, limits, auth, docs and the web UI; listening is separate.
import Fastify, { type FastifyInstance, type onRequestAsyncHookHandler } from 'fastify'
import rateLimit from '@fastify/rate-limit'
import { FactsiftError } from '../errors.js'
import { VERSION } from '../version.js'
import { clientErrorHandler, installErrorHandlers, sendError } from './error-handler.js'
import { installSecurityHeaders } from './security-headers.js'
import { installCors } from './cors.js'
import { allows, createKeyring, keyLabel, presentedKey, scopeFor } from './api-keys.js'
import { sharedSchemas } from './schemas.js'
import { registerDocs } from './docs.js'
import { registerWebUi } from './web-ui.js'
import { createAnalysisPool } from './analysis-pool.js'
import { createInProcessAnalysis } from './analysis-queue.js'
import { createAdmission, DEFAULT_ADMISSION, type AdmissionOptions } from './admission.js'
import { formatValidationErrors, installValidation } from './validation.js'
import { startRetention } from './retention.js'
import { DEFAULT_STORAGE_POLICY, type StoragePolicy } from '../store/storage-policy.js'
import { DEFAULT_BODY_LIMIT, DEFAULT_RATE_LIMIT, type ServerOptions } from './options.js'
import type { AnalysisOutcome, AnalyzeOptions, RouteContext } from './route-context.js'
import { analyzeRoutes } from './routes/analyze.js'
import { reportRoutes } from './routes/reports.js'
import { factCheckRoutes } from './routes/factchecks.js'
import { corpusRoutes } from './routes/corpus.js'
import { sourceRoutes } from './routes/sources.js'
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
    schemaErrorFormatter: formatValidationErrors,
    // A malformed URL (`/%ZZ`) or an over-long path parameter: the same coded body as every other error.
    frameworkErrors: (error, request, reply) => sendError(request, reply, error),
    clientErrorHandler,
  })
  // Response schemas document the API; JSON.stringify serializes, so no report field is ever silently dropped.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data))
  for (const schema of sharedSchemas()) app.addSchema(schema)
  installErrorHandlers(app)
  installValidation(app)
  installSecurityHeaders(app)
  installCors(app, options.corsOrigins ?? [])

  const scopesOf = createKeyring(options.apiKeys ?? [])
  const keysRequired = (options.apiKeys ?? []).length > 0
  // Every /v1 route: a key with the method's scope (GET read, POST write, DELETE admin), checked before the body is read.
  const requireKey: onRequestAsyncHookHandler = async (request) => {
    if (!keysRequired) return
    const scopes = scopesOf(presentedKey(request))
    if (!scopes) throw new FactsiftError('E_UNAUTHORIZED', 'this endpoint needs an API key: send `Authorization: Bearer <key>` or `X-API-Key`')
    const needed = scopeFor(request.method)
    if (!allows(scopes, needed)) throw new FactsiftError('E_FORBIDDEN', `this key lacks the "${needed}" scope that ${request.method} needs`)
  }
  const store = options.store === undefined ? (options.engine.services.store ?? null) : options.store
  const storage: StoragePolicy = { ...DEFAULT_STORAGE_POLICY, ...options.storage }
  const threads = options.analysisThreads
  const limits: AdmissionOptions = {
    concurrency: threads ? threads.count * 2 : 1,
    // With threads, a large input runs in a thread of its own (analysis-pool.ts), not in a pool thread's slot.
    largeApart: threads !== undefined,
    maxPendingBytes: 4 * bodyLimit,
    ...DEFAULT_ADMISSION,
    ...options.admission,
  }
  // The pool's "large" defaults to the admission's, taken from `limits`: one place decides it.
  const pool = threads ? await createAnalysisPool({ ...threads, largeBytes: threads.largeBytes ?? limits.largeBytes }, storage) : null
  if (pool) app.addHook('onClose', () => pool.close())
  const run: (input: Parameters<RouteContext['analyze']>[0], o: AnalyzeOptions) => Promise<AnalysisOutcome> = pool
    ? (input, o) => pool.analyze(input, o)
    : createInProcessAnalysis(options.engine, store, storage)
  const admission = createAdmission(run, limits)
  const context: RouteContext = {
    engine: options.engine,
    analyze: (input, o) => admission.submit(input, o),
    store,
    keysRequired,
    bodyLimit,
    state: { ready: false, warmUpError: null },
  }
  if (options.retentionMs !== undefined && store) {
    const retentionMs = options.retentionMs
    let stop: (() => Promise<void>) | null = null
    app.addHook('onReady', async () => {
      stop = startRetention(store.reports, retentionMs, app.log)
    })
    app.addHook('onClose', async () => {
      await stop?.()
    })
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
          return key && scopesOf(key) ? `key:${keyLabel(key)}` : `ip:${request.ip}`
        },
        errorResponseBuilder: (_request, context) =>
          new FactsiftError('E_RATE_LIMITED', `limit of ${context.max} requests per ${context.after} reached; retry later`),
      })
    }
    v1.addHook('onRequest', requireKey)
    analyzeRoutes(v1, context)
    reportRoutes(v1, context)
    factCheckRoutes(v1, context)
    corpusRoutes(v1, context)
    sourceRoutes(v1, context)
    monitorRoutes(v1, context)
  })
  healthRoutes(app, context)
  await registerWebUi(app, options.webRoot === undefined ? undefined : options.webRoot)

  if (options.warmUp !== false) {
    app.addHook('onReady', async () => {
      try {
        await context.analyze({ text: 'The mayor said on Monday that the bridge will reopen next week.' }, { store: false })
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
