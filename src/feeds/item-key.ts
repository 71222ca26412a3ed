// Identity of a feed item: its canonical URL, else its guid within the feed; and a hash of its text for near-copies.
import { createHash } from 'node:crypto'
import type { ParsedFeedItem } from './types.js'

/** Query parameters that only track the click: dropped from canonical URLs. */
const TRACKING = /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_hsenc|_hsmi|ocid|cmpid|ito|smid)$/i

/** The URL without fragment, tracking parameters and default port; scheme and host lower-cased (WHATWG URL does). */
export function canonicalUrl(raw: string): string {
  const url = new URL(raw)
  url.hash = ''
  for (const name of [...url.searchParams.keys()]) if (TRACKING.test(name)) url.searchParams.delete(name)
  if (url.search === '?') url.search = ''
  return url.href
}

/** Below this many characters of text a content hash would join unrelated short items ("Live updates"): none. */
export const MIN_HASHED_CHARS = 80

/**
 * A hash of the item's normalized title and text (tags, case, punctuation and spacing removed), or null when the
 * feed gives too little text: the same story syndicated under two URLs, or re-posted with a new guid, hashes the same.
 */
export function contentHash(item: Pick<ParsedFeedItem, 'title' | 'content'>): string | null {
  const body = normalize(item.content ?? '')
  if (body.length < MIN_HASHED_CHARS) return null
  return createHash('sha256').update(`${normalize(item.title ?? '')}\n${body}`).digest('hex').slice(0, 32)
}

function normalize(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[#a-z0-9]+;/gi, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** The dedup key: canonical URL when the item links somewhere, else its guid in this feed, else its text. */
export function itemKey(feedId: string, item: Pick<ParsedFeedItem, 'guid' | 'url' | 'title' | 'content'>): string {
  if (item.url) return `url:${canonicalUrl(item.url)}`
  if (item.guid) return `guid:${feedId}:${item.guid}`
  return `text:${feedId}:${contentHash(item) ?? normalize(`${item.title ?? ''} ${item.content ?? ''}`)}`
}

/** A stable id from a key: the same item gets the same id in every store and every run ('fi-' + 24 hex). */
export function itemId(key: string): string {
  return `fi-${createHash('sha256').update(key).digest('hex').slice(0, 24)}`
}

/** A stable feed id from its URL ('fd-' + 12 hex). */
export function feedId(url: string): string {
  return `fd-${createHash('sha256').update(url).digest('hex').slice(0, 12)}`
}
