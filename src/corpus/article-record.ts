// One reference article from any input shape (JSON object, CSV row, text or HTML file) → a validated CorpusArticle.
import { createHash } from 'node:crypto'
import type { CorpusArticle } from '../store/corpus-repository.js'
import { normalizeDate } from '../ingest/dates.js'
import { canonicalOutlet, outletFromUrl } from '../nlp/outlet-identity.js'

/** Field names accepted for each article field, compared case-insensitively without '_' and '-'. */
const FIELD_NAMES: Record<keyof Omit<CorpusArticle, 'key'>, string[]> = {
  title: ['title', 'headline', 'name'],
  body: ['body', 'text', 'content', 'articlebody', 'article', 'maintext', 'description'],
  url: ['url', 'link', 'href', 'canonicalurl', 'permalink'],
  outlet: ['outlet', 'source', 'publisher', 'sitename', 'site', 'domain', 'newspaper', 'media'],
  publishedAt: ['publishedat', 'published', 'datepublished', 'date', 'pubdate', 'publicationdate', 'publishdate', 'time', 'created'],
}

/** Longest body accepted (characters); a longer item is almost certainly not one article. */
export const MAX_BODY_CHARS = 1_000_000
const TITLE_FROM_BODY = 160

/** A bad item: the message says what is wrong; the reader adds where. */
export class BadArticle extends Error {}

export interface ArticleDefaults {
  /** Outlet for items that name none (e.g. `corpus add --outlet Reuters wire/`). */
  outlet?: string
}

/** Maps a loose record (any accepted field names, nested `{ name }` publishers) to an article; throws BadArticle. */
export function articleFromRecord(record: Record<string, unknown>, defaults: ArticleDefaults = {}): CorpusArticle {
  const fields = new Map<string, unknown>()
  for (const [name, value] of Object.entries(record)) fields.set(name.toLowerCase().replace(/[_\-\s]/g, ''), value)
  const pick = (field: keyof typeof FIELD_NAMES): string | null => {
    for (const name of FIELD_NAMES[field]) {
      const text = asText(fields.get(name))
      if (text) return text
    }
    return null
  }
  return buildArticle({
    title: pick('title'),
    body: pick('body'),
    url: pick('url'),
    outlet: pick('outlet'),
    publishedAt: pick('publishedAt'),
  }, defaults)
}

/** Validates and normalizes the fields of one article; the key is the URL when there is one, else a content hash. */
export function buildArticle(
  input: { title: string | null; body: string | null; url: string | null; outlet: string | null; publishedAt: string | null },
  defaults: ArticleDefaults = {},
): CorpusArticle {
  const body = cleanText(input.body ?? '')
  if (!body) throw new BadArticle('no body text (expected a field such as body, text or content)')
  if (body.length > MAX_BODY_CHARS) throw new BadArticle(`body has ${body.length} characters, more than ${MAX_BODY_CHARS}`)
  const title = cleanLine(input.title ?? '') || titleFromBody(body)
  let url: string | null = null
  if (input.url) {
    url = normalizeUrl(input.url)
    if (!url) throw new BadArticle(`url ${JSON.stringify(input.url.slice(0, 200))} is not an http(s) URL`)
  }
  let publishedAt: string | null = null
  if (input.publishedAt) {
    publishedAt = normalizeDate(input.publishedAt)
    if (!publishedAt) throw new BadArticle(`date ${JSON.stringify(input.publishedAt.slice(0, 100))} cannot be read (use ISO 8601, e.g. 2024-03-05)`)
  }
  const named = cleanLine(input.outlet ?? '') || cleanLine(defaults.outlet ?? '')
  const outlet = named ? canonicalOutlet(named) : url ? outletFromUrl(url) : null
  return { key: url ?? contentKey(title, body), title, body, url, outlet, publishedAt }
}

/** `sha256:<hex>` of the title and body with whitespace folded, so re-adding the same text finds the same key. */
export function contentKey(title: string, body: string): string {
  const folded = `${title}\n${body}`.replace(/\s+/g, ' ').trim().toLowerCase()
  return `sha256:${createHash('sha256').update(folded).digest('hex')}`
}

/** The URL without fragment, tracking parameters and default port, host lower-cased; null when not http(s). */
export function normalizeUrl(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  url.hash = ''
  for (const name of [...url.searchParams.keys()]) {
    if (/^(utm_|fbclid$|gclid$|mc_cid$|mc_eid$)/i.test(name)) url.searchParams.delete(name)
  }
  return url.toString()
}

function asText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const named = (value as Record<string, unknown>).name ?? (value as Record<string, unknown>)['@value']
    return typeof named === 'string' ? named.trim() || null : null
  }
  return null
}

function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

function cleanLine(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim()
}

function titleFromBody(body: string): string {
  const first = body.split('\n', 1)[0]!
  if (first.length <= TITLE_FROM_BODY) return first
  const cut = first.lastIndexOf(' ', TITLE_FROM_BODY)
  return `${first.slice(0, cut > 40 ? cut : TITLE_FROM_BODY)}…`
}
