// Parses a user's ratings list (CSV or JSON: domain + a 0–1 score or a label) into a RatingsList; bad rows are
// reported with their line and skipped.
import { FactsiftError } from '../errors.js'
import { parseCsvText } from '../util/csv.js'
import { LABEL_SCORES, parseLabel } from './bands.js'
import { ratingKey, type ListEntry, type RatingsList } from './ratings-list.js'

/** Why a row was skipped. */
export type RowProblemReason = 'domain-invalid' | 'score-out-of-range' | 'value-invalid' | 'value-missing' | 'duplicate'

/** A skipped row: `code` is the error code the row would raise alone (E_BAD_DATA_ROW), `line` is 1-based. */
export interface RowProblem {
  line: number
  code: 'E_BAD_DATA_ROW'
  reason: RowProblemReason
  message: string
}

export interface ParsedList {
  list: RatingsList
  problems: RowProblem[]
}

export interface ParseListOptions {
  /** The list's name; each rating from it reports this name. */
  name: string
  /** Shown as the rating's citation; default `user list "<name>"`. */
  citation?: string
  /** Default: JSON when the text starts with "[" or "{", else CSV. */
  format?: 'csv' | 'json'
  /** Where the text came from, for messages (a file name). */
  where?: string
}

interface RawRow {
  line: number
  domain: unknown
  value: unknown
}

/**
 * A ratings list from CSV (`domain,score` or `domain,label`, header optional; a `score`, `rating` or `label` column
 * is found by name) or JSON (an array of {domain, score | label}, or an object of domain → score | label).
 * Throws E_INPUT_INVALID only when the text as a whole cannot be read; row problems are returned.
 */
