// Phase timestamps for measuring a batch's start-up (bench:batch --trace sets FACTSIFT_BATCH_TRACE): one stderr line per
// mark, `factsift-trace <thread> <label> <epoch ms> <thread CPU s>`, so the bench can line up the main thread's and each
// worker's phases (code loaded, ready, first item, …) against the process's start, in wall and in CPU time (the CPU
// figure does not move with the machine's load). Off (one env lookup) otherwise.
import { readFileSync } from 'node:fs'
import { threadId } from 'node:worker_threads'

export const tracing = process.env.FACTSIFT_BATCH_TRACE === '1'

/** Marks `label` now; a no-op unless tracing. */
export function tracePhase(label: string): void {
  if (!tracing) return
  // timeOrigin + now: epoch milliseconds comparable across threads (each thread has its own timeOrigin).
  process.stderr.write(`factsift-trace ${threadId} ${label} ${(performance.timeOrigin + performance.now()).toFixed(1)} ${threadCpuSeconds()}\n`)
}

/** This thread's CPU time (user + system) from /proc/thread-self (Linux); -1 elsewhere. */
function threadCpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100 // USER_HZ
  } catch {
    return -1
  }
}
