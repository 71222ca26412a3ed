// In-process analysis (`serve --threads 0`, tests): on the event loop, yielding to I/O between analyses.
import type { Engine } from '../engine/engine.js'
import type { Store } from '../store/types.js'
import { saveWithPolicy, type StoragePolicy } from '../store/storage-policy.js'
import type { ArticleInput } from '../ingest/types.js'
import type { AnalysisOutcome, AnalyzeOptions } from './route-context.js'

/**
 * One analysis, saved under the storage policy when asked, as JSON text. The admission queue (admission.ts) runs these
 * one at a time on the event loop; `setImmediate` before each lets the loop read new requests and answer /healthz
 * between analyses (never during one: that is what worker threads are for).
 */
export function createInProcessAnalysis(
  engine: Engine,
  store: Store | null,
  storage: StoragePolicy,
): (input: ArticleInput, options: AnalyzeOptions) => Promise<AnalysisOutcome> {
  return async (input, { store: save }) => {
    await new Promise((resolve) => setImmediate(resolve))
    let report = await engine.analyze(input)
    let storedId: string | null = null
    if (save && store) {
      const saved = await saveWithPolicy(store.reports, report, storage)
      report = saved.report
      storedId = saved.id
    }
    return { json: JSON.stringify(report), storedId }
  }
}
