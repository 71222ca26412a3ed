// Runs the five sourcing analyzers in registry order on one annotated document (for evaluation, benches and scripts).
import type { AnnotatedDocument } from '../document/types.js'
import type { AttributionOutput, CoreferenceOutput, OpinionOutput, QuotesOutput, SourcesOutput } from './types.js'
import { resolveCoreference } from '../analyzers/coreference/coreference.js'
import { findQuotes } from '../analyzers/quotes/quotes.js'
import { attributeSentences } from '../analyzers/attribution/attribution.js'
import { collectSources } from '../analyzers/sources/sources.js'
import { findOpinions } from '../analyzers/opinion/opinion.js'
import { outletTable, type OutletAliasesSource } from './outlets.js'
import type { KnownEntitiesSource } from './known-entities.js'

export interface SourcingOutputs {
  coreference: CoreferenceOutput
  quotes: QuotesOutput
  attribution: AttributionOutput
  sources: SourcesOutput
  opinion: OpinionOutput
}

export interface SourcingOptions {
  knownEntities?: KnownEntitiesSource
  outletAliases?: OutletAliasesSource
  /** Receives each analyzer's id and its time in milliseconds. */
  time?: (id: keyof SourcingOutputs, ms: number) => void
  /** The clock `time` uses (default performance.now); a bench may pass CPU time. */
  clock?: () => number
}

/** coreference → quotes → attribution → sources → opinion, as the registry runs them. */
export function runSourcing(doc: AnnotatedDocument, options: SourcingOptions = {}): SourcingOutputs {
  const outlets = outletTable(options.outletAliases)
  const timed = <T>(id: keyof SourcingOutputs, run: () => T): T => {
    if (!options.time) return run()
    const clock = options.clock ?? (() => performance.now())
    const started = clock()
    const out = run()
    options.time(id, clock() - started)
    return out
  }
  const coreference = timed('coreference', () => resolveCoreference(doc, options))
  const quotes = timed('quotes', () => findQuotes(doc, coreference))
  const attribution = timed('attribution', () => attributeSentences(doc, coreference, quotes, outlets))
  const sources = timed('sources', () => collectSources(doc, attribution, quotes, coreference, outlets))
  const opinion = timed('opinion', () => findOpinions(doc))
  return { coreference, quotes, attribution, sources, opinion }
}
