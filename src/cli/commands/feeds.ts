// `factsift feeds add|list|remove`: the feeds `factsift watch` polls, kept in the store.
import type { Command } from 'commander'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { runAction } from '../run-action.js'
import { checkTextOrJson, withStore } from '../parse-options.js'
import { FactsiftError } from '../../errors.js'

interface StoreFlags {
  db?: string
}

export default function register(program: Command): void {
  const feeds = program.command('feeds').description('Manage the feeds `factsift watch` polls (RSS, Atom, JSON Feed, news sitemaps)')
  feeds
    .command('add')
    .description('Add a feed by http(s) URL, file:// URL or local path (due at once); adding it again updates name and interval')
    .argument('<url>', 'feed URL or path')
    .option('--name <name>', "outlet name for its articles (default: the feed's title)")
    .option('--every <interval>', 'poll interval: 90s, 15m, 2h, 1d', '15m')
    .option('--db <location>', 'store (SQLite file or postgres:// URL; default ~/.factsift/factsift.db)')
    .action(runAction(addCommand))
  feeds
    .command('list')
    .description("List feeds with their schedule, item count and last error or warning code")
    .option('-f, --format <format>', 'text | json', 'text')
    .option('--db <location>', 'store (SQLite file or postgres:// URL)')
    .action(runAction(listCommand))
  feeds
    .command('remove')
    .description('Remove a feed (by id or URL); its analyzed items and reports stay')
    .argument('<feed>', 'feed id (fd-…) or URL')
    .option('--db <location>', 'store (SQLite file or postgres:// URL)')
    .action(runAction(removeCommand))
}

/** A feed location as stored: http(s) as given, file:// as given, a path as an absolute file:// URL. */
export function feedLocation(raw: string): string {
  if (/^https?:\/\//i.test(raw)) {
    try {
      return new URL(raw).href
    } catch {
      throw new FactsiftError('E_BAD_ARGUMENT', `not a valid URL: ${raw}`)
    }
  }
  if (/^file:\/\//i.test(raw)) return new URL(raw).href
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) throw new FactsiftError('E_BAD_ARGUMENT', `feeds are http(s) URLs, file:// URLs or paths, not ${raw}`)
  return pathToFileURL(resolve(raw)).href
}

async function addCommand(raw: string, flags: StoreFlags & { name?: string; every: string }): Promise<void> {
  const { parseInterval, formatInterval, feedId } = await import('../../feeds/index.js')
  const url = feedLocation(raw)
  const intervalMs = parseInterval(flags.every)
  await withStore(flags.db, async (store) => {
    const { feed, created } = await store.feeds.add({ id: feedId(url), url, name: flags.name?.trim() || null, intervalMs }, Date.now())
    process.stdout.write(`${created ? 'added' : 'updated'} ${feed.id} ${feed.url} every ${formatInterval(feed.intervalMs)}${feed.name ? ` as "${feed.name}"` : ''}\n`)
  })
}

async function listCommand(flags: StoreFlags & { format: string }): Promise<void> {
  checkTextOrJson(flags.format)
  const { formatInterval } = await import('../../feeds/index.js')
  await withStore(flags.db, async (store) => {
    const feeds = await store.feeds.list()
    if (flags.format === 'json') {
      process.stdout.write(`${JSON.stringify(feeds.map((f) => ({ ...f, nextPollAt: iso(f.nextPollAt), lastPolledAt: iso(f.lastPolledAt), lastOkAt: iso(f.lastOkAt), createdAt: iso(f.createdAt) })), null, 2)}\n`)
      return
    }
    if (feeds.length === 0) {
      process.stdout.write('no feeds; add one with `factsift feeds add <url>`\n')
      return
    }
    for (const f of feeds) {
      const status = f.errorCode ? `${f.errorCode} (${f.failures} failed poll${f.failures === 1 ? '' : 's'}): ${f.errorMessage}` : f.lastOkAt ? `ok${f.warningCode ? `, ${f.warningCode}: ${f.warningMessage}` : ''}` : 'not polled yet'
      process.stdout.write(
        `${f.id}  ${f.name ?? f.title ?? '(untitled)'}  ${f.url}\n` +
          `    every ${formatInterval(f.intervalMs)}, ${f.itemCount ?? 0} items, next poll ${iso(f.nextPollAt)}, last ${f.lastPolledAt ? iso(f.lastPolledAt) : 'never'}\n` +
          `    ${status}\n`,
      )
    }
  })
}

async function removeCommand(feed: string, flags: StoreFlags): Promise<void> {
  await withStore(flags.db, async (store) => {
    const key = /^fd-[0-9a-f]{12}$/.test(feed) ? feed : feedLocation(feed)
    if (!(await store.feeds.remove(key))) throw new FactsiftError('E_NOT_FOUND', `no feed ${feed}`)
    process.stdout.write(`removed ${feed}\n`)
  })
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString()
}
