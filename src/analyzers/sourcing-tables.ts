// Swaps the bundled sourcing analyzers of a list for ones that use the user's known-entity and outlet-alias tables.
import type { Analyzer } from './types.js'
import { createCoreferenceAnalyzer } from './coreference/coreference.js'
import { createAttributionAnalyzer } from './attribution/attribution.js'
import { createSourcesAnalyzer } from './sources/sources.js'
import type { KnownEntitiesSource } from './shared/known-entities.js'
import type { OutletAliasesSource } from '../nlp/outlets.js'

export interface SourcingTables {
  /** Extra known entities (JSON file path or table), merged over data/known-entities.json. */
  knownEntities?: KnownEntitiesSource
  /** Extra outlet aliases (JSON file path or table), merged over data/outlet-aliases.json. */
  outletAliases?: OutletAliasesSource
}

/**
 * The same analyzer list with `coreference`, `attribution` and `sources` rebuilt on the given tables, in place:
 * `createEngine({ analyzers: withSourcingTables(defaultAnalyzers(), { outletAliases: 'my-outlets.json' }) })`.
 */
export function withSourcingTables(analyzers: readonly Analyzer[], tables: SourcingTables): Analyzer[] {
  return analyzers.map((a) => {
    if (a.id === 'coreference') return createCoreferenceAnalyzer(tables) as Analyzer
    if (a.id === 'attribution') return createAttributionAnalyzer(tables) as Analyzer
    if (a.id === 'sources') return createSourcesAnalyzer(tables) as Analyzer
    return a
  })
}
