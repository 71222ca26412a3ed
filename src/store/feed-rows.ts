// Feed and feed-item rows shared by the SQLite and PostgreSQL feed repositories: columns and row → record.
import type { FeedFormatName, FeedItemRecord, FeedItemStatus, FeedRecord } from './feed-repository.js'

export const FEED_ITEM_STATUSES: readonly FeedItemStatus[] = ['new', 'analyzing', 'analyzed', 'failed', 'duplicate']

export interface FeedRow {
  id: string
  url: string
  name: string | null
  interval_ms: number | string
  enabled: number | boolean
  created_at: number | string
  title: string | null
  site_url: string | null
  format: string | null
  etag: string | null
  last_modified: string | null
  fingerprint: string | null
  last_polled_at: number | string | null
  last_ok_at: number | string | null
  next_poll_at: number | string
  failures: number
  error_code: string | null
  error_message: string | null
  warning_code: string | null
  warning_message: string | null
  item_count?: number | string
}

/** The feed_items columns a FeedItemRow reads, for SELECT and RETURNING lists. */
export const FEED_ITEM_COLUMNS = `id, feed_id, guid, url, title, content, content_is_html, author, published_at, content_hash, outlet, status,
  attempts, next_attempt_at, claim_owner, claim_until, error_code, error_message, report_id, duplicate_of, first_seen_at,
  last_seen_at, analyzed_at`

/** How many items each status holds. */
export const ITEM_COUNTS_SQL = 'SELECT status, count(*) AS n FROM feed_items GROUP BY status'

/** ITEM_COUNTS_SQL's rows as a count for every status (0 where none). */
export function itemCounts(rows: { status: FeedItemStatus; n: number | string }[]): Record<FeedItemStatus, number> {
  const out = Object.fromEntries(FEED_ITEM_STATUSES.map((s) => [s, 0])) as Record<FeedItemStatus, number>
  for (const row of rows) out[row.status] = Number(row.n)
  return out
}

export interface FeedItemRow {
  id: string
  feed_id: string | null
  guid: string | null
  url: string | null
  title: string | null
  content: string | null
  content_is_html: number | boolean
  author: string | null
  published_at: string | null
  content_hash: string | null
  outlet: string | null
  status: string
  attempts: number
  next_attempt_at: number | string
  claim_owner: string | null
  claim_until: number | string | null
  error_code: string | null
  error_message: string | null
  report_id: string | null
  duplicate_of: string | null
  first_seen_at: number | string
  last_seen_at: number | string
  analyzed_at: number | string | null
}

const num = (v: number | string): number => Number(v)
const numOrNull = (v: number | string | null): number | null => (v === null ? null : Number(v))

export function fromFeedRow(row: FeedRow): FeedRecord {
  return {
    id: row.id,
    url: row.url,
    name: row.name,
    intervalMs: num(row.interval_ms),
    enabled: Boolean(row.enabled),
    createdAt: num(row.created_at),
    title: row.title,
    siteUrl: row.site_url,
    format: row.format as FeedFormatName | null,
    etag: row.etag,
    lastModified: row.last_modified,
    fingerprint: row.fingerprint,
    lastPolledAt: numOrNull(row.last_polled_at),
    lastOkAt: numOrNull(row.last_ok_at),
    nextPollAt: num(row.next_poll_at),
    failures: row.failures,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    warningCode: row.warning_code,
    warningMessage: row.warning_message,
    ...(row.item_count !== undefined ? { itemCount: num(row.item_count) } : {}),
  }
}

export function fromFeedItemRow(row: FeedItemRow): FeedItemRecord {
  return {
    id: row.id,
    feedId: row.feed_id,
    guid: row.guid,
    url: row.url,
    title: row.title,
    content: row.content,
    contentIsHtml: Boolean(row.content_is_html),
    author: row.author,
    publishedAt: row.published_at,
    contentHash: row.content_hash,
    outlet: row.outlet,
    status: row.status as FeedItemStatus,
    attempts: row.attempts,
    nextAttemptAt: num(row.next_attempt_at),
    claimOwner: row.claim_owner,
    claimUntil: numOrNull(row.claim_until),
    errorCode: row.error_code,
    errorMessage: row.error_message,
    reportId: row.report_id,
    duplicateOf: row.duplicate_of,
    firstSeenAt: num(row.first_seen_at),
    lastSeenAt: num(row.last_seen_at),
    analyzedAt: numOrNull(row.analyzed_at),
  }
}

/** A feed id from its URL is computed by the caller (src/feeds/item-key.ts); the store only checks the shape. */
export const FEED_ID = /^fd-[0-9a-f]{12}$/
