// Article metadata from schema.org JSON-LD blocks: NewsArticle and its kin, also inside @graph, arrays and mainEntity.

/** What the article node of a page's JSON-LD says; null where it says nothing usable. */
export interface JsonLdArticle {
  headline: string | null
  authors: string[]
  datePublished: string | null
  publisher: string | null
  url: string | null
  /** The article's full text as the page states it (`articleBody`), line breaks kept; null when absent. */
  articleBody: string | null
}

// Preferred first: a page often carries a WebPage or a BlogPosting beside its NewsArticle.
const ARTICLE_TYPES = [
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'BackgroundNewsArticle',
  'OpinionNewsArticle',
  'ReviewNewsArticle',
  'Article',
  'BlogPosting',
  'Report',
]
const MAX_DEPTH = 8

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

/** Find the best article node among the raw texts of a page's `<script type="application/ld+json">` blocks. */
export function readJsonLd(blocks: string[]): JsonLdArticle | null {
  const nodes: JsonObject[] = []
  for (const block of blocks) {
    const parsed = parseLenient(block)
    if (parsed !== undefined) collect(parsed, nodes, 0)
  }
  const byId = new Map<string, JsonObject>()
  for (const n of nodes) if (typeof n['@id'] === 'string') byId.set(n['@id'], n)
  let best: JsonObject | null = null
  let bestRank = Infinity
  for (const n of nodes) {
    const rank = Math.min(...types(n).map((t) => ARTICLE_TYPES.indexOf(t)).filter((i) => i >= 0))
    if (rank < bestRank) {
      best = n
      bestRank = rank
    }
  }
  if (!best) return null
  const deref = (v: Json): Json => (isObject(v) && typeof v['@id'] === 'string' && byId.has(v['@id']) ? byId.get(v['@id'])! : v)
  return {
    headline: text(best.headline) ?? text(best.name),
    authors: names(best.author, deref),
    datePublished: text(best.datePublished) ?? text(best.dateCreated),
    publisher: names(best.publisher, deref)[0] ?? null,
    url: text(best.url) ?? idOf(best.mainEntityOfPage),
    articleBody: typeof best.articleBody === 'string' && best.articleBody.trim() ? best.articleBody : null,
  }
}

// Real pages ship JSON-LD with raw newlines in strings, HTML comments or CDATA wrappers, and trailing commas.
function parseLenient(raw: string): Json | undefined {
  const stripped = raw
    .replace(/^\s*(<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
    .replace(/(-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
  for (const candidate of [stripped, stripped.replace(/[\u0000-\u001F]+/g, ' ').replace(/,\s*([}\]])/g, '$1')]) {
    try {
      return JSON.parse(candidate) as Json
    } catch {
      // try the next, more forgiving form
    }
  }
  return undefined
}

function collect(value: Json, out: JsonObject[], depth: number): void {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return
  if (Array.isArray(value)) {
    for (const v of value) collect(v, out, depth + 1)
    return
  }
  out.push(value)
  for (const [key, v] of Object.entries(value)) {
    // Descend into containers an article can hide in; not into author/publisher (an Organization is no article).
    if (key === '@graph' || key === 'mainEntity' || key === 'hasPart' || key === 'itemListElement' || key === 'item') {
      collect(v, out, depth + 1)
    }
  }
}

function types(n: JsonObject): string[] {
  const t = n['@type']
  const list = Array.isArray(t) ? t : [t]
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^(https?:\/\/schema\.org\/|schema:)/, ''))
}

function names(value: Json | undefined, deref: (v: Json) => Json): string[] {
  if (value === undefined || value === null) return []
  const list = Array.isArray(value) ? value : [value]
  const out: string[] = []
  for (const item of list) {
    const v = deref(item)
    const name = typeof v === 'string' ? v : isObject(v) ? text(v.name) : null
    if (name && !/^https?:\/\//i.test(name) && !out.includes(name)) out.push(name)
  }
  return out
}

function text(v: Json | undefined): string | null {
  if (Array.isArray(v)) return text(v[0])
  if (typeof v !== 'string') return null
  const t = v.replace(/\s+/g, ' ').trim()
  return t || null
}

function idOf(v: Json | undefined): string | null {
  if (typeof v === 'string') return text(v)
  if (isObject(v)) return text(v['@id']) ?? text(v.url)
  return null
}

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
