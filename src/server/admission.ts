// Bounded analysis work: a few analyses at once, a bounded queue, one large input at a time, a time budget per request.
import { FactsiftError } from '../errors.js'
import type { ArticleInput } from '../ingest/types.js'

export interface AdmissionOptions {
  /** Analyses running at once (threads × 2 with worker threads, 1 on the event loop). */
  concurrency: number
  /** Requests waiting beyond those; one more is refused with 503 E_SERVER_BUSY and Retry-After. */
  maxQueue: number
  /** An input of at least this many bytes is large (default 1 MB). */
  largeBytes: number
  /** Large analyses running at once (default 1): a 4 MB article takes ~400 MB while it is analyzed. */
  maxLarge: number
  /**
   * Large analyses have their own slots (`maxLarge`) beside `concurrency`: true when they run in threads of their own
   * (worker threads), so a 4 MB article does not take a pool thread's slot from small ones. Default false.
   */
  largeApart?: boolean
  /** Input bytes held by admitted requests (running and waiting) together; past it, 503 (default 4 × the body limit). */
  maxPendingBytes: number
  /**
   * Time budget of one request from its arrival, in milliseconds. Still waiting when it runs out: 503 E_SERVER_BUSY
   * (it never started; retry). Running: 504 E_ANALYSIS_TIMEOUT; the analysis finishes in the background and keeps its
   * slot until then, so a flood of slow inputs cannot pile up work beyond the limits above.
   */
  timeoutMs: number
}

export const DEFAULT_ADMISSION = {
  maxQueue: 64,
  largeBytes: 1024 * 1024,
  maxLarge: 1,
  timeoutMs: 60_000,
} as const

export interface AdmissionStats {
  running: number
  runningLarge: number
  waiting: number
  pendingBytes: number
}

export interface Admission<O, R> {
  submit(input: ArticleInput, options: O): Promise<R>
  stats(): AdmissionStats
}

interface Job<O, R> {
  input: ArticleInput
  options: O
  bytes: number
  large: boolean
  arrived: number
  state: 'waiting' | 'running' | 'settled'
  timer: NodeJS.Timeout
  resolve(result: R): void
  reject(error: unknown): void
}

/** The size that counts for an input: its text and HTML in UTF-8 bytes (a URL to fetch counts as its own length). */
export function inputBytes(input: ArticleInput): number {
  let bytes = 0
  for (const part of [input.text, input.html, input.url, input.title]) if (typeof part === 'string') bytes += Buffer.byteLength(part, 'utf8')
  return bytes
}

export function createAdmission<O, R>(run: (input: ArticleInput, options: O) => Promise<R>, limits: AdmissionOptions): Admission<O, R> {
  const waiting: Job<O, R>[] = []
  let running = 0
  let runningLarge = 0
  let pendingBytes = 0
  /** Moving average of analysis time, for Retry-After. */
  let averageMs = 1000

  const retryAfterSeconds = () => Math.min(120, Math.max(1, Math.ceil((averageMs * (waiting.length + running)) / limits.concurrency / 1000)))
  const busy = (why: string) =>
    new FactsiftError('E_SERVER_BUSY', `the server is at capacity (${why}); retry later`, { retryAfter: retryAfterSeconds() })

  /** Whether `job` may start now: a free slot of its kind (large ones also need a general slot unless kept apart). */
  const hasSlot = (job: Job<O, R>) => {
    if (limits.largeApart) return job.large ? runningLarge < limits.maxLarge : running - runningLarge < limits.concurrency
    return running < limits.concurrency && (!job.large || runningLarge < limits.maxLarge)
  }

  const pump = () => {
    for (let i = 0; i < waiting.length; ) {
      const job = waiting[i]!
      // A large input waits for the large slot; smaller ones behind it go ahead (it gets the first free slot after).
      if (!hasSlot(job)) {
        i++
        continue
      }
      waiting.splice(i, 1)
      start(job)
    }
  }

  const start = (job: Job<O, R>) => {
    job.state = 'running'
    running++
    if (job.large) runningLarge++
    const began = Date.now()
    let work: Promise<R>
    try {
      work = run(job.input, job.options)
    } catch (error) {
      work = Promise.reject(error)
    }
    work
      .then(
        (result) => {
          if (job.state === 'settled') return
          job.state = 'settled'
          clearTimeout(job.timer)
          job.resolve(result)
        },
        (error: unknown) => {
          if (job.state === 'settled') return
          job.state = 'settled'
          clearTimeout(job.timer)
          job.reject(error)
        },
      )
      .finally(() => {
        running--
        if (job.large) runningLarge--
        pendingBytes -= job.bytes
        averageMs = averageMs * 0.8 + (Date.now() - began) * 0.2
        pump()
      })
  }

  const expire = (job: Job<O, R>) => {
    if (job.state === 'waiting') {
      const index = waiting.indexOf(job)
      if (index >= 0) waiting.splice(index, 1)
      pendingBytes -= job.bytes
      job.state = 'settled'
      job.reject(busy(`waited ${Math.round((Date.now() - job.arrived) / 1000)} s in the queue`))
    } else if (job.state === 'running') {
      // The slot stays taken until the analysis really ends (see `start`).
      job.state = 'settled'
      job.reject(new FactsiftError('E_ANALYSIS_TIMEOUT', `the analysis did not finish within ${Math.round(limits.timeoutMs / 1000)} s`))
    }
  }

  return {
    submit(input, options) {
      const bytes = inputBytes(input)
      if (waiting.length >= limits.maxQueue && running >= limits.concurrency) {
        return Promise.reject(busy(`${waiting.length} analyses waiting`))
      }
      // Always admit one request when nothing is held, whatever its size (the body limit already bounds it).
      if (pendingBytes > 0 && pendingBytes + bytes > limits.maxPendingBytes) {
        return Promise.reject(busy(`${Math.round(pendingBytes / 1024 / 1024)} MB of input already waiting`))
      }
      pendingBytes += bytes
      return new Promise<R>((resolve, reject) => {
        const job: Job<O, R> = {
          input,
          options,
          bytes,
          large: bytes >= limits.largeBytes,
          arrived: Date.now(),
          state: 'waiting',
          timer: undefined as unknown as NodeJS.Timeout,
          resolve,
          reject,
        }
        job.timer = setTimeout(() => expire(job), limits.timeoutMs)
        waiting.push(job)
        pump()
      })
    },
    stats: () => ({ running, runningLarge, waiting: waiting.length, pendingBytes }),
  }
}
