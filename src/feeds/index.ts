// Public face of feeds: parse RSS 2.0, RSS 1.0/RDF, Atom, JSON Feed and news sitemaps; poll them politely.
export { parseFeed } from './parse-feed.js'
export { decodeFeed } from './decode-feed.js'
export { fetchFeed, type FeedFetchContext, type FeedFetchResult, type FeedValidators } from './fetch-feed.js'
export { HostGate } from './host-gate.js'
export { RobotsCache, parseRobots, isAllowed } from './robots.js'
export { canonicalUrl, contentHash, itemKey, itemId, feedId } from './item-key.js'
export { parseInterval, formatInterval, backoffMs, DEFAULT_INTERVAL_MS } from './interval.js'
export * from './types.js'
