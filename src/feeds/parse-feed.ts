// One entry point for every feed format: sniff JSON or XML, refuse hostile XML, parse, normalize items.
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { FactsiftError } from '../errors.js'
import { normalizeDate } from '../ingest/dates.js'
import { decodeEntities } from '../ingest/html-entities.js'
import { checkXmlProlog } from './xml-safety.js'
import { DEFAULT_FEED_LIMITS, type FeedFormat, type FeedLimits, type FeedWarning, type ParsedFeed, type ParsedFeedItem } from './types.js'

type Node = Record<string, unknown>

/** Tags that may repeat: always arrays, so one entry and many look the same. */
const ALWAYS_ARRAY = new Set(['item', 'entry', 'link', 'url', 'atom:link', 'author', 'category'])

// processEntities: false — no entity is expanded by the parser (no DTD reaches it anyway, see xml-safety.ts); the
// five XML entities and numeric references are decoded below, one pass, so '&amp;lt;' stays '&lt;'.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  cdataPropName: '#cdata',
  isArray: (name) => ALWAYS_ARRAY.has(name),
})

/**
 * Parses a decoded feed document fetched from `baseUrl` (links are resolved against it). JSON Feed when the text
 * starts with '{', else XML: RSS 2.0 (<rss>), RSS 1.0 (<rdf:RDF>), Atom (<feed>), sitemaps (<urlset>, news or plain).
 * Errors: E_FEED_DTD, E_FEED_NOT_FEED (HTML, unknown root, JSON that is not a JSON Feed), E_FEED_INVALID (malformed).
 */
export function parseFeed(text: string, baseUrl: string, limits: Partial<FeedLimits> = {}): ParsedFeed {
  const bounds = { ...DEFAULT_FEED_LIMITS, ...limits }
  const body = text.replace(/^\uFEFF/, '')
  const feed = body.trimStart().startsWith('{') ? parseJsonFeed(body, baseUrl) : parseXmlFeed(body, baseUrl)
  return finish(feed, bounds)
}

function parseXmlFeed(text: string, baseUrl: string): Omit<ParsedFeed, 'warnings'> & { warnings: FeedWarning[]; badDates: number } {
  const root = checkXmlProlog(text)
  const valid = XMLValidator.validate(text)
  if (valid !== true) {
    throw new FactsiftError('E_FEED_INVALID', `malformed XML at line ${valid.err.line}: ${valid.err.msg}`, { line: valid.err.line })
  }
  let doc: Node
  try {
    doc = parser.parse(text) as Node
  } catch (error) {
    throw new FactsiftError('E_FEED_INVALID', `malformed XML: ${(error as Error).message}`)
  }
  const node = asNode(doc[root])
  const local = root.includes(':') ? root.slice(root.indexOf(':') + 1) : root
  switch (local) {
    case 'rss':
      return rss2(asNode(node['channel']), baseUrl)
    case 'RDF':
      return rss1(node, baseUrl)
    case 'feed':
      return atom(node, baseUrl)
    case 'urlset':
      return sitemap(node, baseUrl)
    case 'sitemapindex':
      throw new FactsiftError('E_FEED_NOT_FEED', 'a sitemap index lists other sitemaps; add the news sitemap itself')
    default:
      throw new FactsiftError('E_FEED_NOT_FEED', `<${root}> is not a feed root (rss, rdf:RDF, feed, urlset)`)
  }
}

interface Draft extends ParsedFeedItem {
  rawDate: string | null
}

function build(format: FeedFormat, title: string | null, siteUrl: string | null, drafts: Draft[]) {
  let badDates = 0
  const items = drafts.map(({ rawDate, ...item }) => {
    if (rawDate && !item.publishedAt) badDates++
    return item
  })
  return { format, title, siteUrl, items, warnings: [] as FeedWarning[], badDates }
}

