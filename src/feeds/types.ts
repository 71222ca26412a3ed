// What a feed parser returns: one shape for RSS 2.0, RSS 1.0/RDF, Atom, JSON Feed and news sitemaps.

export type FeedFormat = 'rss2' | 'rss1' | 'atom' | 'jsonfeed' | 'sitemap'

export interface ParsedFeedItem {
  /** The entry's own id (RSS guid, Atom id, JSON Feed id), or null. */
  guid: string | null
  /** The article link, resolved against the feed's URL; null when the entry has none. */
  url: string | null
  title: string | null
  /** Plain-ish text the feed gives for the entry (summary or full content; may be HTML), or null. */
  content: string | null
  /** True when `content` is HTML (content:encoded, Atom type="html", JSON Feed content_html). */
  contentIsHtml: boolean
  author: string | null
  /** ISO 8601 (normalizeDate's shapes), or null (absent or unreadable). */
  publishedAt: string | null
}

export interface FeedWarning {
  code: 'W_FEED_DATE_INVALID' | 'W_FEED_ITEMS_SKIPPED' | 'W_FEED_ITEMS_CAPPED'
  message: string
}

export interface ParsedFeed {
  format: FeedFormat
  title: string | null
  /** The site's home page, when the feed names one. */
  siteUrl: string | null
  items: ParsedFeedItem[]
  warnings: FeedWarning[]
}

/** Bounds on one feed document. */
export interface FeedLimits {
  /** Largest feed body read; reading stops there with E_FEED_TOO_LARGE. */
  maxFeedBytes: number
  /** Items taken from one document (the rest are dropped with W_FEED_ITEMS_CAPPED). */
  maxItems: number
  /** Longest `content` kept per item, in characters. */
  maxContentChars: number
}

export const DEFAULT_FEED_LIMITS: FeedLimits = {
  maxFeedBytes: 10 * 1024 * 1024,
  maxItems: 1000,
  maxContentChars: 200_000,
}
