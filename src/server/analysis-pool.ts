// Analysis off the event loop: worker threads (the batch pool), each with an engine built from the same settings.
import type { Limits } from '../ingest/limits.js'
import { FactsiftError, ERROR_CODES, type ErrorCode } from '../errors.js'
import type { ArticleInput } from '../ingest/types.js'
import type { StoragePolicy } from '../store/storage-policy.js'
import type { AnalysisOutcome, AnalyzeOptions } from './route-context.js'
import { inputBytes } from './admission.js'

export interface AnalysisThreadsOptions {
  /** Worker threads; each loads its own engine (models, dictionaries), so each costs memory and start-up time. */
  count: number
  /** The store location the workers open for fact-check matching, lateral reading and saving reports (the server's). */
  db?: string
  limits: Partial<Limits>
  /**
   * An input of at least this many bytes is analyzed in a thread started for it and stopped after it (default: the
   * admission's "large", 1 MB): its memory returns to the system and the pool threads go on with small inputs.
   */
  largeBytes?: number
}

export interface AnalysisPool {
  analyze(input: ArticleInput, options: AnalyzeOptions): Promise<AnalysisOutcome>
  close(): Promise<void>
}

/**
 * Starts the workers; `analyze` resolves with the report's JSON bytes (saved by the thread when asked) or rejects with
 * the worker's FactsiftError. The main thread only passes the input and bytes: no report object crosses, none is
 * serialized there. Large inputs run in a thread of their own (see `largeBytes`).
 */
export async function createAnalysisPool(options: AnalysisThreadsOptions & { largeBytes: number }, storage: StoragePolicy): Promise<AnalysisPool> {
  const { createWorkerPool } = await import('../batch/worker-pool.js')
  const pool = await createWorkerPool(options.count, {
    ...(options.db ? { db: options.db } : {}),
    limits: options.limits,
    output: 'json',
    storage,
  })
  const { largeBytes } = options
  let seq = 0
  return {
    async analyze(input, { store }) {
      const n = seq++
      const result = await pool.run({ seq: n, id: String(n), where: 'request', input, store }, { alone: inputBytes(input) >= largeBytes })
      if (result.json !== undefined) return { json: result.json, storedId: result.storedId ?? null }
      const code = (result.error?.code ?? 'E_INTERNAL') as ErrorCode
      throw new FactsiftError(code in ERROR_CODES ? code : 'E_INTERNAL', result.error?.message ?? 'analysis failed')
    },
    close: () => pool.close(),
  }
}
