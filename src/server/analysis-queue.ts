// In-process analyses one at a time, in arrival order, yielding to I/O between them.
import type { ArticleInput } from '../ingest/types.js'
import type { Report } from '../report/types.js'

/**
 * Without this, each request's analysis runs as soon as its body arrives, while the sockets of other clients wait for
 * the event loop; bench:server then showed a few requests starving for seconds (p99 ≫ p50, timeouts). Queued here,
 * every analysis waits only for those that arrived before it, and `setImmediate` between jobs lets the loop read new
 * requests and answer /healthz.
 */
export function createAnalysisQueue(analyze: (input: ArticleInput) => Promise<Report>): (input: ArticleInput) => Promise<Report> {
  const waiting: { input: ArticleInput; resolve(report: Report): void; reject(error: unknown): void }[] = []
  let running = false
  const runNext = () => {
    const job = waiting.shift()
    if (!job) {
      running = false
      return
    }
    analyze(job.input).then(job.resolve, job.reject).finally(() => setImmediate(runNext))
  }
  return (input) =>
    new Promise<Report>((resolve, reject) => {
      waiting.push({ input, resolve, reject })
      if (!running) {
        running = true
        setImmediate(runNext)
      }
    })
}
