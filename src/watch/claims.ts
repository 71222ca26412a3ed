// Phase 2 of the watcher: each stored report's claims go to the claim store (clustered with what other articles said),
// the cluster changes raise alerts, and the alerts' outbox rows are delivered to webhooks, signed with HMAC-SHA256.
import { createHmac } from 'node:crypto'
import type { Report } from '../report/types.js'
import type { Store } from '../store/types.js'
import type { FeedItemRecord } from '../store/feed-repository.js'
import type { AlertRecord, ClusterChange, ClusterPolicy, NewAlert, NewArticleClaim } from '../store/claim-repository.js'
import { chooseCluster, CLUSTER_CANDIDATES, MEMBERS_COMPARED, statsTermsOf } from './claim-similarity.js'
import { deadLocalOwners } from './owner.js'

/** Check-worthiness at which a report without `checkworthy` flags (older reports) shows a claim. */
const SHOWN_AT = 0.6
const SPREAD_LEVELS = [2, 3, 5, 10, 20, 50, 100, 200, 500, 1000]
/** Articles within the growth window at which "grows fast" fires (once per level per cluster). */
export const GROWTH_LEVELS = [3, 6, 12, 25, 50, 100, 200, 500, 1000]
export const GROWTH_WINDOW_MS = 6 * 3_600_000

/** The claims a report shows (checkworthy), as the claim store keeps them. */
export function claimsOfReport(report: Report, item: Pick<FeedItemRecord, 'url' | 'title' | 'outlet' | 'publishedAt' | 'firstSeenAt'> | null, seenAt: number): NewArticleClaim[] {
  const out: NewArticleClaim[] = []
  report.claims.forEach((claim, index) => {
    const shown = claim.checkworthy ?? claim.checkworthiness >= SHOWN_AT
    if (!shown || claim.opinion) return
    const stance = { agree: 0, disagree: 0, discuss: 0 }
    for (const e of claim.evidence ?? []) if (e.stance !== 'unrelated') stance[e.stance]++
    out.push({
      claimIndex: index,
      text: claim.text,
      sentence: claim.sentence ?? null,
      start: claim.start,
      end: claim.end,
      articleUrl: report.document.url ?? item?.url ?? null,
      articleTitle: report.document.title ?? item?.title ?? null,
      outlet: report.document.outlet ?? item?.outlet ?? null,
      speaker: claim.attribution?.source ?? null,
      publishedAt: report.document.publishedAt ?? item?.publishedAt ?? null,
      seenAt: item?.firstSeenAt ?? seenAt,
      checkworthiness: claim.checkworthiness,
      verdict: claim.verdict ?? null,
      factchecks: (claim.matches ?? []).map((m) => ({ url: m.url, rating: m.rating, ratingNormalized: m.ratingNormalized ?? null, factChecker: m.factChecker, claim: m.claim })),
      stance,
    })
  })
  return out
}

/** The alert rules: a new article repeats a claim rated false; contradicted coverage spreads; a cluster grows fast. */
export function alertsFor(change: ClusterChange): NewAlert[] {
  const { after, before, claim, newArticle, recentArticles } = change
  if (!newArticle) return []
  const alerts: NewAlert[] = []
  const where = claim.outlet ? ` (${claim.outlet})` : ''
  if (after.knownFalse) {
    const checker = after.factchecks.find((f) => f.ratingNormalized === 'false' || f.ratingNormalized === 'mostly-false') ?? after.factchecks[0]
    alerts.push({
      kind: 'known-false-repeat',
      idempotencyKey: `known-false-repeat:${after.id}:${claim.reportId}`,
      message: `A new article${where} repeats a claim rated false${checker ? ` by ${checker.factChecker}` : ''}: "${after.representative}"`,
    })
  }
  const outletsBefore = before?.outletCount ?? 0
  if (after.contradicted && !after.knownFalse && after.outletCount > outletsBefore && SPREAD_LEVELS.includes(after.outletCount)) {
    alerts.push({
      kind: 'contradicted-spread',
      idempotencyKey: `contradicted-spread:${after.id}:${after.outletCount}`,
      message: `A claim contradicted by reference coverage is now told by ${after.outletCount} outlets: "${after.representative}"`,
    })
  }
  if (GROWTH_LEVELS.includes(recentArticles)) {
    alerts.push({
      kind: 'fast-growth',
      idempotencyKey: `fast-growth:${after.id}:${recentArticles}`,
      message: `${recentArticles} articles within ${GROWTH_WINDOW_MS / 3_600_000} h repeat: "${after.representative}"`,
    })
  }
  return alerts
}

/** `threshold`: the calibrated P(same claim) at which a claim joins a cluster; default the claim-similarity model's. */
export function clusterPolicy(threshold?: number): ClusterPolicy {
  return {
    choose: (text, candidates, stats) => chooseCluster(text, candidates, threshold, undefined, undefined, stats),
    statsTerms: statsTermsOf,
    alerts: alertsFor,
    growthWindowMs: GROWTH_WINDOW_MS,
    // alertsFor reads the count only up to the last growth level.
    recentArticlesCap: GROWTH_LEVELS.at(-1)! + 1,
    candidates: CLUSTER_CANDIDATES,
    members: MEMBERS_COMPARED,
  }
}

export interface ClaimTrackerOptions {
  store: Store
  webhooks: readonly string[]
  now?: () => number
  policy?: ClusterPolicy
}