export function parseRatingsList(text: string, options: ParseListOptions): ParsedList {
  const where = options.where ?? `list "${options.name}"`
  const format = options.format ?? (/^\s*[[{]/.test(text) ? 'json' : 'csv')
  const raw = format === 'json' ? jsonRows(text, where) : csvRows(text, where)
  const entries = new Map<string, ListEntry>()
  const firstLine = new Map<string, number>()
  const problems: RowProblem[] = []
  const problem = (line: number, reason: RowProblemReason, message: string) => problems.push({ line, code: 'E_BAD_DATA_ROW', reason, message: `${where}:${line}: ${message}` })
  for (const row of raw) {
    const key = typeof row.domain === 'string' ? ratingKey(row.domain) : null
    if (!key) {
      problem(row.line, 'domain-invalid', `"${String(row.domain ?? '')}" is not a domain`)
      continue
    }
    const entry = entryOf(row.value)
    if (typeof entry === 'string') {
      const [reason, message] = entry === 'score-out-of-range'
        ? [entry, `score ${String(row.value)} is outside 0–1`] as const
        : entry === 'value-missing'
          ? [entry, `${key} has no score or label`] as const
          : [entry, `"${String(row.value)}" is neither a 0–1 score nor a label (reliable, mixed, unreliable, satire)`] as const
      problem(row.line, reason, message)
      continue
    }
    const seen = firstLine.get(key)
    if (seen !== undefined) {
      problem(row.line, 'duplicate', `${key} is rated already on line ${seen}; the first rating is kept`)
      continue
    }
    firstLine.set(key, row.line)
    entries.set(key, entry)
  }
  return { list: { name: options.name, citation: options.citation ?? `user list "${options.name}"`, entries }, problems }
}

/** Like parseRatingsList, but the first bad row throws E_BAD_DATA_ROW (for single writes, e.g. one REST rating). */
export function parseRatingsListStrict(text: string, options: ParseListOptions): RatingsList {
  const { list, problems } = parseRatingsList(text, options)
  const first = problems[0]
  if (first) throw new FactsiftError('E_BAD_DATA_ROW', first.message, { line: first.line, reason: first.reason })
  return list
}

function entryOf(value: unknown): ListEntry | RowProblemReason {
  if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) return 'value-missing'
  const label = typeof value === 'string' ? parseLabel(value) : null
  if (label) return { score: LABEL_SCORES[label], label }
  const score = typeof value === 'number' ? value : typeof value === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(value) ? Number(value) : Number.NaN
  if (Number.isNaN(score)) return 'value-invalid'
  return score >= 0 && score <= 1 ? { score } : 'score-out-of-range'
}

function csvRows(text: string, where: string): RawRow[] {
  const records = parseCsvText(text)
  const out: RawRow[] = []
  let domainAt = 0
  let valueAt = 1
  let first = true
  for (const record of records) {
    if (record.error !== undefined) throw new FactsiftError('E_INPUT_INVALID', `${where}:${record.line}: ${record.error}`)
    const fields = record.fields.map((f) => f.trim())
    if (fields.every((f) => !f) || fields[0]?.startsWith('#')) continue
    if (first) {
      first = false
      const names = fields.map((f) => f.toLowerCase())
      if (names.includes('domain')) {
        domainAt = names.indexOf('domain')
        const v = names.findIndex((n) => n === 'score' || n === 'rating' || n === 'label')
        if (v < 0) throw new FactsiftError('E_INPUT_INVALID', `${where}:${record.line}: the header needs a score, rating or label column beside domain`)
        valueAt = v
        continue
      }
    }
    out.push({ line: record.line, domain: fields[domainAt], value: fields[valueAt] })
  }
  return out
}

function jsonRows(text: string, where: string): RawRow[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new FactsiftError('E_INPUT_INVALID', `${where}: not valid JSON (${(error as Error).message})`)
  }
  // { ratings: … } wraps either form, so an exported list reads back.
  const wrapped = !!parsed && typeof parsed === 'object' && !Array.isArray(parsed) && 'ratings' in parsed
  if (wrapped) parsed = (parsed as { ratings: unknown }).ratings
  const lines = topLevelLines(text, Array.isArray(parsed), wrapped)
  if (Array.isArray(parsed)) {
    return parsed.map((item, i) => {
      const o = item && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>) : {}
      return { line: lines[i] ?? 1, domain: o.domain, value: o.score ?? o.rating ?? o.label }
    })
  }
  if (parsed && typeof parsed === 'object') {
    return Object.entries(parsed as Record<string, unknown>).map(([domain, value], i) => ({ line: lines[i] ?? 1, domain, value })).filter((row) => !row.domain.startsWith('$'))
  }
  throw new FactsiftError('E_INPUT_INVALID', `${where}: expected an array of {domain, score | label} or an object of domain → score | label`)
}

/**
 * The line where each element (array) or key (object) of the rows container starts. The container is the top-level
 * value, or its "ratings" member; found by a scan that skips strings, so it matches JSON.parse's order.
 */
function topLevelLines(text: string, isArray: boolean, wrapped: boolean): number[] {
  const out: number[] = []
  let line = 1
  let depth = 0
  let inString = false
  let targetDepth = -1
  let expectValue = true
  let key = ''
  let collecting = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '\n') line++
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') {
        inString = false
        if (collecting) collecting = false
      } else if (collecting) key += c
      continue
    }
    if (c === '"') {
      inString = true
      if (depth === targetDepth && !isArray && expectValue) out.push(line)
      if (depth === targetDepth && isArray && expectValue) out.push(line)
      if (depth === 1 && targetDepth < 0) {
        collecting = true
        key = ''
      }
      expectValue = false
      continue
    }
    if (c === '{' || c === '[') {
      if (depth === targetDepth && isArray && expectValue) out.push(line)
      depth++
      if (targetDepth < 0 && (depth === 1 ? !wrapped : key === 'ratings' && depth === 2)) targetDepth = depth
      expectValue = true
      continue
    }
    if (c === '}' || c === ']') {
      depth--
      expectValue = false
      continue
    }
    if (c === ',') {
      expectValue = true
      continue
    }
    if (c === ':') continue
    if (!/\s/.test(c) && depth === targetDepth && isArray && expectValue) {
      out.push(line)
      expectValue = false
    }
  }
  return out
}
