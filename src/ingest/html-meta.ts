// Page metadata from <head> and markup: <title>, OpenGraph/Twitter/Dublin Core meta, JSON-LD, <time>, canonical link.
import { normalizeDate } from './dates.js'
import { decodeEntities } from './html-entities.js'
import { readJsonLd } from './json-ld.js'
import type { ExtractedMeta } from './types.js'

/** Raw candidates, best first, before the caller merges them with what Readability found. */
export interface PageMeta extends ExtractedMeta {
  /** The page's <title> text, unprocessed (Readability cleans site names off it). */
  documentTitle: string | null
  /** JSON-LD `articleBody`, raw: a fallback for pages whose markup yields too little text. */
  articleBody: string | null
}

const TITLE_KEYS = ['og:title', 'twitter:title', 'dc.title', 'headline']
const AUTHOR_KEYS = ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'byl', 'byline']
const OUTLET_KEYS = ['og:site_name', 'application-name', 'publisher', 'dc.publisher']
const DATE_KEYS = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'published_time',
  'publish-date',
  'publishdate',
  'pubdate',
  'date',
  'dc.date.issued',
  'dc.date',
  'dcterms.created',
  'parsely-pub-date',
  'sailthru.date',
  'cxenseparse:recs:publishtime',
]
// A <time> inside these is a comment's, a teaser's or the site chrome's, not the article's.
const NOT_ARTICLE_TIME = 'nav, footer, aside, [class*="comment"], [id*="comment"], [class*="related"], [class*="teaser"]'

/** Read every metadata source of a parsed page; `baseUrl` resolves a relative canonical link. */
export function readPageMeta(doc: Document, baseUrl: string | null): PageMeta {
  const meta = collectMeta(doc)
  const first = (keys: string[]): string | null => {
    for (const k of keys) for (const v of meta.get(k) ?? []) if (v) return v
    return null
  }
  const ld = readJsonLd(Array.from(doc.querySelectorAll('script[type="application/ld+json"]'), (s) => s.textContent ?? ''))

  const documentTitle = clean(doc.querySelector('title')?.textContent)
  const title = clean(ld?.headline) ?? clean(first(TITLE_KEYS))
  const authors = ld?.authors.length ? ld.authors : AUTHOR_KEYS.flatMap((k) => meta.get(k) ?? [])
  const byline = joinAuthors(authors) ?? markupByline(doc)
  const outlet = clean(ld?.publisher) ?? clean(first(OUTLET_KEYS))

  let publishedAt = normalizeDate(ld?.datePublished)
  for (const k of DATE_KEYS) {
    if (publishedAt) break
    for (const v of meta.get(k) ?? []) if (!publishedAt) publishedAt = normalizeDate(v)
  }
  publishedAt ??= timeElementDate(doc)

  const canonical =
    doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? first(['og:url', 'twitter:url']) ?? ld?.url ?? null
  return { title, byline, outlet, publishedAt, url: absoluteHttpUrl(canonical, baseUrl), documentTitle, articleBody: ld?.articleBody ?? null }
}

/** meta name/property/itemprop → contents in document order (keys lower-cased). */
function collectMeta(doc: Document): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const content = el.getAttribute('content')
    if (!content) continue
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase()
      if (!key) continue
      const list = map.get(key) ?? []
      list.push(decodeEntities(content).trim())
      map.set(key, list)
    }
  }
  // itemprop on non-meta elements (<span itemprop="author">, <time itemprop="datePublished">) counts too.
  for (const el of Array.from(doc.querySelectorAll('[itemprop]:not(meta)'))) {
    const key = el.getAttribute('itemprop')!.trim().toLowerCase()
    if (key !== 'datepublished' && key !== 'author') continue
    const value = el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.textContent ?? ''
    const list = map.get(key) ?? []
    list.push(value.trim())
    map.set(key, list)
  }
  return map
}

// Where pages print the byline when no meta tag names the author; the first that reads as a name wins.
const BYLINE_SELECTORS = ['a[rel~="author"]', '[class~="author-name"]', '[class~="byline__name"]', '[class~="byline"]', '[class~="author"]']
const NOT_ARTICLE_BYLINE = '[class*="comment"], [id*="comment"], [class*="teaser"], [class*="related"]'

function markupByline(doc: Document): string | null {
  for (const selector of BYLINE_SELECTORS) {
    for (const el of Array.from(doc.querySelectorAll(selector))) {
      if (el.closest(NOT_ARTICLE_BYLINE)) continue
      const name = cleanByline(el.textContent)
      if (name) return name
    }
  }
  return null
}

function timeElementDate(doc: Document): string | null {
  const times = Array.from(doc.querySelectorAll('time[datetime]')).filter((t) => !t.closest(NOT_ARTICLE_TIME))
  // A <time pubdate> or one marked "published" beats the first plain one; "updated"/"modified" times never count.
  const marked = times.find((t) => t.hasAttribute('pubdate') || /publish|posted/i.test(`${t.className} ${t.id}`))
  const plain = times.filter((t) => !/updat|modif|edit/i.test(`${t.className} ${t.id} ${t.parentElement?.className ?? ''}`))
  for (const t of [marked, ...plain]) {
    const d = t && normalizeDate(t.getAttribute('datetime'))
    if (d) return d
  }
  return null
}

/** Author names as one byline: 'By ' prefixes and URLs (article:author often is a profile URL) dropped. */
export function joinAuthors(raw: Array<string | null | undefined>): string | null {
  const names: string[] = []
  for (const r of raw) {
    const name = cleanByline(r)
    if (name && !names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name)
  }
  return names.length ? names.join(', ') : null
}

/** One byline string tidied: 'By Lois Lane | Staff writer' → 'Lois Lane | Staff writer'; URLs and long text → null. */
export function cleanByline(raw: string | null | undefined): string | null {
  const s = clean(raw)?.replace(/^(written\s+)?by\s*:?\s+/i, '')
  if (!s || /^https?:\/\//i.test(s) || /^@\w+$/.test(s) || s.length > 100) return null
  return s
}

function clean(raw: string | null | undefined): string | null {
  if (!raw) return null
  const s = decodeEntities(raw).replace(/\s+/g, ' ').trim()
  return s || null
}

const TRACKING_PARAM = /^(utm_\w+|fbclid|gclid|dclid|mc_cid|mc_eid|ocid|cmpid|ito|s_cid)$/i

/** An absolute http(s) URL without tracking parameters or fragment, or null. */
export function absoluteHttpUrl(raw: string | null | undefined, base: string | null): string | null {
  if (!raw) return null
  try {
    const u = base ? new URL(raw.trim(), base) : new URL(raw.trim())
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null
    // Tracking parameters make the same article look like many; they never change the page.
    for (const key of Array.from(u.searchParams.keys())) if (TRACKING_PARAM.test(key)) u.searchParams.delete(key)
    u.hash = ''
    return u.href
  } catch {
    return null
  }
}
