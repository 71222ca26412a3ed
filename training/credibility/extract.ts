// Runs the real engine over labelled rows and turns each report into an Observation (training and evaluation only).
import type { Analyzer } from '../../src/analyzers/types.js'
import type { Report } from '../../src/report/types.js'
import type { CredibilityRow } from './dataset.js'
import { credibilityInput, type CredibilityInput } from '../../src/analyzers/credibility/evidence.js'
import type { FeatureSpec } from '../../src/analyzers/credibility/features.js'
import type { Observation } from '../../src/analyzers/credibility/model.js'
import { observe } from '../../src/analyzers/credibility/observe.js'

/** The report as the credibility features read it; `ran` = analyzer ids of the engine (failed ones are dropped). */
export function inputFromReport(report: Pick<Report, 'document' | 'signals' | 'claims' | 'quotes' | 'sources' | 'entities' | 'errors'>, ran: readonly string[]): CredibilityInput {
  const failed = new Set(report.errors.map((e) => e.analyzer))
  return credibilityInput(report, new Set(ran.filter((id) => !failed.has(id))))
}

export interface ExtractOptions {
  /** Analyzers to run; default: the registry without `credibility` (what run time has). See `analyzersById`. */
  analyzers?: readonly Analyzer[]
  specs?: readonly FeatureSpec[]
  onProgress?: (done: number, total: number) => void
}

/**
 * Analyzers by id, in the given order: from the registry when it has them, else from `src/analyzers/<id>/<id>.js`
 * (so a model can be trained for analyzers about to be registered). Unknown ids throw E_BAD_ARGUMENT.
 */
export async function analyzersById(ids: readonly string[]): Promise<Analyzer[]> {
  const { defaultAnalyzers } = await import('../../src/analyzers/registry.js')
  const { FactsiftError } = await import('../../src/errors.js')
  const registered = new Map(defaultAnalyzers().map((a) => [a.id, a]))
  return Promise.all(
    ids.map(async (id) => {
      const known = registered.get(id)
      if (known) return known
      if (!/^[a-z][a-z0-9-]*$/.test(id)) throw new FactsiftError('E_BAD_ARGUMENT', `invalid analyzer id "${id}"`)
      try {
        return (await import(`../analyzers/${id}/${id}.js`)).default as Analyzer
      } catch {
        throw new FactsiftError('E_BAD_ARGUMENT', `no analyzer "${id}" in the registry or under src/analyzers/`)
      }
    }),
  )
}

/** One engine for all rows, the same one `factsift analyze` would build, minus the credibility analyzer itself. */
export async function observeRows(rows: readonly CredibilityRow[], options: ExtractOptions = {}): Promise<Observation[]> {
  const { createEngine } = await import('../../src/engine/engine.js')
  const { defaultAnalyzers } = await import('../../src/analyzers/registry.js')
  const analyzers = (options.analyzers ?? defaultAnalyzers()).filter((a) => a.id !== 'credibility')
  const engine = createEngine({ analyzers })
  const ids = analyzers.map((a) => a.id)
  const out: Observation[] = []
  for (const row of rows) {
    const report = await engine.analyze({ text: row.text, ...(row.title ? { title: row.title } : {}) })
    out.push(observe(inputFromReport(report, ids), options.specs).observation)
    options.onProgress?.(out.length, rows.length)
  }
  return out
}