function rss2(channel: Node, base: string) {
  const items = arr(channel['item']).map((raw): Draft => {
    const item = asNode(raw)
    const guidNode = item['guid']
    const guid = text(guidNode)
    const permalink = guid && isNode(guidNode) && guidNode['@_isPermaLink'] === 'false' ? null : guid
    const rawDate = text(item['pubDate']) ?? text(item['dc:date'])
    const encoded = text(item['content:encoded'])
    return {
      guid,
      url: link(firstText(item['link']) ?? permalink, base),
      title: clean(text(item['title'])),
      content: encoded ?? text(item['description']),
      contentIsHtml: true,
      author: clean(text(item['dc:creator']) ?? firstText(item['author'])),
      publishedAt: normalizeDate(rawDate),
      rawDate,
    }
  })
  return build('rss2', clean(text(channel['title'])), link(firstText(channel['link']), base), items)
}

function rss1(rdf: Node, base: string) {
  const channel = asNode(rdf['channel'] ?? rdf['rss:channel'])
  const items = arr(rdf['item'] ?? rdf['rss:item']).map((raw): Draft => {
    const item = asNode(raw)
    const about = attr(item, 'rdf:about')
    const rawDate = text(item['dc:date'])
    return {
      guid: about,
      url: link(firstText(item['link']) ?? about, base),
      title: clean(text(item['title'])),
      content: text(item['content:encoded']) ?? text(item['description']),
      contentIsHtml: true,
      author: clean(text(item['dc:creator'])),
      publishedAt: normalizeDate(rawDate),
      rawDate,
    }
  })
  return build('rss1', clean(text(channel['title'])), link(firstText(channel['link']), base), items)
}

function atom(feed: Node, base: string) {
  const items = arr(feed['entry']).map((raw): Draft => {
    const entry = asNode(raw)
    const content = entry['content'] ?? entry['summary']
    const type = isNode(content) ? String(content['@_type'] ?? 'text') : 'text'
    const rawDate = text(entry['published']) ?? text(entry['updated'])
    return {
      guid: text(entry['id']),
      url: link(atomLink(entry), base),
      title: clean(text(entry['title'])),
      content: type === 'xhtml' ? deepText(content) : text(content),
      contentIsHtml: type === 'html' || type === 'xhtml' || type.includes('html'),
      author: clean(text(asNode(arr(entry['author'])[0])['name'])),
      publishedAt: normalizeDate(rawDate),
      rawDate,
    }
  })
  return build('atom', clean(text(feed['title'])), link(atomLink(feed), base), items)
}

function sitemap(urlset: Node, base: string) {
  const items = arr(urlset['url']).map((raw): Draft => {
    const entry = asNode(raw)
    const news = asNode(entry['news:news'])
    const loc = text(entry['loc'])
    const rawDate = text(news['news:publication_date']) ?? text(entry['lastmod'])
    return {
      guid: loc,
      url: link(loc, base),
      title: clean(text(news['news:title'])),
      content: null,
      contentIsHtml: false,
      author: null,
      publishedAt: normalizeDate(rawDate),
      rawDate,
    }
  })
  return build('sitemap', null, null, items)
}

function parseJsonFeed(body: string, base: string) {
  let doc: unknown
  try {
    doc = JSON.parse(body)
  } catch (error) {
    throw new FactsiftError('E_FEED_INVALID', `malformed JSON: ${(error as Error).message}`)
  }
  const feed = asNode(doc)
  if (typeof feed['version'] !== 'string' || !feed['version'].startsWith('https://jsonfeed.org/version/')) {
    throw new FactsiftError('E_FEED_NOT_FEED', 'JSON without a "version": "https://jsonfeed.org/version/…" is not a JSON Feed')
  }
  if (feed['items'] !== undefined && !Array.isArray(feed['items'])) throw new FactsiftError('E_FEED_INVALID', 'JSON Feed "items" is not an array')
  const items = arr(feed['items']).map((raw): Draft => {
    const item = asNode(raw)
    const html = str(item['content_html'])
    const authors = Array.isArray(item['authors']) ? item['authors'] : [item['author']]
    const rawDate = str(item['date_published']) ?? str(item['date_modified'])
    return {
      guid: item['id'] === undefined || item['id'] === null ? null : String(item['id']),
      url: link(str(item['url']) ?? str(item['external_url']), base),
      title: clean(str(item['title'])),
      content: html ?? str(item['content_text']) ?? str(item['summary']),
      contentIsHtml: html !== null,
      author: clean(str(asNode(authors[0])['name'])),
      publishedAt: normalizeDate(rawDate),
      rawDate,
    }
  })
  return build('jsonfeed', clean(str(feed['title'])), link(str(feed['home_page_url']), base), items)
}

