// `factsift watch`: poll the feeds that are due, store their new items, analyze each item once, and go on.
// Every step is recorded in the store before the next starts, so a process killed at any moment resumes where it was.
import { toFactsiftError } from '../errors.js'
import type { Limits } from '../ingest/limits.js'
import type { Store } from '../store/types.js'
import type { Report } from '../report/types.js'
import type { FeedItemRecord, FeedRecord, NewFeedItem, PollCounts, PollRecord } from '../store/feed-repository.js'
import { HostGate } from '../feeds/host-gate.js'
import { RobotsCache } from '../feeds/robots.js'
import { fetchFeed } from '../feeds/fetch-feed.js'
import { backoffMs } from '../feeds/interval.js'
import { contentHash, itemId, itemKey } from '../feeds/item-key.js'
import { DEFAULT_FEED_LIMITS, type FeedLimits, type ParsedFeed } from '../feeds/types.js'
import { articleInput } from './article-input.js'
import type { AnalysisBackend } from './backends.js'
import { deadLocalOwners, ownerId } from './owner.js'

export interface WatchEvents {
  polled?(feed: FeedRecord, result: { counts: PollCounts; changed: boolean } | { error: { code: string; message: string } }): void
  /** `recovered`: the report was already stored (a crash between saving it and marking the item): not analyzed again. */
  analyzed?(item: FeedItemRecord, outcome: { score: number | null; label: string } | { recovered: true }): void
  failed?(item: FeedItemRecord, error: { code: string; message: string }, retryAt: number | null): void
  /**
   * Phase 2 seam: called once per item after its report is stored and the item marked analyzed (claims extraction,
   * clustering and alerts go here, each idempotent by report id: a crash before it finishes calls it again on restart).
   * `report`: the stored report when the backend had it in hand (else read it from the store).
   */
  afterReport?(item: FeedItemRecord, reportId: string, report?: Report): Promise<void>
}

export interface WatcherOptions {
  store: Store
  backend: AnalysisBackend
  limits: Limits
  feedLimits?: Partial<FeedLimits>
  /** Least time between two requests to one host (default 1000 ms). */
  hostIntervalMs?: number
  /** Attempts before an item with transient errors is given up ('failed'); default 4. */
  maxAttempts?: number
  events?: WatchEvents
  now?: () => number
}

export interface RoundSummary {
  feedsPolled: number
  feedErrors: number
  newItems: number
  analyzed: number
  recovered: number
  failed: number
}

/** Errors worth retrying later: the network, the site, the store; an article that cannot be read is not retried. */
const TRANSIENT = new Set(['E_FETCH_FAILED', 'E_FETCH_TIMEOUT', 'E_FEED_THROTTLED', 'E_STORE', 'E_SERVICE_UNAVAILABLE', 'E_INTERNAL'])
const FEED_LEASE_MS = 5 * 60_000
const ITEM_LEASE_MS = 10 * 60_000

