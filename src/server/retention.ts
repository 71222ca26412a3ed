// Retention: reports older than the setting are deleted at start and then periodically, in small chunks.
import type { FastifyBaseLogger } from 'fastify'
import type { ReportRepository } from '../store/report-repository.js'

/** Rows per delete: SQLite runs on the event loop, so one call holds it for a few milliseconds at most. */
const CHUNK = 200

/** Deletes every report saved before `cutoff`, a chunk at a time, yielding to I/O between chunks. Returns the count. */
export async function pruneReports(reports: ReportRepository, cutoff: Date): Promise<number> {
  let total = 0
  for (;;) {
    const deleted = await reports.deleteOlderThan(cutoff, CHUNK)
    total += deleted
    if (deleted < CHUNK) return total
    await new Promise((resolve) => setImmediate(resolve))
  }
}

/** How often the server prunes: a 24th of the retention, between one minute and one hour. */
export function pruneInterval(retentionMs: number): number {
  return Math.min(3_600_000, Math.max(60_000, Math.floor(retentionMs / 24)))
}

/** Starts pruning now and every pruneInterval; returns a stop function. Failures are logged, never thrown. */
export function startRetention(reports: ReportRepository, retentionMs: number, log: FastifyBaseLogger): () => Promise<void> {
  let running: Promise<void> = Promise.resolve()
  const run = () => {
    running = running.then(async () => {
      try {
        const deleted = await pruneReports(reports, new Date(Date.now() - retentionMs))
        if (deleted > 0) log.info(`retention: deleted ${deleted} reports older than ${Math.round(retentionMs / 86_400_000 * 10) / 10} days`)
      } catch (error) {
        log.error({ err: error }, 'retention: pruning reports failed')
      }
    })
  }
  run()
  const timer = setInterval(run, pruneInterval(retentionMs))
  timer.unref()
  return async () => {
    clearInterval(timer)
    await running
  }
}
