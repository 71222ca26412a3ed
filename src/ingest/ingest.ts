// ingest(): one ArticleInput (text, HTML or URL) → one Document; ingestBytes() for bytes from files, stdin and fetches.
import type { Document, IngestWarning } from '../document/types.js'
import type { Limits } from './limits.js'
import { FactsiftError } from '../errors.js'
import { buildDocument } from './build-document.js'
import { ACCEPTED_TYPES } from './content-type.js'
import { decodeInput } from './decode.js'
import { parseJsonArticle, toArticleInput } from './json-input.js'
import { checkSize } from './size-limit.js'
import { sniffHtmlCharset, sniffKind } from './sniff.js'
import { outletFromText, titleFromText } from './text-title.js'
import type { ArticleInput, InputKind, StatedMeta } from './types.js'

/**
 * Ingest one article. `text` is used as is (its first line may give the title); else `html` goes through main-content
 * extraction; else `url` is fetched safely (see fetchUrl). With text or html, `url` is only metadata. Explicit
 * title/outlet/publishedAt (and url) win over extracted ones.
 */
export async function ingest(input: ArticleInput, limits: Limits): Promise<Document> {
  if (input === null || typeof input !== 'object') throw new FactsiftError('E_INPUT_INVALID', 'the article must be an object')
  const article = toArticleInput(input as Record<string, unknown>)
  const stated = statedMeta(article)
  if (article.text !== undefined) {
    checkSize(Buffer.byteLength(article.text), limits.maxBytes)
    return fromText(article.text, stated, null)
  }
  if (article.html !== undefined) {
    checkSize(Buffer.byteLength(article.html), limits.maxBytes)
    return await fromHtml(article.html, stated, article.url ?? null)
  }
  return ingestUrl(article.url!, limits, { ...stated, url: undefined })
}

/** Fetch `url` and ingest what it serves. The page's canonical URL, else the final URL after redirects, becomes
 * the Document's url unless `stated.url` is given. */
export async function ingestUrl(url: string, limits: Limits, stated: StatedMeta = {}): Promise<Document> {
  // Loaded on use, as is HTML extraction below: a text article needs neither (linkedom alone is ~200 modules).
  const { fetchUrl } = await import('./fetch-url.js')
  const res = await fetchUrl(url, limits)
  const kind = res.mimeType ? ACCEPTED_TYPES[res.mimeType] : null
  return ingestBytes(res.body, { kind, charset: res.charset, sourceUrl: res.url, stated, limits, fetched: true })
}

export interface BytesContext {
  /** Known kind (from the extension or Content-Type); null → sniff the content. */
  kind: InputKind | null
  /** Charset from the transport (HTTP header); a page's own <meta charset> is read when this is absent. */
  charset?: string | null
  /** Where the bytes came from: resolves relative links; the Document's url when nothing better is known. */
  sourceUrl?: string | null
  stated?: StatedMeta
  limits: Limits
  /** True for fetched bytes: a JSON article from the network may not name yet another URL to fetch. */
  fetched?: boolean
}

/** Decode and ingest raw bytes of a known or sniffed kind. */
export async function ingestBytes(bytes: Buffer, ctx: BytesContext): Promise<Document> {
  const htmlCharset = ctx.kind === 'html' || ctx.kind === null ? sniffHtmlCharset(bytes) : null
  const decoded = decodeInput(bytes, ctx.limits, { charset: ctx.charset ?? htmlCharset })
  const kind = ctx.kind ?? sniffKind(decoded.text)
  const stated = ctx.stated ?? {}
  const sourceUrl = ctx.sourceUrl ?? null
  if (kind === 'json') {
    const article = parseJsonArticle(decoded.text)
    if (article.text === undefined && article.html === undefined && ctx.fetched) {
      throw new FactsiftError('E_INPUT_INVALID', 'a fetched JSON article must contain "text" or "html"')
    }
    const doc = await ingest({ ...article, ...definedOnly(stated) }, ctx.limits)
    doc.warnings.unshift(...decoded.warnings)
    return doc
  }
  if (kind === 'html') return fromHtml(decoded.text, stated, sourceUrl, decoded.warnings)
  return fromText(decoded.text, stated, sourceUrl, decoded.warnings)
}

function fromText(text: string, stated: StatedMeta, sourceUrl: string | null, warnings: IngestWarning[] = []): Document {
  const meta = { title: null, byline: null, outlet: null, publishedAt: null, url: sourceUrl }
  const doc = buildDocument(text, meta, stated, warnings)
  doc.meta.title ??= titleFromText(doc.text)
  // 'Headline. Source: X' names the publisher when no outlet is given (history and the report show it).
  doc.meta.outlet ??= outletFromText(doc.text)
  return doc
}

async function fromHtml(html: string, stated: StatedMeta, baseUrl: string | null, warnings: IngestWarning[] = []): Promise<Document> {
  const { extractArticle } = await import('./html-extract.js')
  const article = extractArticle(html, baseUrl)
  return buildDocument(article.text, { ...article.meta, url: article.meta.url ?? baseUrl }, stated, warnings)
}

function statedMeta(a: ArticleInput): StatedMeta {
  return definedOnly({ title: a.title, url: a.url, outlet: a.outlet, publishedAt: a.publishedAt })
}

function definedOnly<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T
}
