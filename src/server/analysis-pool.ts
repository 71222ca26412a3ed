// Analysis off the event loop: worker threads (the batch pool), each with an engine built from the same settings.
import type { Limits } from '../ingest/limits.js'
import { FactsiftError, ERROR_CODES, type ErrorCode } from '../errors.js'
import type { ArticleInput } from '../ingest/types.js'
import type { Report } from '../report/types.js'

export interface AnalysisThreadsOptions {
  /** Worker threads; each loads its own engine (models, dictionaries), so each costs memory and start-up time. */
  count: number
  /** The store location the workers open for fact-check matching and lateral reading (same as the server's). */
  db?: string
  limits: Partial<Limits>
}

export interface AnalysisPool {
  analyze(input: ArticleInput): Promise<Report>
  close(): Promise<void>
}

/** Starts the workers; `analyze` resolves with the report or rejects with the worker's FactsiftError. */
export async function createAnalysisPool(options: AnalysisThreadsOptions): Promise<AnalysisPool> {
  const { createWorkerPool } = await import('../batch/worker-pool.js')
  const pool = await createWorkerPool(options.count, { ...(options.db ? { db: options.db } : {}), limits: options.limits })
  let seq = 0
  return {
    async analyze(input) {
      const n = seq++
      const result = await pool.run({ seq: n, id: String(n), where: 'request', input })
      if (result.report) return result.report
      const code = (result.error?.code ?? 'E_INTERNAL') as ErrorCode
      throw new FactsiftError(code in ERROR_CODES ? code : 'E_INTERNAL', result.error?.message ?? 'analysis failed')
    },
    close: () => pool.close(),
  }
}
