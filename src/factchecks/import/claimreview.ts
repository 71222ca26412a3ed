// Finds fact-checks in parsed JSON of any supported shape: schema.org ClaimReview (alone, in arrays, in @graph, in a
// DataCommons DataFeed or an ItemList), the Google Fact Check Tools API response, and our own flat JSONL records.
import type { FactCheckFields } from '../record.js'
import type { NumericRating } from '../rating.js'

/** Resolves a JSON-LD `{"@id": …}` reference to its node, when the node is known. */
export type NodeLookup = (id: string) => Record<string, unknown> | undefined

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `@type` values without their vocabulary prefix ("schema:ClaimReview", "http://schema.org/ClaimReview"). */
export function typesOf(node: Json): string[] {
  const raw = node['@type'] ?? node.type
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/:#]/, ''))
}

/** Single-valued reading of a JSON-LD property: first array element, `@value` of a literal, else the value. */
function first(value: unknown): unknown {
  const v = Array.isArray(value) ? value[0] : value
  if (isObject(v) && '@value' in v) return v['@value']
  return v
}

function text(value: unknown): string | null {
  const v = first(value)
  if (typeof v === 'string') return v
  if (typeof v === 'number') return String(v)
  return null
}

function num(value: unknown): number | undefined {
  const v = first(value)
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN
  return Number.isFinite(n) ? n : undefined
}

/** A node, following an `@id` reference when the lookup knows it. */
function deref(value: unknown, lookup?: NodeLookup): unknown {
  const v = first(value)
  if (isObject(v) && typeof v['@id'] === 'string' && lookup && Object.keys(v).length === 1) return lookup(v['@id']) ?? v
  return v
}

/** The name of a person or organization given as a string, a node, or a reference. */
function nameOf(value: unknown, lookup?: NodeLookup): string | null {
  const v = deref(value, lookup)
  if (typeof v === 'string') return v
  if (isObject(v)) return text(v.name) ?? text(v.alternateName) ?? text(v.url)
  return null
}

/** True when a ClaimReview points at nodes we have not seen yet (a streamed @graph): try again at the end. */
export function hasUnresolvedReference(node: Json, lookup?: NodeLookup): boolean {
  for (const key of ['itemReviewed', 'author', 'publisher', 'reviewRating']) {
    const v = first(node[key])
    if (isObject(v) && typeof v['@id'] === 'string' && Object.keys(v).length === 1 && !lookup?.(v['@id'])) return true
  }
  return false
}

function fromClaimReview(node: Json, lookup?: NodeLookup): FactCheckFields {
  const item = deref(node.itemReviewed, lookup)
  const itemNode = isObject(item) ? item : null
  const ratingNode = deref(node.reviewRating, lookup)
  const rating = isObject(ratingNode) ? ratingNode : null
  let numericRating: NumericRating | null = null
  const ratingValue = rating ? num(rating.ratingValue) : undefined
  if (rating && ratingValue !== undefined) {
    numericRating = { ratingValue, bestRating: num(rating.bestRating), worstRating: num(rating.worstRating) }
  }
  const language = deref(node.inLanguage, lookup)
  return {
    claim: text(node.claimReviewed) ?? (itemNode ? (text(itemNode.text) ?? text(itemNode.name)) : null),
    claimant: itemNode ? nameOf(itemNode.author, lookup) : null,
    rating: rating ? (text(rating.alternateName) ?? text(rating.name)) : text(node.reviewRating),
    numericRating,
    factChecker: nameOf(node.author, lookup) ?? nameOf(node.publisher, lookup),
    url: text(node.url),
    reviewedAt: text(node.datePublished) ?? text(node.dateCreated) ?? text(node.dateModified),
    language: typeof language === 'string' ? language : isObject(language) ? (text(language.alternateName) ?? text(language.name)) : null,
    title: text(node.headline) ?? text(node.name),
    externalId: text(node.identifier),
  }
}

/** Google Fact Check Tools API: one claim with its `claimReview[]`; every review becomes a record. */
function fromGoogleClaim(node: Json): FactCheckFields[] {
  const reviews = Array.isArray(node.claimReview) ? node.claimReview : []
  return reviews.filter(isObject).map((review) => {
    const publisher = isObject(review.publisher) ? review.publisher : null
    return {
      claim: text(node.text),
      claimant: text(node.claimant),
      rating: text(review.textualRating),
      factChecker: publisher ? (text(publisher.name) ?? text(publisher.site)) : null,
      url: text(review.url),
      reviewedAt: text(review.reviewDate) ?? text(node.claimDate),
      language: text(review.languageCode),
      title: text(review.title),
    }
  })
}

/** Our own JSONL export (and simple hand-written records): flat objects with a `claim` string. */
function fromFlat(node: Json): FactCheckFields {
  return {
    claim: text(node.claim),
    claimant: text(node.claimant),
    rating: text(node.rating),
    ratingNormalized: text(node.ratingNormalized),
    factChecker: text(node.factChecker),
    url: text(node.url),
    reviewedAt: text(node.reviewedAt),
    language: text(node.language),
    title: text(node.title),
    externalId: text(node.externalId),
  }
}

/** Every fact-check found in `value`, in document order; shapes that hold none give an empty list. */
export function extractFactChecks(value: unknown, lookup?: NodeLookup): FactCheckFields[] {
  if (Array.isArray(value)) return value.flatMap((v) => extractFactChecks(v, lookup))
  if (!isObject(value)) return []
  if (Array.isArray(value['@graph'])) {
    const graph = value['@graph'] as unknown[]
    const index = new Map<string, Json>()
    for (const node of graph) if (isObject(node) && typeof node['@id'] === 'string') index.set(node['@id'], node)
    const graphLookup: NodeLookup = (id) => index.get(id) ?? lookup?.(id)
    return graph.flatMap((node) => extractFactChecks(node, graphLookup))
  }
  const types = typesOf(value)
  if (types.includes('ClaimReview')) return [fromClaimReview(value, lookup)]
  if (types.includes('DataFeed')) return extractFactChecks(value.dataFeedElement, lookup)
  if (types.includes('DataFeedItem') || types.includes('ListItem')) return extractFactChecks(value.item, lookup)
  if (types.includes('ItemList')) return extractFactChecks(value.itemListElement, lookup)
  if (Array.isArray(value.claims)) return extractFactChecks(value.claims, lookup)
  if (Array.isArray(value.claimReview)) return fromGoogleClaim(value)
  if (types.length === 0 && ('claim' in value || 'rating' in value || 'ratingNormalized' in value)) return [fromFlat(value)]
  return []
}

/**
 * True for values that are not meant as fact-checks: JSON-LD nodes of other types (a graph's Person or WebPage, a
 * feed's own fields) and a Google API page token. Anything else without a fact-check is reported as a bad row.
 */
export function isOtherNode(value: unknown): boolean {
  if (!isObject(value)) return false
  if (typesOf(value).length > 0 || typeof value['@id'] === 'string' || '@context' in value) return true
  return Object.keys(value).every((k) => k === 'nextPageToken')
}
