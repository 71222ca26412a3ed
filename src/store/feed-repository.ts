// Watched feeds and the items found in them: per-feed poll state (validators, schedule, back-off, last error) and
// per-item state (seen, claimed, analyzed, report id), so that a crash at any moment loses nothing and no item is
// analyzed twice. Times are epoch milliseconds.

export type FeedFormatName = 'rss2' | 'rss1' | 'atom' | 'jsonfeed' | 'sitemap'

export interface FeedRecord {
  /** 'fd-' + 12 hex of the URL: the same feed has the same id in every store. */
  id: string
  url: string
  /** The name given at `feeds add`, used as the items' outlet; else the feed's own title. */
  name: string | null
  intervalMs: number
  enabled: boolean
  createdAt: number
  title: string | null
  siteUrl: string | null
  format: FeedFormatName | null
  etag: string | null
  lastModified: string | null
  /** Hash of the last body (file:// feeds: mtime and size): an unchanged body is not parsed again. */
  fingerprint: string | null
  lastPolledAt: number | null
  lastOkAt: number | null
  nextPollAt: number
  /** Consecutive failed polls (0 after a success): the back-off doubles with each. */
  failures: number
  errorCode: string | null
  errorMessage: string | null
  warningCode: string | null
  warningMessage: string | null
  /** Items found in this feed (list() fills it). */
  itemCount?: number
}

export interface NewFeed {
  /** 'fd-' + 12 hex of the URL (src/feeds/item-key.ts feedId). */
  id: string
  url: string
  name: string | null
  intervalMs: number
}

/** An item as found in a feed, before it is stored. */
export interface NewFeedItem {
  /** 'fi-' + 24 hex of the dedup key (canonical URL, else guid within the feed). */
  id: string
  guid: string | null
  url: string | null
  title: string | null
  content: string | null
  contentIsHtml: boolean
  author: string | null
  publishedAt: string | null
  /** Hash of normalized title and text (null when the feed gives too little): a copy under another URL is a duplicate. */
  contentHash: string | null
  outlet: string | null
}

export type FeedItemStatus = 'new' | 'analyzing' | 'analyzed' | 'failed' | 'duplicate'

export interface FeedItemRecord extends NewFeedItem {
  /** Null once the feed was removed (analyzed items are kept with their reports). */
  feedId: string | null
  status: FeedItemStatus
  /** Analyses started (claims taken). */
  attempts: number
  /** A 'new' item is not claimed before this (retry back-off). */
  nextAttemptAt: number
  claimOwner: string | null
  claimUntil: number | null
  errorCode: string | null
  errorMessage: string | null
  /** The stored report (its id is the item's id); set when analyzed. */
  reportId: string | null
  /** For 'duplicate': the item with the same content hash that is analyzed instead. */
  duplicateOf: string | null
  firstSeenAt: number
  lastSeenAt: number
  analyzedAt: number | null
}

/** What a poll found: validators and feed metadata on success, or the error that stopped it. */
export type PollRecord =
  | {
      ok: true
      /** False for 304 / unchanged body: only the schedule changes. */
      changed: boolean
      etag: string | null
      lastModified: string | null
      fingerprint: string | null
      title?: string | null
      siteUrl?: string | null
      format?: FeedFormatName
      warning?: { code: string; message: string } | null
      items?: NewFeedItem[]
      nextPollAt: number
    }
  | { ok: false; error: { code: string; message: string }; nextPollAt: number }

export interface PollCounts {
  /** New items stored for analysis. */
  inserted: number
  /** Items seen before (same id, or same guid in this feed). */
  seen: number
  /** New items whose content hash matches a stored item: kept as 'duplicate', not analyzed. */
  duplicates: number
}

export interface FeedRepository {
  /** Adds a feed (due at once), or updates name and interval of the feed with that URL. */
  add(feed: NewFeed, now: number): Promise<{ feed: FeedRecord; created: boolean }>
  /** By id or URL. */
  get(idOrUrl: string): Promise<FeedRecord | null>
  /** Every feed, oldest first, with item counts. */
  list(): Promise<FeedRecord[]>
  /** Removes the feed and its items not yet analyzed; analyzed items stay (feedId null) with their reports. */
  remove(idOrUrl: string): Promise<boolean>
  /**
   * Claims up to `limit` enabled feeds due at `now` that no live claim holds (one poll per feed at a time, across
   * processes): they stay claimed by `owner` until recordPoll or `now + leaseMs`.
   */
  claimDueFeeds(owner: string, now: number, leaseMs: number, limit: number): Promise<FeedRecord[]>
  /**
   * Claims one feed as claimDueFeeds would (enabled, due at `now`, no live claim): a BullMQ poll job for this feed
   * (src/queue/poll-jobs.ts) polls only with the claim, so one poll per feed runs at a time. Null when not claimable.
   */
  claimFeed(id: string, owner: string, now: number, leaseMs: number): Promise<FeedRecord | null>
  /** When the next enabled feed is due (epoch ms), or null when there is none. */
  nextDueAt(): Promise<number | null>
  /**
   * Records one poll in one transaction: the new items (deduplicated by id, by guid within the feed, then by content
   * hash), the feed's validators, schedule, failures and error or warning, and releases the feed's claim. Validators
   * and items are written together: a crash never keeps a new ETag while losing the items it announced.
   */
  recordPoll(feedId: string, owner: string, poll: PollRecord, now: number): Promise<PollCounts>
  /**
   * Claims up to `limit` items to analyze: 'new' ones due at `now`, and 'analyzing' ones whose claim expired (their
   * worker died). Oldest first; each claim counts one attempt.
   */
  claimItems(owner: string, now: number, leaseMs: number, limit: number): Promise<FeedItemRecord[]>
  /** Marks an item analyzed with its report; false when it already was. */
  completeItem(id: string, reportId: string, now: number): Promise<boolean>
  /** Records an item's failure: back to 'new' after `retryAt` (a transient error), or 'failed' when null. */
  failItem(id: string, error: { code: string; message: string }, retryAt: number | null, now: number): Promise<void>
  /** Owners holding item or feed claims now: a local watcher releases those of dead processes on this machine. */
  claimOwners(): Promise<string[]>
  /** Releases every item and feed claim of these owners (their process is gone); returns the items released. */
  releaseClaims(owners: readonly string[]): Promise<number>
  getItem(id: string): Promise<FeedItemRecord | null>
  /** Items, newest first seen first; by feed and status when given. */
  listItems(query: { feedId?: string; status?: FeedItemStatus; limit?: number }): Promise<FeedItemRecord[]>
  /** Item counts by status. */
  countItems(): Promise<Record<FeedItemStatus, number>>
}
