// Phase timestamps for measuring a batch's start-up (bench:batch sets FACTSIFT_BATCH_TRACE): one stderr line per mark,
// `factsift-trace <thread> <label> <epoch ms>`, so the bench can line up the main thread's and each worker's phases
// (code loaded, models loaded, first item, …) against the process's start. Off (one env lookup) otherwise.
import { threadId } from 'node:worker_threads'

const enabled = process.env.FACTSIFT_BATCH_TRACE === '1'

/** Marks `label` now; a no-op unless tracing. */
export function tracePhase(label: string): void {
  if (!enabled) return
  // timeOrigin + now: epoch milliseconds comparable across threads (each thread has its own timeOrigin).
  process.stderr.write(`factsift-trace ${threadId} ${label} ${(performance.timeOrigin + performance.now()).toFixed(1)}\n`)
}

export const tracing = enabled
