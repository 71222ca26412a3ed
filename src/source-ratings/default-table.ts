// The shipped ratings table (data/source-ratings.json, derived from Lin et al. 2023 by training/source-ratings/derive.ts):
// its file format, validation, and loading once per path.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { FactsiftError } from '../errors.js'
import type { BandThresholds } from './bands.js'
import type { ListEntry, RatingsList } from './ratings-list.js'

/** data/source-ratings.json. */
export interface RatingsTableFile {
  id: 'source-ratings'
  version: number
  /** The list name each rating reports ("lin2023"). */
  list: string
  source: string
  /** The full reference. */
  citation: string
  /** What a report shows beside a score ("Lin et al. 2023"). */
  shortCitation: string
  licence: string
  derivedAt: string
  derivedBy: string
  scale: string
  bands: BandThresholds & { note?: string }
  count: number
  /** ratingKey → score 0–1. */
  ratings: Record<string, number>
}

/** The shipped table as a list, with its header. */
export interface RatingsTable {
  header: Omit<RatingsTableFile, 'ratings'>
  list: RatingsList
}

/** The path of the shipped table (two levels above src/source-ratings or dist/source-ratings). */
export function defaultTablePath(): string {
  return fileURLToPath(new URL('../../data/source-ratings.json', import.meta.url))
}

/** Checks a parsed table file; throws E_CONFIG naming `where` and the first problem. */
export function ratingsTableFromJSON(value: unknown, where: string): RatingsTable {
  const fail = (why: string): never => {
    throw new FactsiftError('E_CONFIG', `${where}: ${why}`)
  }
  const t = value as Partial<RatingsTableFile> | null
  if (!t || typeof t !== 'object' || t.id !== 'source-ratings') fail('not a source-ratings table (id must be "source-ratings")')
  for (const field of ['list', 'source', 'citation', 'shortCitation', 'licence', 'derivedAt'] as const) {
    if (typeof t![field] !== 'string' || !t![field]) fail(`${field} must be a non-empty string`)
  }
  const b = t!.bands
  if (!b || !(b.low > 0 && b.low < b.high && b.high < 1)) fail('bands must satisfy 0 < low < high < 1')
  if (!t!.ratings || typeof t!.ratings !== 'object' || Array.isArray(t!.ratings)) fail('ratings must be an object of domain → score')
  const entries = new Map<string, ListEntry>()
  for (const [key, score] of Object.entries(t!.ratings!)) {
    if (typeof score !== 'number' || !(score >= 0 && score <= 1)) fail(`rating of ${key} must be a number from 0 to 1`)
    entries.set(key, { score })
  }
  if (t!.count !== entries.size) fail(`count ${t!.count} differs from the ${entries.size} ratings`)
  const { ratings: _ratings, ...header } = t as RatingsTableFile
  return { header, list: { name: header.list, citation: header.shortCitation, entries } }
}

const loaded = new Map<string, RatingsTable>()

/** The shipped table (or the table at `path`), read and validated once per path. */
export function loadRatingsTable(path = defaultTablePath()): RatingsTable {
  let table = loaded.get(path)
  if (!table) {
    let parsed: unknown
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'))
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message
      throw new FactsiftError('E_CONFIG', `cannot read the source-ratings table ${path}: ${reason}`)
    }
    table = ratingsTableFromJSON(parsed, path)
    loaded.set(path, table)
  }
  return table
}
