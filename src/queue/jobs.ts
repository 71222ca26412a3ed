// What travels through the queue: one article per job, keyed by the item id, and the small result a worker returns.
import type { JobsOptions } from 'bullmq'
import type { ArticleInput } from '../ingest/types.js'
import type { RiskLabel } from '../report/types.js'
import { ERROR_CODES, type ErrorCode } from '../errors.js'

export interface AnalysisJobData {
  /** The item id: the report is saved under it, so a retried or duplicated job overwrites instead of adding a row. */
  id: string
  /** Where the item came from in the input (line or file name), for error messages. */
  where: string
  /** The article itself: workers on other machines cannot read the producer's files. */
  input: ArticleInput
}

/** What a completed job returns: enough for progress and logs; the report itself is in the store. */
export interface AnalysisJobResult {
  /** Null when the document is not assessed (riskLabel 'not-assessed'). */
  riskScore: number | null
  riskLabel: RiskLabel | 'not-assessed'
  /** host:pid of the worker that produced it. */
  worker: string
}

/** Job options set by the producer: retries with exponential backoff, and completed jobs kept a week so re-enqueueing is a no-op. */
export function analysisJobOptions(attempts: number): JobsOptions {
  const week = 7 * 24 * 3600
  return {
    attempts,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { age: week },
    removeOnFail: { age: week },
  }
}

/** A failed job's reason carries the error code first: `E_CODE message`. */
export function failureReason(code: string, message: string): string {
  return `${code} ${message}`
}

export function parseFailureReason(reason: string | undefined): { code: string; message: string } {
  const match = /^(E_[A-Z_]+) ([\s\S]*)$/.exec(reason ?? '')
  if (match) return { code: match[1]!, message: match[2]! }
  // BullMQ's own reasons (a job that stalled too often, a lock lost) carry no code.
  return { code: 'E_INTERNAL', message: reason || 'the job failed without a reason' }
}

/** Bad input (exit code 2: empty, binary, blocked URL…) fails the same way every time: no retry. */
export function isPermanent(code: string): boolean {
  return code in ERROR_CODES && ERROR_CODES[code as ErrorCode].exit === 2
}
