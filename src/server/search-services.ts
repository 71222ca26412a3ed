// After an import through the API, switch on fact-check matching and lateral reading the way a fresh start would.
import type { Engine } from '../engine/engine.js'
import type { Store } from '../store/types.js'

/** Wires the fact-check matcher and corpus searcher into the engine once the store holds data for them. */
export async function refreshSearchServices(engine: Engine, store: Store): Promise<void> {
  const services = engine.services
  if (!services.factchecks && (await store.factchecks.count()) > 0) {
    const { createFactCheckMatcher } = await import('../analyzers/factchecks/matcher.js')
    services.factchecks = createFactCheckMatcher(store, services.models)
  }
  if (!services.corpus && (await store.corpus.count()) > 0) {
    const { createCorpusSearcher } = await import('../analyzers/lateral-reading/related.js')
    services.corpus = createCorpusSearcher(store, services.models)
  }
}