export function createWatcher(options: WatcherOptions) {
  const { store, backend } = options
  const now = options.now ?? Date.now
  const owner = ownerId()
  const feedLimits = { ...DEFAULT_FEED_LIMITS, ...options.feedLimits }
  const gate = new HostGate({ minIntervalMs: options.hostIntervalMs ?? 1000, now })
  const http = { timeoutMs: options.limits.fetchTimeoutMs, maxRedirects: options.limits.maxRedirects, allowPrivateNetwork: options.limits.allowPrivateNetwork }
  const robots = new RobotsCache({ gate, http, now })
  const maxAttempts = options.maxAttempts ?? 4
  const events = options.events ?? {}
  const feedUrls = new Map<string, string>()

  /** Releases what this host's dead processes held (a kill -9): their items are analyzed again from the start. */
  async function recover(): Promise<number> {
    const dead = deadLocalOwners(await store.feeds.claimOwners(), owner)
    return dead.length > 0 ? store.feeds.releaseClaims(dead) : 0
  }

  async function pollOne(feed: FeedRecord, summary: RoundSummary): Promise<void> {
    feedUrls.set(feed.id, feed.url)
    let record: PollRecord
    let changed = false
    try {
      const result = await fetchFeed(feed.url, { etag: feed.etag, lastModified: feed.lastModified, fingerprint: feed.fingerprint }, { limits: options.limits, feedLimits, gate, robots, now })
      const nextPollAt = now() + feed.intervalMs
      changed = result.changed
      record = result.changed
        ? {
            ok: true,
            changed: true,
            ...result.validators,
            title: result.feed.title,
            siteUrl: result.feed.siteUrl,
            format: result.feed.format,
            warning: result.feed.warnings[0] ? { code: result.feed.warnings[0].code, message: result.feed.warnings.map((w) => w.message).join('; ') } : null,
            items: toNewItems(feed, result.feed),
            nextPollAt,
          }
        : { ok: true, changed: false, ...result.validators, nextPollAt }
    } catch (error) {
      const failure = toFactsiftError(error)
      const retryAfter = typeof failure.details?.['retryAfterMs'] === 'number' ? (failure.details['retryAfterMs'] as number) : null
      record = { ok: false, error: { code: failure.code, message: failure.message }, nextPollAt: now() + backoffMs(feed.intervalMs, feed.failures + 1, retryAfter) }
    }
    const counts = await store.feeds.recordPoll(feed.id, owner, record, now())
    summary.feedsPolled++
    if (record.ok) {
      summary.newItems += counts.inserted
      events.polled?.(feed, { counts, changed })
    } else {
      summary.feedErrors++
      events.polled?.(feed, { error: record.error })
    }
  }

  async function processItem(item: FeedItemRecord, summary: RoundSummary): Promise<void> {
    // A report under the item's id means the analysis finished before a crash: mark it, do not analyze again.
    if (await store.reports.has(item.id)) {
      if (await store.feeds.completeItem(item.id, item.id, now())) {
        summary.recovered++
        events.analyzed?.(item, { recovered: true })
        await events.afterReport?.(item, item.id)
      }
      return
    }
    let error: { code: string; message: string }
    try {
      const feedUrl = item.feedId ? (feedUrls.get(item.feedId) ?? (await store.feeds.get(item.feedId))?.url ?? null) : null
      const input = await articleInput(item, { limits: options.limits, gate, robots, feedUrl, now })
      const outcome = await backend.analyze({ id: item.id, input, where: item.url ?? item.id })
      if (outcome.ok) {
        await store.feeds.completeItem(item.id, item.id, now())
        summary.analyzed++
        events.analyzed?.(item, { score: outcome.score, label: outcome.label })
        await events.afterReport?.(item, item.id, outcome.report)
        return
      }
      error = outcome.error
    } catch (thrown) {
      const failure = toFactsiftError(thrown)
      error = { code: failure.code, message: failure.message }
    }
    const retry = TRANSIENT.has(error.code) && item.attempts < maxAttempts
    const retryAt = retry ? now() + Math.min(6 * 3_600_000, 60_000 * 2 ** (item.attempts - 1)) : null
    await store.feeds.failItem(item.id, error, retryAt, now())
    summary.failed++
    events.failed?.(item, error, retryAt)
  }

  /**
   * Analyzes claimed items until none is due and `polling` is over, keeping `itemsInFlight` in flight: items
   * of the feeds polled first are analyzed while the others are still being polled (`arrived` wakes it).
   */
  async function drain(summary: RoundSummary, stopping: () => boolean, polling: () => boolean = () => false, arrived?: Signal): Promise<void> {
    const width = backend.inFlight ?? itemsInFlight(backend.concurrency)
    const inFlight = new Set<Promise<void>>()
    while (!stopping()) {
      const wait = arrived?.next()
      const items = await store.feeds.claimItems(owner, now(), ITEM_LEASE_MS, Math.max(1, width - inFlight.size))
      if (items.length === 0) {
        if (!polling() || !wait) break
        await Promise.race([wait, ...inFlight])
        continue
      }
      for (const item of items) {
        const task: Promise<void> = processItem(item, summary).finally(() => inFlight.delete(task))
        inFlight.add(task)
      }
      if (inFlight.size >= width) await Promise.race(inFlight)
    }
    await Promise.all(inFlight)
  }

  /** One round: poll every due feed (hosts in parallel, one request at a time per host), analyzing what is new as it comes. */
  async function round(stopping: () => boolean = () => false): Promise<RoundSummary> {
    const summary: RoundSummary = { feedsPolled: 0, feedErrors: 0, newItems: 0, analyzed: 0, recovered: 0, failed: 0 }
    const due = await store.feeds.claimDueFeeds(owner, now(), FEED_LEASE_MS, 500)
    const arrived = signal()
    let polling = true
    const polls = Promise.all(due.map((feed) => pollOne(feed, summary).finally(() => arrived.notify()))).finally(() => {
      polling = false
      arrived.notify()
    })
    // Both run to their end before an error of either is thrown: no drain goes on behind a failed round.
    const settled = await Promise.allSettled([polls, drain(summary, stopping, () => polling, arrived)])
    for (const s of settled) if (s.status === 'rejected') throw s.reason
    return summary
  }

  return {
    owner,
    recover,
    round,
    /**
     * One feed's turn, for a BullMQ poll job (`src/watch/poll-worker.ts`): polls the feed when this process can claim it
     * (enabled, due, no live claim: one poll per feed at a time across processes), then analyzes the items that are due
     * (any feed's: retries, items of a dead worker). `polled` is false when the feed was not claimable.
     */
    async pollFeed(feedId: string, stopping: () => boolean = () => false): Promise<RoundSummary & { polled: boolean }> {
      const summary: RoundSummary = { feedsPolled: 0, feedErrors: 0, newItems: 0, analyzed: 0, recovered: 0, failed: 0 }
      const feed = await store.feeds.claimFeed(feedId, owner, now(), FEED_LEASE_MS)
      if (feed) await pollOne(feed, summary)
      await drain(summary, stopping)
      return { ...summary, polled: feed !== null }
    },
    /**
     * Rounds until `signal` aborts: after each, sleeps until the next feed is due (at most `idleMs`, so items whose
     * retry time came are picked up), or returns after one round with `once`.
     */
    async run(runOptions: { once?: boolean; signal?: AbortSignal; idleMs?: number; onRound?: (s: RoundSummary) => void } = {}): Promise<RoundSummary> {
      const total: RoundSummary = { feedsPolled: 0, feedErrors: 0, newItems: 0, analyzed: 0, recovered: 0, failed: 0 }
      const stopping = () => runOptions.signal?.aborted === true
      await recover()
      for (;;) {
        const summary = await round(stopping)
        for (const key of Object.keys(total) as (keyof RoundSummary)[]) total[key] += summary[key]
        runOptions.onRound?.(summary)
        if (runOptions.once || stopping()) return total
        const next = await store.feeds.nextDueAt()
        const wait = Math.max(200, Math.min(runOptions.idleMs ?? 15_000, next === null ? Infinity : next - now()))
        await sleep(wait, runOptions.signal)
        if (stopping()) return total
      }
    },
  }
}

