// Repeatable BullMQ poll jobs: one job scheduler per enabled feed (every = the feed's interval) on the feeds queue, so
// any `factsift worker --feeds` process polls any feed. The schedulers are re-synced from the store's feed list (feeds
// added, removed, disabled, interval changed); one poll per feed at a time is the store's feed claim (claimFeed), since
// BullMQ schedules a scheduler's next job when the current one starts, not when it ends.
import type { Queue } from 'bullmq'
import type { QueueLocation } from './connection.js'

/** The job a scheduler produces: poll this feed (if due and not held), then analyze what is due. */
export interface PollJobData {
  feedId: string
}

export interface PollJobResult {
  feedId: string
  /** False when the feed was not claimable (not due: back-off; held by another worker; removed or disabled). */
  polled: boolean
  newItems: number
  analyzed: number
  failed: number
  worker: string
}

export const POLL_JOB = 'poll-feed'
const SCHEDULER_PREFIX = 'poll-'

/** The feeds queue: beside the analysis queue, so workers without --feeds never take a poll job. */
export function feedQueueName(location: Pick<QueueLocation, 'name'>): string {
  return `${location.name}-feeds`
}

export function pollSchedulerId(feedId: string): string {
  return `${SCHEDULER_PREFIX}${feedId}`
}

/** What the schedulers should be: the enabled feeds and their intervals. */
export interface ScheduledFeed {
  id: string
  intervalMs: number
  enabled: boolean
}

export interface PollSyncResult {
  added: number
  updated: number
  removed: number
  total: number
}

/** Poll jobs are not retried by BullMQ: a failed poll is recorded on the feed, whose back-off decides the next one. */
const TEMPLATE_OPTIONS = { attempts: 1, removeOnComplete: { count: 200 }, removeOnFail: { count: 200 } }

/**
 * Makes the queue's poll schedulers match `feeds`: one per enabled feed with `every` = its interval (a changed interval
 * replaces the scheduler), none for removed or disabled feeds. Idempotent: several workers syncing at once converge.
 */
export async function syncPollJobs(queue: Queue<PollJobData, PollJobResult>, feeds: readonly ScheduledFeed[]): Promise<PollSyncResult> {
  const wanted = new Map(feeds.filter((f) => f.enabled).map((f) => [pollSchedulerId(f.id), f]))
  const existing = new Map<string, number | undefined>()
  const PAGE = 500
  for (let start = 0; ; start += PAGE) {
    const page = await queue.getJobSchedulers(start, start + PAGE - 1, true)
    // A scheduler removed by another worker between BullMQ's listing and its read comes back undefined.
    for (const scheduler of page) if (scheduler?.key?.startsWith(SCHEDULER_PREFIX)) existing.set(scheduler.key, scheduler.every)
    if (page.length < PAGE) break
  }
  const result: PollSyncResult = { added: 0, updated: 0, removed: 0, total: wanted.size }
  for (const [key, feed] of wanted) {
    const every = existing.get(key)
    if (every === feed.intervalMs) continue
    await queue.upsertJobScheduler(key, { every: feed.intervalMs }, { name: POLL_JOB, data: { feedId: feed.id }, opts: TEMPLATE_OPTIONS })
    if (existing.has(key)) result.updated++
    else result.added++
  }
  for (const key of existing.keys()) {
    if (wanted.has(key)) continue
    if (await queue.removeJobScheduler(key)) result.removed++ // false: another worker removed it first
  }
  return result
}
