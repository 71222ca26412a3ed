// One poll of one feed: file:// read or conditional http(s) GET (robots.txt, host gate), decode, parse.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { FactsiftError } from '../errors.js'
import type { Limits } from '../ingest/limits.js'
import { readLimited } from '../ingest/read-limited.js'
import { decodeFeed } from './decode-feed.js'
import type { HostGate } from './host-gate.js'
import { httpGet } from './http-get.js'
import { parseFeed } from './parse-feed.js'
import type { RobotsCache } from './robots.js'
import type { FeedLimits, ParsedFeed } from './types.js'

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5'

/** What the last successful poll left: sent back as validators. */
export interface FeedValidators {
  etag: string | null
  lastModified: string | null
  /** Hash of the last body (or mtime and size of a file): an unchanged body is not parsed again. */
  fingerprint: string | null
}

export type FeedFetchResult =
  | { changed: false; validators: FeedValidators }
  | { changed: true; validators: FeedValidators; feed: ParsedFeed; finalUrl: string }

export interface FeedFetchContext {
  limits: Pick<Limits, 'fetchTimeoutMs' | 'maxRedirects' | 'allowPrivateNetwork'>
  feedLimits: FeedLimits
  gate: HostGate
  robots: RobotsCache
  now?: () => number
}

/**
 * Fetches and parses `url` unless it is unchanged since `previous`: file:// compares mtime and size; http(s) sends
 * If-None-Match / If-Modified-Since (304 → unchanged) and also treats a body with the same hash as unchanged.
 * A 429/503 pauses the host in the gate until Retry-After and throws E_FEED_THROTTLED.
 */
export async function fetchFeed(url: string, previous: FeedValidators, ctx: FeedFetchContext): Promise<FeedFetchResult> {
  if (url.startsWith('file:')) return fetchFile(url, previous, ctx)
  await ctx.robots.check(url)
  const host = new URL(url).host
  const headers: Record<string, string> = { accept: FEED_ACCEPT }
  if (previous.etag) headers['if-none-match'] = previous.etag
  if (previous.lastModified) headers['if-modified-since'] = previous.lastModified
  let res
  try {
    res = await ctx.gate.run(host, () =>
      httpGet(url, { ...ctx.limits, timeoutMs: ctx.limits.fetchTimeoutMs, headers, maxBytes: ctx.feedLimits.maxFeedBytes, tooLargeCode: 'E_FEED_TOO_LARGE' }),
    )
  } catch (error) {
    if (error instanceof FactsiftError && error.code === 'E_FEED_THROTTLED' && typeof error.details?.['retryAfterMs'] === 'number') {
      ctx.gate.pause(host, (ctx.now ?? Date.now)() + (error.details['retryAfterMs'] as number))
    }
    throw error
  }
  if (res.status === 304) return { changed: false, validators: previous }
  const fingerprint = hash(res.body)
  const validators = { etag: res.etag, lastModified: res.lastModified, fingerprint }
  if (fingerprint === previous.fingerprint) return { changed: false, validators }
  if (res.body.length === 0) throw new FactsiftError('E_FEED_NOT_FEED', `${url} answered with an empty body`)
  const feed = parseFeed(decodeFeed(res.body, res.charset), res.url, ctx.feedLimits)
  return { changed: true, validators, feed, finalUrl: res.url }
}

async function fetchFile(url: string, previous: FeedValidators, ctx: FeedFetchContext): Promise<FeedFetchResult> {
  let path: string
  let size: number
  let mtimeMs: number
  try {
    path = fileURLToPath(url)
    const info = await stat(path)
    if (!info.isFile()) throw new Error('not a file')
    ;[size, mtimeMs] = [info.size, info.mtimeMs]
  } catch (error) {
    throw new FactsiftError('E_INPUT_NOT_FOUND', `cannot read feed ${url}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { url })
  }
  const fingerprint = `file:${mtimeMs}:${size}`
  const validators = { etag: null, lastModified: null, fingerprint }
  if (fingerprint === previous.fingerprint) return { changed: false, validators }
  if (size > ctx.feedLimits.maxFeedBytes) {
    throw new FactsiftError('E_FEED_TOO_LARGE', `${url} is ${size} bytes, over the feed limit of ${ctx.feedLimits.maxFeedBytes}`, { url })
  }
  let body: Buffer
  try {
    body = await readLimited(createReadStream(path), ctx.feedLimits.maxFeedBytes, url)
  } catch (error) {
    if (error instanceof FactsiftError && error.code === 'E_INPUT_TOO_LARGE') throw new FactsiftError('E_FEED_TOO_LARGE', error.message, { url })
    throw error
  }
  if (body.length === 0) throw new FactsiftError('E_FEED_NOT_FEED', `${url} is empty`)
  return { changed: true, validators, feed: parseFeed(decodeFeed(body), url, ctx.feedLimits), finalUrl: url }
}

function hash(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 32)
}
