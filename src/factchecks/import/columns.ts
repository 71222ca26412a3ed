// Which CSV/TSV column holds which field: named by flags (header name or 1-based number), else guessed from the header.
import { FactsiftError } from '../../errors.js'
import type { FactCheckFields } from '../record.js'

/** The record fields a column can fill. */
export const COLUMN_FIELDS = [
  'claim',
  'claimant',
  'rating',
  'ratingNormalized',
  'factChecker',
  'url',
  'reviewedAt',
  'language',
  'title',
  'externalId',
] as const
export type ColumnField = (typeof COLUMN_FIELDS)[number]

/** Column choices given by the user: a header name or a 1-based column number per field. */
export type ColumnFlags = Partial<Record<ColumnField, string>>

/** Resolved column indexes (0-based) per field. */
export type ColumnMap = Partial<Record<ColumnField, number>>

/** Header names we recognise, compared after lower-casing and dropping everything but letters and digits. */
const ALIASES: Record<ColumnField, string[]> = {
  claim: ['claim', 'claimreviewed', 'claimtext', 'vclaim', 'statement', 'text'],
  claimant: ['claimant', 'speaker', 'claimauthor', 'saidby'],
  rating: ['rating', 'textualrating', 'verdict', 'alternatename', 'ratingtext', 'label'],
  ratingNormalized: ['ratingnormalized', 'normalizedrating'],
  factChecker: ['factchecker', 'publisher', 'reviewauthor', 'organization', 'factcheckorganization', 'site'],
  url: ['url', 'reviewurl', 'factcheckurl', 'link'],
  reviewedAt: ['reviewedat', 'reviewdate', 'datepublished', 'date', 'published'],
  language: ['language', 'lang', 'languagecode', 'inlanguage'],
  title: ['title', 'headline', 'reviewtitle'],
  externalId: ['externalid', 'identifier', 'vclaimid', 'id'],
}

function norm(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')
}

/** Maps fields to column indexes: explicit flags first, then header aliases. A claim column is required. */
export function resolveColumns(header: string[], flags: ColumnFlags = {}): ColumnMap {
  const normalized = header.map(norm)
  const map: ColumnMap = {}
  const taken = new Set<number>()
  for (const field of COLUMN_FIELDS) {
    const flag = flags[field]
    if (flag === undefined) continue
    let index = /^\d+$/.test(flag) ? Number(flag) - 1 : normalized.indexOf(norm(flag))
    if (index < 0 || index >= header.length) {
      throw new FactsiftError('E_BAD_ARGUMENT', `column "${flag}" for ${field} is not in the header (${header.join(', ')})`)
    }
    map[field] = index
    taken.add(index)
  }
  for (const field of COLUMN_FIELDS) {
    if (map[field] !== undefined) continue
    for (const alias of ALIASES[field]) {
      const index = normalized.indexOf(alias)
      if (index >= 0 && !taken.has(index)) {
        map[field] = index
        taken.add(index)
        break
      }
    }
  }
  if (map.claim === undefined) {
    throw new FactsiftError('E_BAD_ARGUMENT', `no claim column found in the header (${header.join(', ')}); name it with --claim-column`)
  }
  return map
}

/** The fields of one row under a column map; empty cells become null. */
export function rowToFields(fields: string[], map: ColumnMap): FactCheckFields {
  const out: FactCheckFields = {}
  for (const field of COLUMN_FIELDS) {
    const index = map[field]
    if (index === undefined) continue
    const value = fields[index]
    out[field] = value === undefined || value.trim() === '' ? null : value
  }
  return out
}

/** The CLEF CheckThat! verified-claims TSV: `vclaim_id, vclaim, title` (the id column is often unnamed). */
export function isClefHeader(header: string[]): boolean {
  const h = header.map(norm)
  return h.length === 3 && (h[0] === '' || h[0] === 'vclaimid' || h[0] === 'id') && h[1] === 'vclaim' && h[2] === 'title'
}

export const CLEF_COLUMNS: ColumnMap = { externalId: 0, claim: 1, title: 2 }
