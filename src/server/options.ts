// Server options: what buildServer accepts, with the defaults a plain `factsift serve` gets.
import type { Engine } from '../engine/engine.js'
import type { Store } from '../store/types.js'
import { DEFAULT_LIMITS } from '../ingest/limits.js'
import type { AnalysisThreadsOptions } from './analysis-pool.js'
import type { AdmissionOptions } from './admission.js'
import type { ApiKey } from './api-keys.js'
import type { StoragePolicy } from '../store/storage-policy.js'

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
  /**
   * When non-empty, every /v1 route requires one of these keys with the route's scope (GET: read, POST: write, DELETE:
   * admin). A plain string is a key with every scope. Default: none (the API is open).
   */
  apiKeys?: readonly (string | ApiKey)[]
  /** Origins allowed to call the API from other sites; default none (no CORS headers at all). */
  corsOrigins?: readonly string[]
  /** Folder of the built web UI; default dist/web of this package. null serves no UI. */
  webRoot?: string | null
  /** Fastify's logger option: false (default) or pino options such as `{ level: 'info' }` (a `stream` for tests). */
  logger?: boolean | { level: string; stream?: { write(line: string): void } }
  /** Trust X-Forwarded-For (only behind a reverse proxy you run); default false. */
  trustProxy?: boolean
  /**
   * Run analyses in worker threads instead of on the event loop. The workers build their engines from these settings
   * (default analyzers, the store at `db`), so use it only with an engine made the same way (as `factsift serve` does).
   */
  analysisThreads?: AnalysisThreadsOptions
  /**
   * Limits on analysis work (admission.ts): running at once (default threads × 2, or 1 on the event loop), queue length
   * (64), large-input size (1 MB) and how many run at once (1), input bytes held (4 × bodyLimit), time budget (60 s).
   */
  admission?: Partial<AdmissionOptions>
  /** What of a report is saved: with or without the article text (default with), and a size cap (default 8 MB of JSON). */
  storage?: Partial<StoragePolicy>
  /** Delete stored reports older than this many milliseconds, checked at start and then periodically. Default: keep all. */
  retentionMs?: number
  /** Analyze a short text before answering /readyz so the first real request does not pay for loading. Default true. */
  warmUp?: boolean
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 300, windowMs: 60_000 }
export const DEFAULT_BODY_LIMIT = DEFAULT_LIMITS.maxBytes
