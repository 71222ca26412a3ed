// The five sourcing analyzers as a subset of the engine (registry order), with their outputs read back by id.
import { createEngine, type Engine } from '../../src/engine/engine.js'
import { defaultAnalyzers } from '../../src/analyzers/registry.js'
import { withSourcingTables, type SourcingTables } from '../../src/analyzers/sourcing-tables.js'
import type { AnnotatedDocument } from '../../src/document/types.js'
import type { AttributionOutput } from '../../src/analyzers/attribution/types.js'
import type { CoreferenceOutput } from '../../src/analyzers/coreference/types.js'
import type { OpinionOutput } from '../../src/analyzers/opinion/types.js'
import type { QuotesOutput } from '../../src/analyzers/quotes/types.js'
import type { SourcesOutput } from '../../src/analyzers/sources/types.js'

export interface SourcingOutputs {
  coreference: CoreferenceOutput
  quotes: QuotesOutput
  attribution: AttributionOutput
  sources: SourcesOutput
  opinion: OpinionOutput
}

export const SOURCING_ANALYZERS: readonly (keyof SourcingOutputs)[] = ['coreference', 'quotes', 'attribution', 'sources', 'opinion']

export interface SourcingOptions extends SourcingTables {
  /** The clock analyzer timings use (default performance.now); a bench may pass CPU time. */
  now?: () => number
}

/** An engine running only the sourcing analyzers, on the given tables. */
export function createSourcingEngine(options: SourcingOptions = {}): Engine {
  const subset = defaultAnalyzers().filter((a) => (SOURCING_ANALYZERS as readonly string[]).includes(a.id))
  return createEngine({ analyzers: withSourcingTables(subset, options), services: options.now ? { now: options.now } : {} })
}

/** The five outputs for one annotated document, and each analyzer's time in the engine's clock. */
export async function runSourcing(engine: Engine, doc: AnnotatedDocument): Promise<{ outputs: SourcingOutputs; ms: Record<string, number> }> {
  const { report, outputs } = await engine.analyzeAnnotated(doc)
  if (report.errors.length > 0) throw new Error(`sourcing failed: ${report.errors.map((e) => `${e.analyzer} ${e.code} ${e.message}`).join('; ')}`)
  const get = <K extends keyof SourcingOutputs>(id: K) => outputs.get(id) as SourcingOutputs[K]
  return {
    outputs: { coreference: get('coreference'), quotes: get('quotes'), attribution: get('attribution'), sources: get('sources'), opinion: get('opinion') },
    ms: report.timings.analyzers ?? {},
  }
}
