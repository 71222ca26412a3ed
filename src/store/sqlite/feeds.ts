// Watched feeds and their items in SQLite: two tables; every state change is one statement or one transaction.
import type Database from 'better-sqlite3'
import type { SqliteMigration } from './migrate.js'
import type { FeedItemRecord, FeedItemStatus, FeedRecord, FeedRepository, NewFeed, PollCounts, PollRecord } from '../feed-repository.js'
import { FEED_ITEM_COLUMNS, fromFeedItemRow, fromFeedRow, ITEM_COUNTS_SQL, itemCounts, type FeedItemRow, type FeedRow } from '../feed-rows.js'
import { wrap } from './store-wrap.js'

export const area = 'feeds'

export const migrations: SqliteMigration[] = [
  {
    version: 1,
    description: 'feeds (poll state) and feed_items (dedup keys, analysis state, report id)',
    up: `
      CREATE TABLE feeds (
        id TEXT PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        name TEXT,
        interval_ms INTEGER NOT NULL,
        enabled INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        title TEXT,
        site_url TEXT,
        format TEXT,
        etag TEXT,
        last_modified TEXT,
        fingerprint TEXT,
        last_polled_at INTEGER,
        last_ok_at INTEGER,
        next_poll_at INTEGER NOT NULL,
        failures INTEGER NOT NULL DEFAULT 0,
        error_code TEXT,
        error_message TEXT,
        warning_code TEXT,
        warning_message TEXT,
        poll_owner TEXT,
        poll_until INTEGER
      );
      CREATE INDEX feeds_due ON feeds (next_poll_at) WHERE enabled = 1;
      CREATE TABLE feed_items (
        id TEXT PRIMARY KEY,
        feed_id TEXT REFERENCES feeds (id) ON DELETE SET NULL,
        guid TEXT,
        url TEXT,
        title TEXT,
        content TEXT,
        content_is_html INTEGER NOT NULL DEFAULT 0,
        author TEXT,
        published_at TEXT,
        content_hash TEXT,
        outlet TEXT,
        status TEXT NOT NULL CHECK (status IN ('new', 'analyzing', 'analyzed', 'failed', 'duplicate')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL DEFAULT 0,
        claim_owner TEXT,
        claim_until INTEGER,
        error_code TEXT,
        error_message TEXT,
        report_id TEXT,
        duplicate_of TEXT,
        first_seen_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        analyzed_at INTEGER
      );
      CREATE UNIQUE INDEX feed_items_guid ON feed_items (feed_id, guid) WHERE guid IS NOT NULL;
      CREATE INDEX feed_items_hash ON feed_items (content_hash) WHERE content_hash IS NOT NULL;
      CREATE INDEX feed_items_todo ON feed_items (status, next_attempt_at) WHERE status IN ('new', 'analyzing');
      CREATE INDEX feed_items_feed ON feed_items (feed_id, first_seen_at);
      CREATE INDEX feed_items_seen ON feed_items (first_seen_at);
    `,
  },
  {
    version: 2,
    description: 'feed_items_queue: the items still to analyze in claim order',
    // Claiming read feed_items_seen from the oldest item on, past every analyzed one: each claim cost grew with the
    // items ever seen (the watcher claims a few at a time, so a run of n items read O(n²) rows).
    up: `CREATE INDEX feed_items_queue ON feed_items (first_seen_at, id) WHERE status IN ('new', 'analyzing');`,
  },
]

