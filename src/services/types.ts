// Services reach analyzers and commands through one context object, created once and passed down: no globals.
import type { Store } from '../store/types.js'
import type { CorpusSearcher, FactCheckMatcher } from './search.js'
import type { ModelLoader } from '../models/loader.js'
import type { Limits } from '../ingest/limits.js'
import type { RatingsRegistry } from '../source-ratings/index.js'

export interface Logger {
  debug(message: string, data?: Record<string, unknown>): void
  info(message: string, data?: Record<string, unknown>): void
  warn(message: string, data?: Record<string, unknown>): void
  error(message: string, data?: Record<string, unknown>): void
}

/** Made once by createServices / openAnalysisServices (src/engine/services.ts) and never changed after the engine starts. */
export interface Services {
  readonly models: ModelLoader
  /** Persistent store (SQLite by default, PostgreSQL by URL); absent for a pure in-memory analysis. */
  readonly store?: Store
  /** Published fact-checks to match claims against; over the store by default, finding none until some are imported. */
  readonly factchecks?: FactCheckMatcher
  /** The user's reference corpus for lateral reading; over the store by default, unavailable until articles are added. */
  readonly corpus?: CorpusSearcher
  /** Source reliability ratings: the store's user lists over the shipped table (made by createServices). */
  readonly ratings?: SourceRatingsService
  /** Monotonic milliseconds, for timings. */
  now(): number
  readonly logger: Logger
  readonly limits: Limits
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
}

/** Domain ratings for the publisher and cited outlets: loaded on first use, reloaded when the store's lists change. */
export interface SourceRatingsService {
  /** The registry: user lists from the store (first created ranks first), then the shipped table (Lin et al. 2023). */
  registry(): Promise<RatingsRegistry>
  /** Drop what is loaded: the next `registry()` reads the store again (after this process wrote to it). */
  invalidate(): void
}
