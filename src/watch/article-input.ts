// A feed item → the article to analyze: its page fetched with the safe fetcher (robots.txt and the host gate first),
// a file:// page beside a local feed, or the feed's own text when there is no page to fetch.
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { FactsiftError } from '../errors.js'
import { fetchUrl } from '../ingest/fetch-url.js'
import { decodeInput } from '../ingest/decode.js'
import { sniffHtmlCharset, sniffKind, kindFromExtension } from '../ingest/sniff.js'
import { ACCEPTED_TYPES } from '../ingest/content-type.js'
import { readLimited } from '../ingest/read-limited.js'
import type { Limits } from '../ingest/limits.js'
import type { ArticleInput, InputKind } from '../ingest/types.js'
import type { HostGate } from '../feeds/host-gate.js'
import type { RobotsCache } from '../feeds/robots.js'
import type { FeedItemRecord } from '../store/feed-repository.js'

export interface ArticleContext {
  limits: Limits
  gate: HostGate
  robots: RobotsCache
  /** The URL of the item's feed (null once removed): file:// pages are read only for file:// feeds. */
  feedUrl: string | null
  now?: () => number
}

/**
 * The input for one item. Pages: http(s) through robots.txt (E_FEED_ROBOTS), the host gate and fetchUrl (private
 * addresses refused unless allowed); file:// only when the feed itself is a local file. When robots.txt disallows
 * the page, or the item has no link, the feed's own text is analyzed (E_FEED_ROBOTS / E_INPUT_EMPTY without one).
 * The feed's title, outlet and date are stated metadata: they win over what the page says.
 */
export async function articleInput(item: FeedItemRecord, ctx: ArticleContext): Promise<ArticleInput> {
  const stated: ArticleInput = {
    ...(item.title ? { title: item.title } : {}),
    ...(item.outlet ? { outlet: item.outlet } : {}),
    ...(item.publishedAt ? { publishedAt: item.publishedAt } : {}),
  }
  if (!item.url) return fromFeedText(item, stated, new FactsiftError('E_INPUT_EMPTY', 'the item has no link and no text'))
  if (item.url.startsWith('file:')) {
    if (!ctx.feedUrl?.startsWith('file:')) throw new FactsiftError('E_FETCH_BLOCKED', `a file:// link is followed only from a local feed: ${item.url}`)
    const path = fileURLToPath(item.url)
    return { ...fromBytes(await readFile(path, ctx.limits.maxBytes), kindFromExtension(path), null, ctx.limits), url: item.url, ...stated }
  }
  try {
    await ctx.robots.check(item.url)
  } catch (error) {
    if (error instanceof FactsiftError && error.code === 'E_FEED_ROBOTS') return fromFeedText(item, stated, error)
    throw error
  }
  const host = new URL(item.url).host
  let res
  try {
    res = await ctx.gate.run(host, () => fetchUrl(item.url!, ctx.limits))
  } catch (error) {
    // The safe fetcher reports 429/503 as E_FETCH_FAILED with the status: the host pauses a minute (no Retry-After here).
    const status = error instanceof FactsiftError ? Number(error.details?.['status']) : NaN
    if (status === 429 || status === 503) {
      ctx.gate.pause(host, (ctx.now ?? Date.now)() + 60_000)
      throw new FactsiftError('E_FEED_THROTTLED', (error as Error).message, { status })
    }
    throw error
  }
  const kind = res.mimeType ? (ACCEPTED_TYPES[res.mimeType] ?? null) : null
  return { ...fromBytes(res.body, kind, res.charset, ctx.limits), url: res.url, ...stated }
}

function fromBytes(bytes: Buffer, kind: InputKind | null, charset: string | null, limits: Limits): ArticleInput {
  const decoded = decodeInput(bytes, limits, { charset: charset ?? (kind === 'html' || kind === null ? sniffHtmlCharset(bytes) : null) })
  const actual = kind ?? sniffKind(decoded.text)
  return actual === 'html' ? { html: decoded.text } : { text: decoded.text }
}

function fromFeedText(item: FeedItemRecord, stated: ArticleInput, otherwise: FactsiftError): ArticleInput {
  if (!item.content) throw otherwise
  return { ...(item.contentIsHtml ? { html: item.content } : { text: item.content }), ...(item.url ? { url: item.url } : {}), ...stated }
}

async function readFile(path: string, maxBytes: number): Promise<Buffer> {
  try {
    const info = await stat(path)
    if (!info.isFile()) throw new Error('not a file')
    if (info.size > maxBytes) throw new FactsiftError('E_INPUT_TOO_LARGE', `${path} is larger than ${maxBytes} bytes`)
  } catch (error) {
    if (error instanceof FactsiftError) throw error
    throw new FactsiftError('E_INPUT_NOT_FOUND', `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
  return readLimited(createReadStream(path), maxBytes, path)
}
