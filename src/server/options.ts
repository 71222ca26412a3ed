// Server options: what buildServer accepts, with the defaults a plain `factsift serve` gets.
import type { Engine } from '../engine/engine.js'
import type { Store } from '../store/types.js'
import { DEFAULT_LIMITS } from '../ingest/limits.js'
import type { AnalysisThreadsOptions } from './analysis-pool.js'

export interface RateLimitOptions {
  /** Requests one client may make to /v1 within the window. */
  max: number
  windowMs: number
}

export interface ServerOptions {
  /** The analysis engine (the same one the CLI and library use); its `services.store` is where reports go. */
  engine: Engine
  /** Overrides `engine.services.store` for reports; null serves without storing. */
  store?: Store | null
  /** Largest request body in bytes (default 5 MB, the engine's input limit). */
  bodyLimit?: number
  /** Per-client limit on /v1 requests; false turns it off. Default 300 a minute. */
  rateLimit?: RateLimitOptions | false
  /** When non-empty, POST endpoints require one of these keys. Default: none (writes open). */
  apiKeys?: readonly string[]
  /** Origins allowed to call the API from other sites; default none (no CORS headers at all). */
  corsOrigins?: readonly string[]
  /** Folder of the built web UI; default dist/web of this package. null serves no UI. */
  webRoot?: string | null
  /** Fastify's logger option: false (default) or a pino options object such as `{ level: 'info' }`. */
  logger?: boolean | { level: string }
  /** Trust X-Forwarded-For (only behind a reverse proxy you run); default false. */
  trustProxy?: boolean
  /**
   * Run analyses in worker threads instead of on the event loop. The workers build their engines from these settings
   * (default analyzers, the store at `db`), so use it only with an engine made the same way (as `factsift serve` does).
   */
  analysisThreads?: AnalysisThreadsOptions
  /** Analyze a short text before answering /readyz so the first real request does not pay for loading. Default true. */
  warmUp?: boolean
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 300, windowMs: 60_000 }
export const DEFAULT_BODY_LIMIT = DEFAULT_LIMITS.maxBytes
