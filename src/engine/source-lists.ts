// Users' source-ratings lists, shared by `factsift sources` and REST /v1/sources: parse and store a list (bad rows
// reported by line and skipped, or the first one refused in strict mode), export one, and look a domain up.
import { FactsiftError } from '../errors.js'
import { loadRatingsTable, parseRatingsList, type RatingsList, type RowProblem } from '../source-ratings/index.js'
import type { SourceListSummary, SourceRatingsRepository } from '../store/source-ratings-repository.js'

/** A list name: letters, digits, ".", "_", "-"; 1–64 characters. */
const LIST_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/

/** Throws E_BAD_ARGUMENT for a name that is malformed or the shipped table's ("lin2023"). */
export function checkListName(name: string): string {
  if (!LIST_NAME.test(name)) throw new FactsiftError('E_BAD_ARGUMENT', `a list name is 1–64 letters, digits, ".", "_" or "-" starting with a letter or digit, got "${name}"`)
  if (name === loadRatingsTable().header.list) throw new FactsiftError('E_BAD_ARGUMENT', `"${name}" is the shipped table's name; choose another list name`)
  return name
}

export interface ImportListOptions {
  name: string
  /** Shown beside each rating (default `user list "<name>"`). */
  citation?: string
  /** Default: JSON when the text starts with "[" or "{", else CSV. */
  format?: 'csv' | 'json'
  /** For messages: the file name. */
  where?: string
  /** Refuse the whole list (E_BAD_DATA_ROW) at its first bad row instead of skipping bad rows. */
  strict?: boolean
}

export interface ImportListResult {
  list: SourceListSummary
  /** Ratings stored. */
  imported: number
  /** Rows skipped, each with its 1-based line and code E_BAD_DATA_ROW. */
  problems: RowProblem[]
}

/**
 * Parses a CSV or JSON list and stores it under `name`, replacing a list of that name (which keeps its rank). Bad rows
 * are skipped and returned; a list with no good row, or any bad row under `strict`, is refused with E_BAD_DATA_ROW
 * naming the first one, and nothing is stored.
 */
export async function importSourceList(repo: SourceRatingsRepository, text: string, options: ImportListOptions): Promise<ImportListResult> {
  const name = checkListName(options.name)
  const citation = options.citation?.trim() || undefined
  const { list, problems } = parseRatingsList(text, { name, ...(citation ? { citation } : {}), ...(options.format ? { format: options.format } : {}), where: options.where ?? `list "${name}"` })
  const first = problems[0]
  if (first && (options.strict || list.entries.size === 0)) {
    throw new FactsiftError('E_BAD_DATA_ROW', options.strict ? first.message : `${first.message} (and no row could be imported)`, { line: first.line, reason: first.reason })
  }
  if (list.entries.size === 0) throw new FactsiftError('E_INPUT_EMPTY', `${options.where ?? `list "${name}"`}: no ratings in it`)
  return { list: await repo.saveList(list), imported: list.entries.size, problems }
}

/**
 * A list as CSV (`domain,rating` where rating is a 0–1 score, or the label it was given as) or JSON
 * (`{list, citation, ratings: [{domain, score} | {domain, label}]}`): both read back through `factsift sources import`.
 */
export function exportSourceList(list: RatingsList, format: 'csv' | 'json'): string {
  const rows = [...list.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  if (format === 'json') {
    const ratings = rows.map(([domain, e]) => (e.label ? { domain, label: e.label } : { domain, score: e.score }))
    return `${JSON.stringify({ list: list.name, citation: list.citation, ratings }, null, 2)}\n`
  }
  const field = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
  return `${['domain,rating', ...rows.map(([domain, e]) => `${field(domain)},${e.label ?? e.score}`)].join('\n')}\n`
}
