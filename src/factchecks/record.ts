// Turns loosely-typed fields from any import format into a validated FactCheckRecord with its stable key.
import { createHash } from 'node:crypto'
import type { FactCheckRecord, NormalizedRating } from '../store/factcheck-repository.js'
import { isNormalizedRating, normalizeRating, type NumericRating } from './rating.js'

/** Fields as an import format finds them; only `claim` is required. */
export interface FactCheckFields {
  claim?: string | null
  claimant?: string | null
  rating?: string | null
  /** A numeric schema.org rating, used when the textual rating says nothing. */
  numericRating?: NumericRating | null
  /** Trusted when it is one of the six labels (our own exports); otherwise recomputed. */
  ratingNormalized?: string | null
  factChecker?: string | null
  url?: string | null
  reviewedAt?: string | null
  language?: string | null
  title?: string | null
  externalId?: string | null
}

/** Why a row cannot become a record; the importer reports it with the row's line number. */
export class InvalidRecordError extends Error {}

const MESSY_SPACE = /\s\s|[^\S ]/
const MAX_CLAIM = 10_000
const MAX_FIELD = 2_000

function clean(value: unknown, max = MAX_FIELD): string | null {
  if (value === null || value === undefined) return null
  if (typeof value !== 'string' && typeof value !== 'number') return null
  let text = String(value)
  // Most fields are already tidy: skip the regex replace unless there is something to collapse.
  if (MESSY_SPACE.test(text)) text = text.replace(/\s+/g, ' ')
  text = text.trim()
  if (!text) return null
  return text.length > max ? text.slice(0, max) : text
}

/** An ISO date (YYYY-MM-DD or full timestamp) when the value parses, else the value as given. */
function cleanDate(value: unknown): string | null {
  const text = clean(value, 64)
  if (!text) return null
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text
  const parsed = Date.parse(text)
  return Number.isNaN(parsed) ? text : new Date(parsed).toISOString()
}

function cleanUrl(value: unknown): string | null {
  const text = clean(value)
  if (!text) return null
  if (!/^https?:\/\//i.test(text)) throw new InvalidRecordError(`url is not http(s): ${text.slice(0, 80)}`)
  return text
}

/** The content hash used as the key of records without a URL: the same fields always give the same key. */
export function contentKey(record: Omit<FactCheckRecord, 'key'>): string {
  const parts = [record.claim, record.claimant, record.factChecker, record.reviewedAt, record.language, record.externalId ?? null]
  return `sha256:${createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32)}`
}

/** Validates and normalizes fields into a record keyed by URL, else by content hash; throws InvalidRecordError. */
export function toFactCheckRecord(fields: FactCheckFields): FactCheckRecord {
  const claim = clean(fields.claim, MAX_CLAIM)
  if (!claim) throw new InvalidRecordError('no claim text')
  const rating = clean(fields.rating, 500) ?? ''
  const ratingNormalized: NormalizedRating = isNormalizedRating(fields.ratingNormalized)
    ? fields.ratingNormalized
    : normalizeRating(rating, fields.numericRating)
  const language = clean(fields.language, 35)
  const body: Omit<FactCheckRecord, 'key'> = {
    claim,
    claimant: clean(fields.claimant),
    rating,
    ratingNormalized,
    factChecker: clean(fields.factChecker),
    url: cleanUrl(fields.url),
    reviewedAt: cleanDate(fields.reviewedAt),
    language: language ? language.toLowerCase() : null,
    title: clean(fields.title),
    externalId: clean(fields.externalId, 200),
  }
  return { key: body.url ?? contentKey(body), ...body }
}
