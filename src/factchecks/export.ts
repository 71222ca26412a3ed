// Writes every stored fact-check as schema.org ClaimReview JSON-LD, JSON Lines or CSV, streamed record by record.
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { FactsiftError } from '../errors.js'
import type { FactCheckRecord, FactCheckRepository, NormalizedRating } from '../store/factcheck-repository.js'

export const EXPORT_FORMATS = ['claimreview', 'jsonl', 'csv'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** Columns of the CSV export; the importer recognises every one of these names. */
export const CSV_COLUMNS = ['key', 'claim', 'claimant', 'rating', 'ratingNormalized', 'factChecker', 'url', 'reviewedAt', 'language', 'title', 'externalId'] as const

/** 1–5 on schema.org's scale, so a reader that ignores our textual rating still gets the verdict. */
const RATING_VALUE: Partial<Record<NormalizedRating, number>> = { false: 1, 'mostly-false': 2, mixed: 3, 'mostly-true': 4, true: 5 }

/** One record as a schema.org ClaimReview node. */
export function toClaimReview(r: FactCheckRecord): Record<string, unknown> {
  const value = RATING_VALUE[r.ratingNormalized]
  const node: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: r.url ?? undefined,
    claimReviewed: r.claim,
    itemReviewed: { '@type': 'Claim', ...(r.claimant ? { author: { '@type': 'Thing', name: r.claimant } } : {}) },
    author: r.factChecker ? { '@type': 'Organization', name: r.factChecker } : undefined,
    reviewRating: {
      '@type': 'Rating',
      alternateName: r.rating || undefined,
      ...(value ? { ratingValue: value, bestRating: 5, worstRating: 1 } : {}),
    },
    datePublished: r.reviewedAt ?? undefined,
    inLanguage: r.language ?? undefined,
    headline: r.title ?? undefined,
    identifier: r.externalId ?? undefined,
  }
  return JSON.parse(JSON.stringify(node)) as Record<string, unknown>
}

function csvCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return ''
  return /[",\n\r]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** Streams the export of `repo` in `format` to `write`; returns the number of records written. */
export async function exportFactChecks(repo: FactCheckRepository, format: ExportFormat, write: (text: string) => void): Promise<number> {
  let n = 0
  let buffer: string[] = []
  const push = (text: string) => {
    buffer.push(text)
    if (buffer.length >= 500) {
      write(buffer.join(''))
      buffer = []
    }
  }
  if (format === 'claimreview') push('[\n')
  if (format === 'csv') push(`${CSV_COLUMNS.join(',')}\n`)
  for await (const record of repo.iterate()) {
    if (format === 'claimreview') push(`${n > 0 ? ',\n' : ''}${JSON.stringify(toClaimReview(record))}`)
    else if (format === 'jsonl') push(`${JSON.stringify({ ...record, externalId: record.externalId ?? null })}\n`)
    else push(`${CSV_COLUMNS.map((c) => csvCell(record[c] as string | null)).join(',')}\n`)
    n++
  }
  if (format === 'claimreview') push(`${n > 0 ? '\n' : ''}]\n`)
  if (buffer.length > 0) write(buffer.join(''))
  return n
}

/** Exports into `path` atomically: written to a temp file beside it, fsynced, then renamed over it. */
export async function exportFactChecksToFile(repo: FactCheckRepository, format: ExportFormat, path: string): Promise<number> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  let fd: number | undefined
  try {
    fd = openSync(temp, 'wx', 0o644)
    const out = fd
    const n = await exportFactChecks(repo, format, (text) => {
      writeSync(out, text)
    })
    fsyncSync(fd)
    closeSync(fd)
    fd = undefined
    renameSync(temp, path)
    return n
  } catch (error) {
    if (fd !== undefined) closeSync(fd)
    try {
      unlinkSync(temp)
    } catch {
      // never created, or already renamed
    }
    if (error instanceof FactsiftError) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (code) throw new FactsiftError('E_BAD_ARGUMENT', `cannot write ${path}: ${code}`)
    throw error
  }
}
