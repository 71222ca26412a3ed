// Services reach analyzers and commands through one context object, created once and passed down: no globals.
import type { Store } from '../store/types.js'
import type { FactCheckMatcher } from './search.js'
import type { CorpusSearcher } from './search.js'
import type { ModelLoader } from '../models/loader.js'
import type { Limits } from '../ingest/limits.js'

export interface Logger {
  debug(message: string, data?: Record<string, unknown>): void
  info(message: string, data?: Record<string, unknown>): void
  warn(message: string, data?: Record<string, unknown>): void
  error(message: string, data?: Record<string, unknown>): void
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

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
}