/** The feed repository over an open, migrated SQLite database. */
export function createRepository(db: Database.Database): FeedRepository {
  const byIdOrUrl = db.prepare('SELECT * FROM feeds WHERE id = ? OR url = ?')
  const insertFeed = db.prepare(`INSERT INTO feeds (id, url, name, interval_ms, created_at, next_poll_at)
    VALUES (@id, @url, @name, @intervalMs, @now, @now) ON CONFLICT (url) DO NOTHING`)
  const updateFeed = db.prepare('UPDATE feeds SET name = coalesce(@name, name), interval_ms = @intervalMs WHERE url = @url')
  const listFeeds = db.prepare(`SELECT f.*, (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id) AS item_count
    FROM feeds f ORDER BY f.created_at, f.id`)
  const dropPending = db.prepare("DELETE FROM feed_items WHERE feed_id = ? AND status <> 'analyzed'")
  const deleteFeed = db.prepare('DELETE FROM feeds WHERE id = ?')
  const dueFeeds = db.prepare(`SELECT id FROM feeds WHERE enabled = 1 AND next_poll_at <= @now
    AND (poll_owner IS NULL OR poll_until < @now) ORDER BY next_poll_at, id LIMIT @limit`)
  const claimFeed = db.prepare('UPDATE feeds SET poll_owner = @owner, poll_until = @until WHERE id = @id RETURNING *')
  const claimOneFeed = db.prepare(`UPDATE feeds SET poll_owner = @owner, poll_until = @until WHERE id = @id AND enabled = 1
    AND next_poll_at <= @now AND (poll_owner IS NULL OR poll_until < @now) RETURNING *`)
  const nextDue = db.prepare('SELECT min(next_poll_at) AS at FROM feeds WHERE enabled = 1')
  const itemById = db.prepare(`SELECT ${FEED_ITEM_COLUMNS} FROM feed_items WHERE id = ?`)
  const itemByGuid = db.prepare('SELECT id FROM feed_items WHERE feed_id = ? AND guid = ?')
  const itemByHash = db.prepare('SELECT id FROM feed_items WHERE content_hash = ? ORDER BY first_seen_at, id LIMIT 1')
  const touchItem = db.prepare('UPDATE feed_items SET last_seen_at = ? WHERE id = ?')
  const insertItem = db.prepare(`INSERT INTO feed_items (id, feed_id, guid, url, title, content, content_is_html, author,
      published_at, content_hash, outlet, status, duplicate_of, first_seen_at, last_seen_at)
    VALUES (@id, @feedId, @guid, @url, @title, @content, @contentIsHtml, @author, @publishedAt, @contentHash, @outlet,
      @status, @duplicateOf, @now, @now)`)
  const pollOk = db.prepare(`UPDATE feeds SET etag = @etag, last_modified = @lastModified, fingerprint = @fingerprint,
      title = coalesce(@title, title), site_url = coalesce(@siteUrl, site_url), format = coalesce(@format, format),
      warning_code = CASE WHEN @changed THEN @warningCode ELSE warning_code END,
      warning_message = CASE WHEN @changed THEN @warningMessage ELSE warning_message END,
      last_polled_at = @now, last_ok_at = @now, next_poll_at = @nextPollAt, failures = 0, error_code = NULL,
      error_message = NULL, poll_owner = NULL, poll_until = NULL
    WHERE id = @id`)
  const pollFailed = db.prepare(`UPDATE feeds SET last_polled_at = @now, next_poll_at = @nextPollAt, failures = failures + 1,
      error_code = @code, error_message = @message, poll_owner = NULL, poll_until = NULL WHERE id = @id`)
  // In claim order through feed_items_queue (only the pending rows; INDEXED BY: without statistics the planner took
  // feed_items_todo and sorted every pending row at each claim).
  const todo = db.prepare(`SELECT id FROM feed_items INDEXED BY feed_items_queue
    WHERE status IN ('new', 'analyzing') AND ((status = 'new' AND next_attempt_at <= @now) OR (status = 'analyzing' AND claim_until < @now))
    ORDER BY first_seen_at, id LIMIT @limit`)
  const claimItem = db.prepare(`UPDATE feed_items SET status = 'analyzing', claim_owner = @owner, claim_until = @until,
    attempts = attempts + 1 WHERE id = @id RETURNING ${FEED_ITEM_COLUMNS}`)
  const complete = db.prepare(`UPDATE feed_items SET status = 'analyzed', report_id = @reportId, analyzed_at = @now,
    claim_owner = NULL, claim_until = NULL, error_code = NULL, error_message = NULL WHERE id = @id AND status <> 'analyzed'`)
  const fail = db.prepare(`UPDATE feed_items SET status = @status, next_attempt_at = @retryAt, error_code = @code,
    error_message = @message, claim_owner = NULL, claim_until = NULL WHERE id = @id AND status <> 'analyzed'`)
  const owners = db.prepare(`SELECT claim_owner AS owner FROM feed_items WHERE status = 'analyzing' AND claim_owner IS NOT NULL
    UNION SELECT poll_owner FROM feeds WHERE poll_owner IS NOT NULL`)
  const releaseItems = db.prepare("UPDATE feed_items SET status = 'new', claim_owner = NULL, claim_until = NULL WHERE status = 'analyzing' AND claim_owner = ?")
  const releaseFeeds = db.prepare('UPDATE feeds SET poll_owner = NULL, poll_until = NULL WHERE poll_owner = ?')
  const counts = db.prepare(ITEM_COUNTS_SQL)

  const getFeed = (idOrUrl: string): FeedRecord | null => {
    const row = byIdOrUrl.get(idOrUrl, idOrUrl) as FeedRow | undefined
    return row ? fromFeedRow(row) : null
  }

  const record = db.transaction((feedId: string, owner: string, poll: PollRecord, now: number): PollCounts => {
    const result = { inserted: 0, seen: 0, duplicates: 0 }
    const feed = byIdOrUrl.get(feedId, feedId) as FeedRow | undefined
    if (!feed) return result // removed meanwhile
    if (!poll.ok) {
      pollFailed.run({ id: feedId, now, nextPollAt: poll.nextPollAt, code: poll.error.code, message: poll.error.message })
      return result
    }
    for (const item of poll.items ?? []) {
      const known = (itemById.get(item.id) as { id: string } | undefined) ?? (item.guid ? (itemByGuid.get(feedId, item.guid) as { id: string } | undefined) : undefined)
      if (known) {
        touchItem.run(now, known.id)
        result.seen++
        continue
      }
      const original = item.contentHash ? (itemByHash.get(item.contentHash) as { id: string } | undefined) : undefined
      insertItem.run({
        ...item,
        feedId,
        contentIsHtml: item.contentIsHtml ? 1 : 0,
        status: original ? 'duplicate' : 'new',
        duplicateOf: original?.id ?? null,
        now,
      })
      if (original) result.duplicates++
      else result.inserted++
    }
    pollOk.run({
      id: feedId,
      now,
      changed: poll.changed ? 1 : 0,
      etag: poll.etag,
      lastModified: poll.lastModified,
      fingerprint: poll.fingerprint,
      title: poll.title ?? null,
      siteUrl: poll.siteUrl ?? null,
      format: poll.format ?? null,
      warningCode: poll.warning?.code ?? null,
      warningMessage: poll.warning?.message ?? null,
      nextPollAt: poll.nextPollAt,
    })
    void owner
    return result
  })

  // Read-then-write transactions run IMMEDIATE (called as .immediate): a deferred one that read before another connection
  // (an analysis thread saving its report) committed cannot take the write lock, and fails at once with "database is
  // locked" instead of waiting out busy_timeout.
  const claimDue = db.transaction((owner: string, now: number, leaseMs: number, limit: number): FeedRecord[] =>
    (dueFeeds.all({ now, limit }) as { id: string }[]).map(({ id }) => fromFeedRow(claimFeed.get({ id, owner, until: now + leaseMs }) as FeedRow)),
  )
  const claim = db.transaction((owner: string, now: number, leaseMs: number, limit: number): FeedItemRecord[] =>
    (todo.all({ now, limit }) as { id: string }[]).map(({ id }) => fromFeedItemRow(claimItem.get({ id, owner, until: now + leaseMs }) as FeedItemRow)),
  )
  const removeFeed = db.transaction((id: string): boolean => {
    dropPending.run(id)
    return deleteFeed.run(id).changes > 0
  })
  const release = db.transaction((list: readonly string[]): number => {
    let released = 0
    for (const owner of list) {
      released += releaseItems.run(owner).changes
      releaseFeeds.run(owner)
    }
    return released
  })

  return {
    async add(feed: NewFeed, now: number) {
      return wrap(`cannot add feed ${feed.url}`, () => {
        const created = insertFeed.run({ ...feed, now }).changes > 0
        if (!created) updateFeed.run(feed)
        return { feed: getFeed(feed.url)!, created }
      })
    },
    async get(idOrUrl) {
      return getFeed(idOrUrl)
    },
    async list() {
      return (listFeeds.all() as FeedRow[]).map(fromFeedRow)
    },
    async remove(idOrUrl) {
      const feed = getFeed(idOrUrl)
      return feed ? wrap(`cannot remove feed ${idOrUrl}`, () => removeFeed(feed.id)) : false
    },
    async claimDueFeeds(owner, now, leaseMs, limit) {
      return wrap('cannot claim feeds', () => claimDue.immediate(owner, now, leaseMs, limit))
    },
    async claimFeed(id, owner, now, leaseMs) {
      return wrap(`cannot claim feed ${id}`, () => {
        const row = claimOneFeed.get({ id, owner, now, until: now + leaseMs }) as FeedRow | undefined
        return row ? fromFeedRow(row) : null
      })
    },
    async nextDueAt() {
      const at = (nextDue.get() as { at: number | null }).at
      return at === null ? null : Number(at)
    },
    async recordPoll(feedId, owner, poll, now) {
      return wrap(`cannot record the poll of feed ${feedId}`, () => record.immediate(feedId, owner, poll, now))
    },
    async claimItems(owner, now, leaseMs, limit) {
      return wrap('cannot claim feed items', () => claim.immediate(owner, now, leaseMs, limit))
    },
    async completeItem(id, reportId, now) {
      return wrap(`cannot complete item ${id}`, () => complete.run({ id, reportId, now }).changes > 0)
    },
    async failItem(id, error, retryAt, now) {
      void now
      wrap(`cannot record the failure of item ${id}`, () =>
        fail.run({ id, status: retryAt === null ? 'failed' : 'new', retryAt: retryAt ?? 0, code: error.code, message: error.message }),
      )
    },
    async claimOwners() {
      return (owners.all() as { owner: string }[]).map((r) => r.owner)
    },
    async releaseClaims(list) {
      return wrap('cannot release claims', () => release(list))
    },
    async getItem(id) {
      const row = itemById.get(id) as FeedItemRow | undefined
      return row ? fromFeedItemRow(row) : null
    },
    async listItems(query) {
      const where: string[] = []
      const params: unknown[] = []
      if (query.feedId) (where.push('feed_id = ?'), params.push(query.feedId))
      if (query.status) (where.push('status = ?'), params.push(query.status))
      const sql = `SELECT ${FEED_ITEM_COLUMNS} FROM feed_items ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY first_seen_at DESC, id LIMIT ?`
      return (db.prepare(sql).all(...params, query.limit ?? 100) as FeedItemRow[]).map(fromFeedItemRow)
    },
    async countItems() {
      return itemCounts(counts.all() as { status: FeedItemStatus; n: number }[])
    },
  }
}
