// What every route module receives from buildServer: the engine, the report store, auth and readiness state.
import type { onRequestAsyncHookHandler } from 'fastify'
import type { Engine } from '../engine/engine.js'
import type { ArticleInput } from '../ingest/types.js'
import type { Report } from '../report/types.js'
import type { Store } from '../store/types.js'

export interface RouteContext {
  engine: Engine
  /** engine.analyze, or the same analysis in a worker thread when the server runs with analysis threads. */
  analyze(input: ArticleInput): Promise<Report>
  /** Where reports are saved and read; null when the server runs without a store. */
  store: Store | null
  /** onRequest hook for write endpoints (runs before the body is read): rejects with E_UNAUTHORIZED when keys are configured and none matches. */
  requireKey: onRequestAsyncHookHandler
  keysRequired: boolean
  bodyLimit: number
  state: { ready: boolean; warmUpError: string | null }
}