/**
 * Items one watcher keeps in flight: two per backend slot (the pool keeps each thread's next item queued beside the
 * one it analyzes) plus four for the stages on this thread (page fetch, storing, claims). With two per slot only, the
 * claims step of finished items held slots: bench:monitor --threads 2 measured 2.1 jobs in the backend on average,
 * one per thread, so a thread waited for this thread between items.
 */
export function itemsInFlight(concurrency: number): number {
  return concurrency * 2 + 4
}

function toNewItems(feed: FeedRecord, parsed: ParsedFeed): NewFeedItem[] {
  const outlet = feed.name ?? parsed.title ?? null
  const seen = new Set<string>()
  const items: NewFeedItem[] = []
  for (const item of parsed.items) {
    let key: string
    try {
      key = itemKey(feed.id, item)
    } catch {
      continue // a URL the canonicalizer refuses
    }
    const id = itemId(key)
    if (seen.has(id)) continue
    seen.add(id)
    items.push({ id, ...item, contentHash: contentHash(item), outlet })
  }
  return items
}

interface Signal {
  /** Resolves at the next notify() after this call. */
  next(): Promise<void>
  notify(): void
}

function signal(): Signal {
  let resolve: () => void = () => {}
  let pending: Promise<void> | null = null
  return {
    next: () => (pending ??= new Promise<void>((r) => (resolve = r))),
    notify() {
      pending = null
      resolve()
    },
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })
}

export type Watcher = ReturnType<typeof createWatcher>
