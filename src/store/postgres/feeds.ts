// Watched feeds and their items in PostgreSQL: the same tables as SQLite; claims use FOR UPDATE SKIP LOCKED so that
// any number of processes share the work without taking a feed or an item twice.
import type pg from 'pg'
import type { PostgresMigration } from './migrate.js'
import type { FeedItemStatus, FeedRecord, FeedRepository, NewFeed, PollCounts, PollRecord } from '../feed-repository.js'
import { FEED_ITEM_COLUMNS, fromFeedItemRow, fromFeedRow, ITEM_COUNTS_SQL, itemCounts, type FeedItemRow, type FeedRow } from '../feed-rows.js'
import { storeQuery, storeTransaction } from './store-query.js'
import { pgText } from './upsert.js'

export const area = 'feeds'

export const migrations: PostgresMigration[] = [
  {
    version: 1,
    description: 'feeds (poll state) and feed_items (dedup keys, analysis state, report id)',
    up: `
      CREATE TABLE feeds (
        id TEXT COLLATE "C" PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        name TEXT,
        interval_ms BIGINT NOT NULL,
        enabled BOOLEAN NOT NULL DEFAULT TRUE,
        created_at BIGINT NOT NULL,
        title TEXT,
        site_url TEXT,
        format TEXT,
        etag TEXT,
        last_modified TEXT,
        fingerprint TEXT,
        last_polled_at BIGINT,
        last_ok_at BIGINT,
        next_poll_at BIGINT NOT NULL,
        failures INTEGER NOT NULL DEFAULT 0,
        error_code TEXT,
        error_message TEXT,
        warning_code TEXT,
        warning_message TEXT,
        poll_owner TEXT,
        poll_until BIGINT
      );
      CREATE INDEX feeds_due ON feeds (next_poll_at) WHERE enabled;
      CREATE TABLE feed_items (
        id TEXT COLLATE "C" PRIMARY KEY,
        feed_id TEXT REFERENCES feeds (id) ON DELETE SET NULL,
        guid TEXT,
        url TEXT,
        title TEXT,
        content TEXT,
        content_is_html BOOLEAN NOT NULL DEFAULT FALSE,
        author TEXT,
        published_at TEXT,
        content_hash TEXT,
        outlet TEXT,
        status TEXT NOT NULL CHECK (status IN ('new', 'analyzing', 'analyzed', 'failed', 'duplicate')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at BIGINT NOT NULL DEFAULT 0,
        claim_owner TEXT,
        claim_until BIGINT,
        error_code TEXT,
        error_message TEXT,
        report_id TEXT,
        duplicate_of TEXT,
        first_seen_at BIGINT NOT NULL,
        last_seen_at BIGINT NOT NULL,
        analyzed_at BIGINT
      );
      CREATE UNIQUE INDEX feed_items_guid ON feed_items (feed_id, guid) WHERE guid IS NOT NULL;
      CREATE INDEX feed_items_hash ON feed_items (content_hash) WHERE content_hash IS NOT NULL;
      CREATE INDEX feed_items_todo ON feed_items (status, next_attempt_at) WHERE status IN ('new', 'analyzing');
      CREATE INDEX feed_items_feed ON feed_items (feed_id, first_seen_at);
      CREATE INDEX feed_items_seen ON feed_items (first_seen_at);
    `,
  },
]

