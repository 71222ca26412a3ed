// Source-ratings rows shared by the SQLite and PostgreSQL repositories: the list summary and revision statements and
// row → record.
import type { SourceListSummary } from './source-ratings-repository.js'
import type { ListEntry, RatingLabel, RatingsList } from '../source-ratings/index.js'

/** A source_lists row with its ratings count (PostgreSQL's COUNT comes back as a string). */
export interface ListRow {
  name: string
  citation: string
  position: number
  created_at: string
  updated_at: string
  count: number | string
}

export interface RatingRow {
  list_name: string
  domain: string
  score: number
  label: RatingLabel | null
}

/** Every list with its ratings count, in rank order. */
export const LIST_SUMMARIES_SQL = `SELECT l.*, (SELECT COUNT(*) FROM source_ratings r WHERE r.list_name = l.name) AS count
    FROM source_lists l ORDER BY position`
/** Every write that changes a list bumps this one counter. */
export const BUMP_REVISION_SQL = 'UPDATE source_ratings_state SET revision = revision + 1 WHERE id = 1'
export const REVISION_SQL = 'SELECT revision FROM source_ratings_state WHERE id = 1'

export function summaryOf(row: ListRow, rank: number): SourceListSummary {
  return { name: row.name, citation: row.citation, count: Number(row.count), rank, createdAt: row.created_at, updatedAt: row.updated_at }
}

export function entriesOf(rows: RatingRow[]): Map<string, ListEntry> {
  return new Map<string, ListEntry>(rows.map((r) => [r.domain, r.label ? { score: Number(r.score), label: r.label } : { score: Number(r.score) }]))
}

/** Whole lists from their summaries and all ratings rows (any order within a list is kept). */
export function listsOf(summaries: SourceListSummary[], rows: RatingRow[]): RatingsList[] {
  const byList = groupByList(rows)
  return summaries.map((s) => ({ name: s.name, citation: s.citation, entries: entriesOf(byList.get(s.name) ?? []) }))
}

function groupByList(rows: RatingRow[]): Map<string, RatingRow[]> {
  const out = new Map<string, RatingRow[]>()
  for (const row of rows) {
    const list = out.get(row.list_name)
    if (list) list.push(row)
    else out.set(row.list_name, [row])
  }
  return out
}