function finish(feed: ReturnType<typeof build>, limits: FeedLimits): ParsedFeed {
  const warnings = feed.warnings
  if (feed.badDates > 0) warnings.push({ code: 'W_FEED_DATE_INVALID', message: `${feed.badDates} item(s) with an unreadable date, kept without one` })
  const usable = feed.items.filter((item) => item.guid || item.url || item.title || item.content)
  if (usable.length < feed.items.length) {
    warnings.push({ code: 'W_FEED_ITEMS_SKIPPED', message: `${feed.items.length - usable.length} entr(ies) with no link, id or text skipped` })
  }
  if (usable.length > limits.maxItems) {
    warnings.push({ code: 'W_FEED_ITEMS_CAPPED', message: `${usable.length} items listed; the first ${limits.maxItems} taken` })
    usable.length = limits.maxItems
  }
  for (const item of usable) {
    if (item.content !== null) {
      const trimmed = item.content.trim()
      item.content = trimmed === '' ? null : trimmed.slice(0, limits.maxContentChars)
    }
  }
  return { format: feed.format, title: feed.title, siteUrl: feed.siteUrl, items: usable, warnings }
}

// ---- helpers over fast-xml-parser's output ----

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function asNode(value: unknown): Node {
  if (Array.isArray(value)) return asNode(value[0])
  return isNode(value) ? value : {}
}

function arr(value: unknown): unknown[] {
  if (value === undefined || value === null) return []
  return Array.isArray(value) ? value : [value]
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

/** An element's text: entity-decoded text plus CDATA (taken literally); null when empty. */
function text(value: unknown): string | null {
  if (Array.isArray(value)) return text(value[0])
  if (typeof value === 'string') return str(decodeEntities(value))
  if (!isNode(value)) return null
  const plain = typeof value['#text'] === 'string' ? decodeEntities(value['#text']) : ''
  const cdata = arr(value['#cdata']).filter((c): c is string => typeof c === 'string').join('')
  return str(plain + cdata)
}

function firstText(value: unknown): string | null {
  for (const entry of arr(value)) {
    const t = text(entry)
    if (t) return t
  }
  return null
}

/** Every text under a node (Atom type="xhtml" content), space-joined. */
function deepText(value: unknown): string | null {
  const out: string[] = []
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(decodeEntities(v))
    else if (Array.isArray(v)) v.forEach(walk)
    else if (isNode(v)) for (const [key, child] of Object.entries(v)) if (!key.startsWith('@_')) walk(child)
  }
  walk(value)
  return str(out.join(' '))
}

function attr(node: Node, name: string): string | null {
  const value = node[`@_${name}`]
  return typeof value === 'string' ? str(decodeEntities(value)) : null
}

/** Atom: the rel="alternate" link (or one without rel), else the first link with an href. */
function atomLink(node: Node): string | null {
  const links = arr(node['link']).map(asNode)
  const alternate = links.find((l) => (l['@_rel'] ?? 'alternate') === 'alternate' && l['@_href'])
  return attr(alternate ?? links.find((l) => l['@_href']) ?? {}, 'href')
}

function clean(value: string | null): string | null {
  if (value === null) return null
  const collapsed = value.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim()
  return collapsed === '' ? null : collapsed
}

/**
 * A link resolved against the feed's URL; kept only when http(s), or file: inside a file: feed (a local feed may
 * point at local articles; a web feed never at this machine's files). Anything else (javascript:, mailto:) is dropped.
 */
function link(raw: string | null, base: string): string | null {
  if (!raw) return null
  let url: URL
  try {
    url = new URL(raw.trim(), base)
  } catch {
    return null
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.href
  if (url.protocol === 'file:' && base.startsWith('file:')) return url.href
  return null
}
