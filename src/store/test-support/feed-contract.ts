// The feed repository's share of the store contract: registered by storeContract for both backends.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Store } from '../types.js'
import type { NewFeedItem, PollRecord } from '../feed-repository.js'
import type { ContractOptions } from './store-contract.js'

const T0 = 1_700_000_000_000
const MIN = 60_000

export function feedContract(name: string, options: ContractOptions): void {
  const it = (title: string, body: (store: Store) => Promise<void>) =>
    test(`${name}: feeds: ${title}`, { skip: options.skip ?? false }, async () => {
      const store = await options.open()
      try {
        await body(store)
      } finally {
        await store.close()
      }
    })

  it('add, get by id or URL, list with counts, add again updates, remove', async ({ feeds }) => {
    const { feed, created } = await feeds.add({ id: 'fd-000000000001', url: 'https://a.example/feed.xml', name: 'A', intervalMs: 15 * MIN }, T0)
    assert.equal(created, true)
    assert.equal(feed.nextPollAt, T0, 'a new feed is due at once')
    assert.equal(feed.failures, 0)
    assert.equal(feed.enabled, true)
    assert.deepEqual(await feeds.get('https://a.example/feed.xml'), feed)
    assert.deepEqual(await feeds.get('fd-000000000001'), feed)
    const again = await feeds.add({ id: 'fd-000000000001', url: 'https://a.example/feed.xml', name: null, intervalMs: 5 * MIN }, T0 + 1)
    assert.equal(again.created, false)
    assert.equal(again.feed.name, 'A', 'no name given keeps the name')
    assert.equal(again.feed.intervalMs, 5 * MIN)
    await feeds.add({ id: 'fd-000000000002', url: 'file:///srv/b.rss', name: null, intervalMs: MIN }, T0 + 2)
    const list = await feeds.list()
    assert.deepEqual(list.map((f) => [f.id, f.itemCount]), [['fd-000000000001', 0], ['fd-000000000002', 0]])
    assert.equal(await feeds.remove('file:///srv/b.rss'), true)
    assert.equal(await feeds.remove('fd-000000000002'), false)
    assert.equal(await feeds.get('nope'), null)
  })

  it('due feeds are claimed once until recorded or the lease ends; the poll sets the schedule and validators', async ({ feeds }) => {
    await feeds.add({ id: 'fd-00000000000a', url: 'https://a.example/f', name: null, intervalMs: MIN }, T0)
    await feeds.add({ id: 'fd-00000000000b', url: 'https://b.example/f', name: null, intervalMs: MIN }, T0 + 10)
    assert.deepEqual((await feeds.claimDueFeeds('w1', T0 + 5, MIN, 10)).map((f) => f.id), ['fd-00000000000a'])
    assert.deepEqual((await feeds.claimDueFeeds('w2', T0 + 20, MIN, 10)).map((f) => f.id), ['fd-00000000000b'], 'a held feed is not claimed again')
    assert.deepEqual(await feeds.claimOwners().then((o) => o.sort()), ['w1', 'w2'])
    const counts = await feeds.recordPoll('fd-00000000000a', 'w1', ok([], { etag: '"v1"', lastModified: 'Mon, 12 May 2025 08:00:00 GMT', nextPollAt: T0 + 60 * MIN }), T0 + 30)
    assert.deepEqual(counts, { inserted: 0, seen: 0, duplicates: 0 })
    const a = (await feeds.get('fd-00000000000a'))!
    assert.equal(a.etag, '"v1"')
    assert.equal(a.lastModified, 'Mon, 12 May 2025 08:00:00 GMT')
    assert.equal(a.nextPollAt, T0 + 60 * MIN)
    assert.equal(a.lastOkAt, T0 + 30)
    assert.equal(a.title, 'Feed title')
    assert.equal(a.format, 'rss2')
    assert.equal(await feeds.nextDueAt(), T0 + 10)
    // The lease of w2 runs out: another owner takes the feed over.
    assert.deepEqual((await feeds.claimDueFeeds('w3', T0 + 10 + MIN + 21, MIN, 10)).map((f) => f.id), ['fd-00000000000b'])
  })

  it('one feed is claimed by id only when enabled, due and not held; recordPoll releases it', async ({ feeds }) => {
    await feeds.add({ id: 'fd-00000000001a', url: 'https://one.example/f', name: null, intervalMs: MIN }, T0)
    assert.equal(await feeds.claimFeed('fd-00000000001a', 'w1', T0 - 1, MIN), null, 'not due yet')
    assert.equal((await feeds.claimFeed('fd-00000000001a', 'w1', T0 + 1, MIN))?.id, 'fd-00000000001a')
    assert.equal(await feeds.claimFeed('fd-00000000001a', 'w2', T0 + 2, MIN), null, 'held by w1')
    assert.equal(await feeds.claimFeed('fd-unknown', 'w2', T0 + 2, MIN), null)
    await feeds.recordPoll('fd-00000000001a', 'w1', ok([], { nextPollAt: T0 + 10 * MIN }), T0 + 3)
    assert.equal(await feeds.claimFeed('fd-00000000001a', 'w2', T0 + 4, MIN), null, 'polled: due again in 10 min')
    assert.equal((await feeds.claimFeed('fd-00000000001a', 'w2', T0 + 10 * MIN, MIN))?.id, 'fd-00000000001a')
    assert.equal((await feeds.claimFeed('fd-00000000001a', 'w3', T0 + 11 * MIN + 1, MIN))?.id, 'fd-00000000001a', 'the lease of w2 ran out')
  })

  it('a failed poll counts failures and keeps the error code; a success clears it; an unchanged poll keeps the warning', async ({ feeds }) => {
    await feeds.add({ id: 'fd-00000000000c', url: 'https://c.example/f', name: null, intervalMs: MIN }, T0)
    const fail = (at: number): PollRecord => ({ ok: false, error: { code: 'E_FEED_DTD', message: 'DOCTYPE refused' }, nextPollAt: at })
    await feeds.recordPoll('fd-00000000000c', 'w', fail(T0 + MIN), T0)
    await feeds.recordPoll('fd-00000000000c', 'w', fail(T0 + 2 * MIN), T0 + 1)
    let feed = (await feeds.get('fd-00000000000c'))!
    assert.equal(feed.failures, 2)
    assert.equal(feed.errorCode, 'E_FEED_DTD')
    assert.equal(feed.errorMessage, 'DOCTYPE refused')
    assert.equal(feed.nextPollAt, T0 + 2 * MIN)
    await feeds.recordPoll('fd-00000000000c', 'w', ok([], { warning: { code: 'W_FEED_DATE_INVALID', message: '1 item' } }), T0 + 2)
    feed = (await feeds.get('fd-00000000000c'))!
    assert.equal(feed.failures, 0)
    assert.equal(feed.errorCode, null)
    assert.equal(feed.warningCode, 'W_FEED_DATE_INVALID')
    await feeds.recordPoll('fd-00000000000c', 'w', { ok: true, changed: false, etag: null, lastModified: null, fingerprint: 'x', nextPollAt: T0 + 9 }, T0 + 3)
    assert.equal((await feeds.get('fd-00000000000c'))!.warningCode, 'W_FEED_DATE_INVALID')
  })

  it('items: deduplicated by id, by guid within the feed, and by content hash', async ({ feeds }) => {
    await feeds.add({ id: 'fd-00000000000d', url: 'https://d.example/f', name: 'D', intervalMs: MIN }, T0)
    await feeds.add({ id: 'fd-00000000000e', url: 'https://e.example/f', name: 'E', intervalMs: MIN }, T0)
    const first = await feeds.recordPoll('fd-00000000000d', 'w', ok([item('fi-1', 'g1', 'h1'), item('fi-2', 'g2', null)]), T0 + 1)
    assert.deepEqual(first, { inserted: 2, seen: 0, duplicates: 0 })
    // The same entries again; g2 under a new URL (new id) is the same entry; a copy elsewhere has h1's text.
    const second = await feeds.recordPoll('fd-00000000000d', 'w', ok([item('fi-1', 'g1', 'h1'), item('fi-2b', 'g2', null)]), T0 + 2)
    assert.deepEqual(second, { inserted: 0, seen: 2, duplicates: 0 })
    const third = await feeds.recordPoll('fd-00000000000e', 'w', ok([item('fi-3', 'g1', 'h1'), item('fi-1', 'other', null)]), T0 + 3)
    assert.deepEqual(third, { inserted: 0, seen: 1, duplicates: 1 }, 'same URL from another feed is seen; same text is a duplicate')
    const copy = (await feeds.getItem('fi-3'))!
    assert.equal(copy.status, 'duplicate')
    assert.equal(copy.duplicateOf, 'fi-1')
    assert.equal(copy.feedId, 'fd-00000000000e')
    const original = (await feeds.getItem('fi-1'))!
    assert.equal(original.status, 'new')
    assert.equal(original.lastSeenAt, T0 + 3)
    assert.equal(original.firstSeenAt, T0 + 1)
    assert.equal(original.title, 'Title fi-1')
    assert.equal(original.contentIsHtml, true)
    assert.deepEqual(await feeds.countItems(), { new: 2, analyzing: 0, analyzed: 0, failed: 0, duplicate: 1 })
    assert.deepEqual((await feeds.list()).map((f) => f.itemCount), [2, 1])
  })

  it('items: claimed once, completed once, retried after a transient failure, released when their owner died', async ({ feeds }) => {
    await feeds.add({ id: 'fd-00000000000f', url: 'https://f.example/f', name: null, intervalMs: MIN }, T0)
    await feeds.recordPoll('fd-00000000000f', 'w', ok([item('fi-a', 'a', null), item('fi-b', 'b', null), item('fi-c', 'c', null)]), T0)
    const [one, two] = await Promise.all([feeds.claimItems('w1', T0 + 1, 60 * MIN, 2), feeds.claimItems('w2', T0 + 1, 60 * MIN, 2)])
    const claimed = [...one!, ...two!].map((i) => i.id).sort()
    assert.deepEqual(claimed, ['fi-a', 'fi-b', 'fi-c'], 'concurrent claims share the items without overlap')
    const a = (await feeds.getItem('fi-a'))!
    assert.equal(a.status, 'analyzing')
    assert.equal(a.attempts, 1)
    assert.deepEqual(await feeds.claimItems('w3', T0 + 2, MIN, 10), [])
    assert.equal(await feeds.completeItem('fi-a', 'fi-a', T0 + 3), true)
    assert.equal(await feeds.completeItem('fi-a', 'fi-a', T0 + 4), false, 'completed once')
    const done = (await feeds.getItem('fi-a'))!
    assert.deepEqual([done.status, done.reportId, done.analyzedAt, done.claimOwner], ['analyzed', 'fi-a', T0 + 3, null])
    await feeds.failItem('fi-b', { code: 'E_FETCH_TIMEOUT', message: 'slow' }, T0 + 10 * MIN, T0 + 5)
    const retry = (await feeds.getItem('fi-b'))!
    assert.deepEqual([retry.status, retry.errorCode, retry.nextAttemptAt], ['new', 'E_FETCH_TIMEOUT', T0 + 10 * MIN])
    assert.deepEqual(await feeds.claimItems('w3', T0 + 6, MIN, 10), [], 'not before its retry time')
    assert.deepEqual((await feeds.claimItems('w3', T0 + 10 * MIN, MIN, 10)).map((i) => [i.id, i.attempts]), [['fi-b', 2]])
    await feeds.failItem('fi-b', { code: 'E_NO_ARTICLE', message: 'no text' }, null, T0 + 10 * MIN + 1)
    assert.equal((await feeds.getItem('fi-b'))!.status, 'failed')
    // fi-c's owner died: releasing its claims makes the item new again, at once.
    const owner = [...one!, ...two!].find((i) => i.id === 'fi-c')!.claimOwner!
    assert.ok((await feeds.claimOwners()).includes(owner))
    assert.equal(await feeds.releaseClaims([owner]), 1)
    assert.deepEqual((await feeds.claimItems('w4', T0 + 7, MIN, 10)).map((i) => i.id), ['fi-c'])
    // A claim that outlived its lease is taken over.
    assert.deepEqual((await feeds.claimItems('w5', T0 + 7 + MIN + 1, MIN, 10)).map((i) => [i.id, i.attempts]), [['fi-c', 3]])
    assert.deepEqual((await feeds.listItems({ status: 'analyzed' })).map((i) => i.id), ['fi-a'])
  })

  it('removing a feed drops its pending items and keeps analyzed ones with their reports', async ({ feeds }) => {
    await feeds.add({ id: 'fd-000000000010', url: 'https://g.example/f', name: null, intervalMs: MIN }, T0)
    await feeds.recordPoll('fd-000000000010', 'w', ok([item('fi-x', 'x', null), item('fi-y', 'y', null)]), T0)
    await feeds.claimItems('w', T0, MIN, 1)
    await feeds.completeItem('fi-x', 'fi-x', T0 + 1)
    assert.equal(await feeds.remove('fd-000000000010'), true)
    assert.equal(await feeds.getItem('fi-y'), null)
    const kept = (await feeds.getItem('fi-x'))!
    assert.deepEqual([kept.feedId, kept.status, kept.reportId], [null, 'analyzed', 'fi-x'])
  })
}

function ok(items: NewFeedItem[], extra: Partial<Extract<PollRecord, { ok: true }>> = {}): PollRecord {
  return {
    ok: true,
    changed: true,
    etag: null,
    lastModified: null,
    fingerprint: 'fp',
    title: 'Feed title',
    siteUrl: 'https://site.example/',
    format: 'rss2',
    warning: null,
    items,
    nextPollAt: T0 + MIN,
    ...extra,
  }
}

function item(id: string, guid: string | null, contentHash: string | null): NewFeedItem {
  return {
    id,
    guid,
    url: `https://site.example/${id}`,
    title: `Title ${id}`,
    content: '<p>Some text\u0000 here.</p>',
    contentIsHtml: true,
    author: 'A. Writer',
    publishedAt: '2025-05-12T08:00:00Z',
    contentHash,
    outlet: null,
  }
}
