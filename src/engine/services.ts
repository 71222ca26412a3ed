// The one place services are made: defaults for everything, the store when a database is named, and the search services
// over that store (fact-check matching, lateral reading). Made once, before the engine starts, and never changed after:
// the search services ask the store what it holds when they are used, so an import made later is seen without rewiring.
import { existsSync } from 'node:fs'
import type { Logger, Services } from '../services/types.js'
import { silentLogger } from '../services/types.js'
import type { CorpusSearcher, FactCheckMatcher } from '../services/search.js'
import type { Store } from '../store/types.js'
import { DEFAULT_LIMITS, type Limits } from '../ingest/limits.js'
import { createModelLoader, type ModelLoader } from '../models/loader.js'
import { createSourceRatingsService } from '../analyzers/publisher/ratings-service.js'

/**
 * Complete services from a partial set: the default model folder, a silent logger, default limits. With a store and no
 * `factchecks` / `corpus` of the caller's, fact-check matching and lateral reading run over that store: they find
 * nothing while it holds no fact-checks or articles, and load their models only once it does. Source ratings: the
 * shipped table (read on first use) under the store's user lists.
 */
export function createServices(overrides: Partial<Services> = {}): Services {
  const models = overrides.models ?? createModelLoader()
  const store = overrides.store
  const factchecks = overrides.factchecks ?? (store ? storeFactCheckMatcher(store, models) : undefined)
  const corpus = overrides.corpus ?? (store ? storeCorpusSearcher(store, models) : undefined)
  // The shipped ratings table is read on first use; the store's lists layer over it.
  const ratings = overrides.ratings ?? createSourceRatingsService(store ? { store } : {})
  return Object.freeze({
    models,
    now: overrides.now ?? (() => performance.now()),
    logger: overrides.logger ?? silentLogger,
    limits: { ...DEFAULT_LIMITS, ...overrides.limits },
    ...(store ? { store } : {}),
    ...(factchecks ? { factchecks } : {}),
    ...(corpus ? { corpus } : {}),
    ratings,
  })
}

export interface OpenServicesOptions {
  /** SQLite path or postgres:// URL; when absent, the default database is used only if it already exists. */
  db?: string
  limits?: Partial<Limits>
  logger?: Logger
  /** Create the default database when it does not exist (server, import commands); analyze only reads one. */
  createDefault?: boolean
}

/** Services for one CLI or server process: `createServices` over the store it opens, if any. Close `services.store` when done. */
export async function openAnalysisServices(options: OpenServicesOptions = {}): Promise<Services> {
  const base: Partial<Services> = {
    ...(options.logger ? { logger: options.logger } : {}),
    limits: { ...DEFAULT_LIMITS, ...options.limits },
  }
  const { openStore, defaultDatabasePath } = await import('../store/open-store.js')
  const location = options.db ?? (options.createDefault || existsSync(defaultDatabasePath()) ? defaultDatabasePath() : undefined)
  if (!location) return createServices(base)
  return createServices({ ...base, store: await openStore(location) })
}

/** A search service that exists only once the store holds something to search: made (module and all) on first use. */
function whenStoreHolds<T>(count: () => Promise<number>, make: () => Promise<T>) {
  let made: Promise<T> | undefined
  return {
    // Both stores keep their counts in memory (refreshed on their own writes): this costs no query per analysis.
    available: async () => (await count()) > 0,
    service: () => (made ??= make()),
  }
}

function storeFactCheckMatcher(store: Store, models: ModelLoader): FactCheckMatcher {
  const lazy = whenStoreHolds(
    () => store.factchecks.count(),
    async () => (await import('../analyzers/factchecks/matcher.js')).createFactCheckMatcher(store, models),
  )
  return {
    available: lazy.available,
    async match(claimText, limit) {
      return (await lazy.available()) ? (await lazy.service()).match(claimText, limit) : []
    },
  }
}

function storeCorpusSearcher(store: Store, models: ModelLoader): CorpusSearcher {
  const lazy = whenStoreHolds(
    () => store.corpus.count(),
    async () => (await import('../analyzers/lateral-reading/related.js')).createCorpusSearcher(store, models),
  )
  return {
    available: lazy.available,
    async related(claimText, limit) {
      return (await lazy.available()) ? (await lazy.service()).related(claimText, limit) : []
    },
  }
}