/** `WatchEvents.afterReport`: idempotent by report id (the claim store records each report once). */
export function createClaimTracker(options: ClaimTrackerOptions) {
  const { store } = options
  const now = options.now ?? Date.now
  const policy = options.policy ?? clusterPolicy()
  /** `stored`: the report when the caller has it (the backend that saved it), else it is read from the store. */
  async function track(item: FeedItemRecord | null, reportId: string, stored?: Report): Promise<AlertRecord[]> {
    if (await store.claims.hasReport(reportId)) return []
    const report = stored ?? (await store.reports.get(reportId))
    if (!report) return []
    const result = await store.claims.addReportClaims(reportId, claimsOfReport(report, item, now()), policy, { webhooks: options.webhooks, now: now() })
    return result.alerts
  }
  return {
    afterReport: track,
    /** Reports analyzed before a crash cut their claim step short (the newest `limit` analyzed items are checked). */
    async catchUp(limit = 2000): Promise<number> {
      let done = 0
      for (const item of await store.feeds.listItems({ status: 'analyzed', limit })) {
        if (!item.reportId || (await store.claims.hasReport(item.reportId))) continue
        await track(item, item.reportId)
        done++
      }
      return done
    },
  }
}

export interface DeliveryOptions {
  store: Store
  /** HMAC-SHA256 key (FACTSIFT_WEBHOOK_SECRET). */
  secret: string
  /** ownerId() of this process (src/watch/owner.ts). */
  owner: string
  now?: () => number
  timeoutMs?: number
  /** Attempts before a delivery is given up (default 12: about a day of back-off). */
  maxAttempts?: number
  onDelivered?(alert: AlertRecord, webhook: string): void
  onFailed?(alert: AlertRecord, webhook: string, error: string, retryAt: number | null): void
  /** A pass started by `wake()` failed (the store): the rows stay due, the next wake or flush retries them. */
  onError?(error: Error): void
}

/** `sha256=` + hex HMAC-SHA256 of the exact body bytes. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
}

/**
 * Delivers the due outbox rows: 2xx marks delivered (never sent again); anything else retries with back-off. `wake()`
 * after a report's transaction commits sends its alerts at once; a failed delivery wakes the outbox again when its
 * retry is due (rows of other processes and expired leases are picked up by the next wake or flush).
 */
export function createAlertDelivery(options: DeliveryOptions) {
  const now = options.now ?? Date.now
  const maxAttempts = options.maxAttempts ?? 12
  let running: Promise<number> | null = null
  let queued: Promise<number> | null = null
  let retryTimer: NodeJS.Timeout | null = null
  let retryTimerAt = Infinity
  let retries: number[] = []
  let closed = false
  async function deliverOnce(): Promise<number> {
    let delivered = 0
    for (;;) {
      const due = await options.store.claims.claimOutbox(options.owner, now(), 60_000, 20)
      if (due.length === 0) return delivered
      await Promise.all(
        due.map(async ({ alert, webhook, attempts }) => {
          const body = JSON.stringify(alert.payload)
          let error: string
          try {
            const response = await fetch(webhook, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                'user-agent': 'factsift-alerts',
                'x-factsift-signature': signBody(options.secret, body),
                'x-factsift-alert-id': alert.id,
                'idempotency-key': alert.idempotencyKey,
              },
              body,
              redirect: 'manual',
              signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
            })
            await response.arrayBuffer().catch(() => {})
            if (response.status >= 200 && response.status < 300) {
              await options.store.claims.completeDelivery(alert.id, webhook, now())
              delivered++
              options.onDelivered?.(alert, webhook)
              return
            }
            error = `HTTP ${response.status}`
          } catch (thrown) {
            error = (thrown as Error).message || String(thrown)
          }
          const retryAt = attempts >= maxAttempts ? null : now() + Math.min(3_600_000, 2_000 * 2 ** (attempts - 1))
          await options.store.claims.failDelivery(alert.id, webhook, error, retryAt)
          options.onFailed?.(alert, webhook, error, retryAt)
          if (retryAt !== null) scheduleRetry(retryAt)
        }),
      )
    }
  }
  /** One timer for the earliest retry this process recorded; the later ones wait in `retries`. */
  function scheduleRetry(at?: number): void {
    if (closed) return
    if (at !== undefined) retries.push(at)
    const next = retries.reduce((a, b) => Math.min(a, b), Infinity)
    if (next === Infinity || next >= retryTimerAt) return
    if (retryTimer) clearTimeout(retryTimer)
    retryTimerAt = next
    retryTimer = setTimeout(() => {
      retryTimer = null
      retryTimerAt = Infinity
      const t = now()
      retries = retries.filter((r) => r > t)
      wake()
      scheduleRetry()
    }, Math.max(0, next - now()) + 50)
    retryTimer.unref()
  }
  /** Delivers what is due; a call during a pass gets the next pass (it may have missed rows committed after its start). */
  function flush(): Promise<number> {
    if (!running) {
      running = deliverOnce().finally(() => (running = null))
      return running
    }
    queued ??= running.catch(() => 0).then(() => {
      queued = null
      return flush()
    })
    return queued
  }
  function wake(): void {
    if (!closed) flush().catch((error: Error) => options.onError?.(error))
  }
  return {
    /** Releases what this host's dead processes held (a kill -9 mid-delivery): due again at once. */
    async recover(): Promise<number> {
      const dead = deadLocalOwners(await options.store.claims.outboxOwners(), options.owner)
      return dead.length > 0 ? options.store.claims.releaseOutbox(dead) : 0
    },
    flush,
    /** Starts a pass without waiting for it (after a commit that wrote outbox rows); errors go to `onError`. */
    wake,
    /** Stops the retry timer; passes in progress finish (await `flush()` to wait for them). */
    close(): void {
      closed = true
      if (retryTimer) clearTimeout(retryTimer)
      retryTimer = null
    },
  }
}
