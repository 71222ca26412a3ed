// Services reach analyzers and commands through one context object, created once and passed down: no globals.
import type { Store } from './store/types.js'
import type { FactCheckMatcher } from './search/types.js'
import type { CorpusSearcher } from './search/types.js'
import type { ModelLoader } from './models/loader.js'

export interface Logger {
  debug(message: string, data?: Record<string, unknown>): void
  info(message: string, data?: Record<string, unknown>): void
  warn(message: string, data?: Record<string, unknown>): void
  error(message: string, data?: Record<string, unknown>): void
}

export interface Limits {
  /** Largest accepted input in bytes (files, stdin, fetched pages, request bodies). */
  maxBytes: number
  fetchTimeoutMs: number
  maxRedirects: number
  allowPrivateNetwork: boolean
}

export interface Services {
  models: ModelLoader
  /** Persistent store (SQLite by default, PostgreSQL by URL); absent for a pure in-memory analysis. */
  store?: Store
  /** Published fact-checks to match claims against; absent when none were imported. */
  factchecks?: FactCheckMatcher
  /** The user's reference corpus for lateral reading; absent when none was added. */
  corpus?: CorpusSearcher
  /** Monotonic milliseconds, for timings. */
  now(): number
  logger: Logger
  limits: Limits
}

export const DEFAULT_LIMITS: Limits = {
  maxBytes: 5 * 1024 * 1024,
  fetchTimeoutMs: 10_000,
  maxRedirects: 5,
  allowPrivateNetwork: false,
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
}
