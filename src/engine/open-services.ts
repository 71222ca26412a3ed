// Services for one CLI or server process: the store (when there is one) and the search services built on it.
import { existsSync } from 'node:fs'
import type { Logger, Services } from '../services/types.js'
import type { Limits } from '../ingest/limits.js'
import { createServices } from './services.js'

export interface OpenServicesOptions {
  /** SQLite path or postgres:// URL; when absent, the default database is used only if it already exists. */
  db?: string
  limits?: Partial<Limits>
  logger?: Logger
  /** Create the default database when it does not exist (server, import commands); analyze only reads one. */
  createDefault?: boolean
}

/** Opens the store and wires fact-check matching and lateral reading when it holds data. Close `services.store` when done. */
export async function openAnalysisServices(options: OpenServicesOptions = {}): Promise<Services> {
  const base: Partial<Services> = {
    ...(options.logger ? { logger: options.logger } : {}),
    limits: { ...createServices().limits, ...options.limits },
  }
  const { openStore, defaultDatabasePath } = await import('../store/open-store.js')
  const location = options.db ?? (options.createDefault || existsSync(defaultDatabasePath()) ? defaultDatabasePath() : undefined)
  if (!location) return createServices(base)
  const store = await openStore(location)
  const services = createServices({ ...base, store })
  const [{ createFactCheckMatcher }, { createCorpusSearcher }] = await Promise.all([
    import('../analyzers/factchecks/matcher.js'),
    import('../analyzers/lateral-reading/related.js'),
  ])
  if ((await store.factchecks.count()) > 0) services.factchecks = createFactCheckMatcher(store, services.models)
  if ((await store.corpus.count()) > 0) services.corpus = createCorpusSearcher(store, services.models)
  return services
}
