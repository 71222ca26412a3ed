// Poll job schedulers against the real Redis: one per enabled feed, following the feed list (added, removed,
// disabled, interval changed); syncing is idempotent, also when several workers sync at once.
import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import type { Queue } from 'bullmq'
import { serviceSkip, TEST_REDIS_URL, deleteRedisKeys } from '../test-support/services.js'
import { feedQueueName, pollSchedulerId, POLL_JOB, syncPollJobs, type PollJobData, type PollJobResult, type ScheduledFeed } from './poll-jobs.js'

const skip = await serviceSkip('redis')
const prefix = `factsift-test-${randomBytes(5).toString('hex')}`
const cleanups: (() => Promise<void>)[] = []

async function openQueue(): Promise<Queue<PollJobData, PollJobResult>> {
  const [{ Queue }, { Redis }] = await Promise.all([import('bullmq'), import('ioredis')])
  const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null })
  const queue: Queue<PollJobData, PollJobResult> = new Queue(feedQueueName({ name: 'poll-sync' }), { connection, prefix })
  cleanups.push(async () => {
    await queue.close()
    connection.disconnect()
  })
  return queue
}

after(async () => {
  if (skip) return
  await deleteRedisKeys(prefix)
  for (const cleanup of cleanups) await cleanup()
})

/** scheduler id → every, for the poll schedulers in the queue. */
async function schedulers(queue: Queue<PollJobData, PollJobResult>): Promise<Record<string, number | undefined>> {
  const list = await queue.getJobSchedulers(0, -1, true)
  return Object.fromEntries(list.map((s) => [s.key, s.every]).sort())
}

test('poll schedulers follow the feed list: one per enabled feed, every = its interval', { skip }, async () => {
  const queue = await openQueue()
  const feeds: ScheduledFeed[] = [
    { id: 'fd-a', intervalMs: 60_000, enabled: true },
    { id: 'fd-b', intervalMs: 900_000, enabled: true },
    { id: 'fd-off', intervalMs: 60_000, enabled: false },
  ]
  assert.deepEqual(await syncPollJobs(queue, feeds), { added: 2, updated: 0, removed: 0, total: 2 })
  assert.deepEqual(await schedulers(queue), { [pollSchedulerId('fd-a')]: 60_000, [pollSchedulerId('fd-b')]: 900_000 })
  // Each scheduler keeps one job in the queue: named poll-feed, carrying its feed id.
  const jobs = await queue.getJobs(['delayed', 'waiting', 'prioritized'])
  assert.deepEqual(jobs.map((j) => [j.name, j.data.feedId]).sort(), [[POLL_JOB, 'fd-a'], [POLL_JOB, 'fd-b']])

  assert.deepEqual(await syncPollJobs(queue, feeds), { added: 0, updated: 0, removed: 0, total: 2 }, 'nothing changed: nothing written')
  // Interval changed, a feed removed, another added, the disabled one enabled; several workers sync at once.
  const next: ScheduledFeed[] = [
    { id: 'fd-a', intervalMs: 120_000, enabled: true },
    { id: 'fd-c', intervalMs: 60_000, enabled: true },
    { id: 'fd-off', intervalMs: 60_000, enabled: true },
  ]
  const others = await Promise.all([openQueue(), openQueue()])
  await Promise.all([syncPollJobs(queue, next), ...others.map((q) => syncPollJobs(q, next))])
  const expected = { [pollSchedulerId('fd-a')]: 120_000, [pollSchedulerId('fd-c')]: 60_000, [pollSchedulerId('fd-off')]: 60_000 }
  assert.deepEqual(await schedulers(queue), expected)
  // BullMQ removes a removed scheduler's delayed job; one already waiting stays and finds its feed gone (no poll).
  const delayed = await queue.getJobs(['delayed'])
  assert.ok(!delayed.some((j) => j.data.feedId === 'fd-b'), 'no delayed job for the removed feed')
  const pending = await queue.getJobs(['delayed', 'waiting', 'prioritized'])
  for (const id of ['fd-a', 'fd-c', 'fd-off']) assert.ok(pending.some((j) => j.data.feedId === id), `a pending job for ${id}`)
  assert.deepEqual(await syncPollJobs(queue, []), { added: 0, updated: 0, removed: 3, total: 0 })
  assert.deepEqual(await schedulers(queue), {})
})
