// What every route module receives from buildServer: the engine, the report store, the analysis queue and readiness state.
import type { Engine } from '../engine/engine.js'
import type { ArticleInput } from '../ingest/types.js'
import type { Store } from '../store/types.js'

export interface AnalyzeOptions {
  /** Save the report (under the server's storage policy). */
  store: boolean
}

export interface AnalysisOutcome {
  /** The report as JSON (text, or UTF-8 bytes from a worker thread): serialized where it was made, sent as is. */
  json: string | Uint8Array
  /** The id it was saved under, or null when it was not saved. */
  storedId: string | null
}

export interface RouteContext {
  engine: Engine
  /**
   * One analysis through the admission queue (bounded, with a time budget), in a worker thread or on the event loop.
   * Rejects with E_SERVER_BUSY (503) or E_ANALYSIS_TIMEOUT (504) when the server is at capacity or the budget runs out.
   */
  analyze(input: ArticleInput, options: AnalyzeOptions): Promise<AnalysisOutcome>
  /** Where reports are saved and read; null when the server runs without a store. */
  store: Store | null
  keysRequired: boolean
  bodyLimit: number
  state: { ready: boolean; warmUpError: string | null }
}