/** The feed repository over a migrated PostgreSQL schema. */
export function createRepository(pool: pg.Pool): FeedRepository {
  const query = storeQuery(pool)
  const transaction = storeTransaction(pool)
  const getFeed = async (idOrUrl: string): Promise<FeedRecord | null> => {
    const { rows } = await query<FeedRow>('cannot read feed', 'SELECT * FROM feeds WHERE id = $1 OR url = $1', [idOrUrl])
    return rows[0] ? fromFeedRow(rows[0]) : null
  }

  return {
    async add(feed: NewFeed, now: number) {
      const { rowCount } = await query(
        `cannot add feed ${feed.url}`,
        `INSERT INTO feeds (id, url, name, interval_ms, created_at, next_poll_at) VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (url) DO NOTHING`,
        [feed.id, feed.url, feed.name, feed.intervalMs, now],
      )
      const created = (rowCount ?? 0) > 0
      if (!created) {
        await query(`cannot update feed ${feed.url}`, 'UPDATE feeds SET name = coalesce($2, name), interval_ms = $3 WHERE url = $1', [feed.url, feed.name, feed.intervalMs])
      }
      return { feed: (await getFeed(feed.url))!, created }
    },

    get: getFeed,

    async list() {
      const { rows } = await query<FeedRow>(
        'cannot list feeds',
        `SELECT f.*, (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id) AS item_count FROM feeds f ORDER BY f.created_at, f.id`,
      )
      return rows.map(fromFeedRow)
    },

    async remove(idOrUrl) {
      const feed = await getFeed(idOrUrl)
      if (!feed) return false
      return transaction(`cannot remove feed ${idOrUrl}`, async (client) => {
        await client.query("DELETE FROM feed_items WHERE feed_id = $1 AND status <> 'analyzed'", [feed.id])
        return ((await client.query('DELETE FROM feeds WHERE id = $1', [feed.id])).rowCount ?? 0) > 0
      })
    },

    async claimDueFeeds(owner, now, leaseMs, limit) {
      const { rows } = await query<FeedRow>(
        'cannot claim feeds',
        `UPDATE feeds SET poll_owner = $1, poll_until = $3 WHERE id IN (
           SELECT id FROM feeds WHERE enabled AND next_poll_at <= $2 AND (poll_owner IS NULL OR poll_until < $2)
           ORDER BY next_poll_at, id LIMIT $4 FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [owner, now, now + leaseMs, limit],
      )
      return rows.map(fromFeedRow).sort((a, b) => a.nextPollAt - b.nextPollAt || (a.id < b.id ? -1 : 1))
    },

    async claimFeed(id, owner, now, leaseMs) {
      // One statement: the row lock makes a second claimer re-check the condition after the first commits.
      const { rows } = await query<FeedRow>(
        `cannot claim feed ${id}`,
        `UPDATE feeds SET poll_owner = $2, poll_until = $4 WHERE id = $1 AND enabled AND next_poll_at <= $3
           AND (poll_owner IS NULL OR poll_until < $3) RETURNING *`,
        [id, owner, now, now + leaseMs],
      )
      return rows[0] ? fromFeedRow(rows[0]) : null
    },
    async nextDueAt() {
      const { rows } = await query<{ at: string | null }>('cannot read the schedule', 'SELECT min(next_poll_at) AS at FROM feeds WHERE enabled')
      return rows[0]?.at == null ? null : Number(rows[0].at)
    },

    async recordPoll(feedId, owner, poll: PollRecord, now): Promise<PollCounts> {
      void owner
      return transaction(`cannot record the poll of feed ${feedId}`, async (client) => {
        const result = { inserted: 0, seen: 0, duplicates: 0 }
        // Locks the feed row: two polls of one feed (a claim that expired) record one after the other.
        const { rows } = await client.query('SELECT id FROM feeds WHERE id = $1 FOR UPDATE', [feedId])
        if (rows.length === 0) return result
        if (!poll.ok) {
          await client.query(
            `UPDATE feeds SET last_polled_at = $2, next_poll_at = $3, failures = failures + 1, error_code = $4, error_message = $5,
               poll_owner = NULL, poll_until = NULL WHERE id = $1`,
            [feedId, now, poll.nextPollAt, poll.error.code, pgText(poll.error.message)],
          )
          return result
        }
        for (const item of poll.items ?? []) {
          const known = await client.query<{ id: string }>(
            'SELECT id FROM feed_items WHERE id = $1 OR (feed_id = $2 AND guid = $3) LIMIT 1',
            [item.id, feedId, item.guid],
          )
          if (known.rows[0]) {
            await client.query('UPDATE feed_items SET last_seen_at = $2 WHERE id = $1', [known.rows[0].id, now])
            result.seen++
            continue
          }
          const original = item.contentHash
            ? (await client.query<{ id: string }>('SELECT id FROM feed_items WHERE content_hash = $1 ORDER BY first_seen_at, id LIMIT 1', [item.contentHash])).rows[0]
            : undefined
          // Another process may insert the same URL from another feed meanwhile: DO NOTHING keeps its row.
          const inserted = await client.query(
            `INSERT INTO feed_items (id, feed_id, guid, url, title, content, content_is_html, author, published_at, content_hash,
               outlet, status, duplicate_of, first_seen_at, last_seen_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) ON CONFLICT DO NOTHING`,
            [
              item.id, feedId, nullable(item.guid), nullable(item.url), nullable(item.title), nullable(item.content), item.contentIsHtml,
              nullable(item.author), item.publishedAt, item.contentHash, nullable(item.outlet), original ? 'duplicate' : 'new',
              original?.id ?? null, now,
            ],
          )
          if ((inserted.rowCount ?? 0) === 0) result.seen++
          else if (original) result.duplicates++
          else result.inserted++
        }
        await client.query(
          `UPDATE feeds SET etag = $2, last_modified = $3, fingerprint = $4, title = coalesce($5, title),
             site_url = coalesce($6, site_url), format = coalesce($7, format),
             warning_code = CASE WHEN $8 THEN $9 ELSE warning_code END,
             warning_message = CASE WHEN $8 THEN $10 ELSE warning_message END,
             last_polled_at = $11, last_ok_at = $11, next_poll_at = $12, failures = 0, error_code = NULL, error_message = NULL,
             poll_owner = NULL, poll_until = NULL
           WHERE id = $1`,
          [
            feedId, poll.etag, poll.lastModified, poll.fingerprint, nullable(poll.title ?? null), poll.siteUrl ?? null, poll.format ?? null,
            poll.changed, poll.warning?.code ?? null, nullable(poll.warning?.message ?? null), now, poll.nextPollAt,
          ],
        )
        return result
      })
    },

    async claimItems(owner, now, leaseMs, limit) {
      const { rows } = await query<FeedItemRow>(
        'cannot claim feed items',
        `UPDATE feed_items SET status = 'analyzing', claim_owner = $1, claim_until = $3, attempts = attempts + 1 WHERE id IN (
           SELECT id FROM feed_items WHERE (status = 'new' AND next_attempt_at <= $2) OR (status = 'analyzing' AND claim_until < $2)
           ORDER BY first_seen_at, id LIMIT $4 FOR UPDATE SKIP LOCKED)
         RETURNING ${FEED_ITEM_COLUMNS}`,
        [owner, now, now + leaseMs, limit],
      )
      return rows.map(fromFeedItemRow).sort((a, b) => a.firstSeenAt - b.firstSeenAt || (a.id < b.id ? -1 : 1))
    },

    async completeItem(id, reportId, now) {
      const { rowCount } = await query(
        `cannot complete item ${id}`,
        `UPDATE feed_items SET status = 'analyzed', report_id = $2, analyzed_at = $3, claim_owner = NULL, claim_until = NULL,
           error_code = NULL, error_message = NULL WHERE id = $1 AND status <> 'analyzed'`,
        [id, reportId, now],
      )
      return (rowCount ?? 0) > 0
    },

    async failItem(id, error, retryAt, now) {
      void now
      await query(
        `cannot record the failure of item ${id}`,
        `UPDATE feed_items SET status = $2, next_attempt_at = $3, error_code = $4, error_message = $5, claim_owner = NULL,
           claim_until = NULL WHERE id = $1 AND status <> 'analyzed'`,
        [id, retryAt === null ? 'failed' : 'new', retryAt ?? 0, error.code, pgText(error.message)],
      )
    },

    async claimOwners() {
      const { rows } = await query<{ owner: string }>(
        'cannot read claims',
        `SELECT claim_owner AS owner FROM feed_items WHERE status = 'analyzing' AND claim_owner IS NOT NULL
         UNION SELECT poll_owner FROM feeds WHERE poll_owner IS NOT NULL`,
      )
      return rows.map((r) => r.owner)
    },

    async releaseClaims(list) {
      if (list.length === 0) return 0
      return transaction('cannot release claims', async (client) => {
        const items = await client.query(
          "UPDATE feed_items SET status = 'new', claim_owner = NULL, claim_until = NULL WHERE status = 'analyzing' AND claim_owner = ANY($1)",
          [list],
        )
        await client.query('UPDATE feeds SET poll_owner = NULL, poll_until = NULL WHERE poll_owner = ANY($1)', [list])
        return items.rowCount ?? 0
      })
    },

    async getItem(id) {
      const { rows } = await query<FeedItemRow>('cannot read item', `SELECT ${FEED_ITEM_COLUMNS} FROM feed_items WHERE id = $1`, [id])
      return rows[0] ? fromFeedItemRow(rows[0]) : null
    },

    async listItems(q) {
      const where: string[] = []
      const params: unknown[] = []
      if (q.feedId) (params.push(q.feedId), where.push(`feed_id = $${params.length}`))
      if (q.status) (params.push(q.status), where.push(`status = $${params.length}`))
      params.push(q.limit ?? 100)
      const { rows } = await query<FeedItemRow>(
        'cannot list items',
        `SELECT ${FEED_ITEM_COLUMNS} FROM feed_items ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY first_seen_at DESC, id LIMIT $${params.length}`,
        params,
      )
      return rows.map(fromFeedItemRow)
    },

    async countItems() {
      const { rows } = await query<{ status: FeedItemStatus; n: string }>('cannot count items', ITEM_COUNTS_SQL)
      return itemCounts(rows)
    },
  }
}

/** PostgreSQL text refuses U+0000; feeds are outside text, so it is removed. */
function nullable(value: string | null): string | null {
  return value === null ? null : pgText(value)
}
