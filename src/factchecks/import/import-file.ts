// Imports one fact-check file of any supported format into the store, streamed in batches, bad rows reported and skipped.
import { createReadStream } from 'node:fs'
import { extname, basename } from 'node:path'
import { FactsiftError } from '../../errors.js'
import type { FactCheckRecord, FactCheckRepository } from '../../store/factcheck-repository.js'
import { InvalidRecordError, toFactCheckRecord, type FactCheckFields } from '../record.js'
import { extractFactChecks, hasUnresolvedReference, isOtherNode, typesOf, type NodeLookup } from './claimreview.js'
import { CLEF_COLUMNS, isClefHeader, resolveColumns, rowToFields, type ColumnFlags, type ColumnMap } from './columns.js'
import { CsvStructureError, readCsvStream } from '../../util/csv.js'
import { extractJsonLd } from './html-jsonld.js'
import { JsonStructureError, splitJsonStream } from './json-stream.js'
import { detectFormat, IMPORT_FORMATS, type ImportFormat } from './detect-format.js'
import { peekChunks, splitLines } from './chunks.js'

export { IMPORT_FORMATS, type ImportFormat }

export interface ImportOptions {
  /** Default 'auto': from the file extension, then from the first bytes. */
  format?: ImportFormat | 'auto'
  /** CSV/TSV: which column holds which field (header name or 1-based number). */
  columns?: ColumnFlags
  /** CSV/TSV delimiter; default ',' for csv and tab for tsv/clef. */
  delimiter?: string
  /** Values for fields a file leaves empty (e.g. the fact-checker of a CSV export). */
  defaults?: { factChecker?: string; language?: string; claimant?: string }
  /** Records per transaction (default 2000). */
  batchSize?: number
  /** Problems listed individually in the summary (default 100); the rest are only counted. */
  maxListedProblems?: number
  /** Largest HTML page read whole (default 50 MB); other formats are streamed. */
  maxHtmlBytes?: number
}

export interface ImportProblem {
  line: number
  message: string
}

export interface ImportSummary {
  file: string
  format: ImportFormat
  /** Fact-checks read from the file (valid or not). */
  read: number
  inserted: number
  updated: number
  unchanged: number
  skipped: number
  problems: ImportProblem[]
  problemsNotListed: number
  /** Set when the file's structure broke (unbalanced JSON, unclosed quote): nothing after that line was read. */
  aborted: string | null
  durationMs: number
}

/** An async source of text chunks plus its display name. */
export interface ImportSource {
  name: string
  chunks: AsyncIterable<string>
}

/** Opens `path` ('-' for stdin) as UTF-8 chunks of 1 MiB. */
export function openSource(path: string): ImportSource {
  if (path === '-') {
    process.stdin.setEncoding('utf8')
    return { name: 'stdin', chunks: process.stdin as AsyncIterable<string> }
  }
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })
  async function* chunks(): AsyncGenerator<string> {
    try {
      for await (const chunk of stream) yield chunk as string
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
        throw new FactsiftError('E_INPUT_NOT_FOUND', `cannot read ${path}: ${code}`)
      }
      throw error
    }
  }
  return { name: path, chunks: chunks() }
}

/** Imports the file at `path` ('-' = stdin) into `repo`; returns the counts and the problems with their line numbers. */
export async function importFactChecks(repo: FactCheckRepository, path: string, options: ImportOptions = {}): Promise<ImportSummary> {
  return importFactCheckSource(repo, openSource(path), options, extname(basename(path)).toLowerCase())
}

/** Same as importFactChecks, from any chunk source (tests, stdin, generated data). */
export async function importFactCheckSource(
  repo: FactCheckRepository,
  source: ImportSource,
  options: ImportOptions = {},
  extension = '',
): Promise<ImportSummary> {
  const started = performance.now()
  const { head, chunks } = await peekChunks(source.chunks)
  const format = options.format && options.format !== 'auto' ? options.format : detectFormat(extension, head)
  const batchSize = options.batchSize ?? 2000
  const maxListed = options.maxListedProblems ?? 100
  const summary: ImportSummary = {
    file: source.name,
    format,
    read: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    problems: [],
    problemsNotListed: 0,
    aborted: null,
    durationMs: 0,
  }
  let batch: FactCheckRecord[] = []

  const problem = (line: number, message: string) => {
    summary.skipped++
    if (summary.problems.length < maxListed) summary.problems.push({ line, message })
    else summary.problemsNotListed++
  }
  const flush = async () => {
    if (batch.length === 0) return
    const counts = await repo.upsertMany(batch)
    summary.inserted += counts.inserted
    summary.updated += counts.updated
    summary.unchanged += counts.unchanged ?? batch.length - counts.inserted - counts.updated
    batch = []
  }
  const add = async (line: number, fields: FactCheckFields) => {
    summary.read++
    const d = options.defaults
    if (d) {
      fields.factChecker ??= d.factChecker ?? null
      fields.language ??= d.language ?? null
      fields.claimant ??= d.claimant ?? null
    }
    try {
      batch.push(toFactCheckRecord(fields))
    } catch (error) {
      if (!(error instanceof InvalidRecordError)) throw error
      problem(line, error.message)
      return
    }
    if (batch.length >= batchSize) await flush()
  }
  const addValue = async (line: number, value: unknown, emptyIsProblem: boolean, lookup?: NodeLookup) => {
    const found = extractFactChecks(value, lookup)
    if (found.length === 0) {
      if (emptyIsProblem && !isOtherNode(value)) {
        summary.read++
        problem(line, 'no ClaimReview or fact-check record in this element')
      }
      return
    }
    for (const fields of found) await add(line, fields)
  }

  try {
    switch (format) {
      case 'json':
        await importJson(chunks, addValue, problem)
        break
      case 'jsonl':
        for await (const lines of splitLines(chunks)) {
          for (const { line, text } of lines) {
            if (!text.trim()) continue
            let value: unknown
            try {
              value = JSON.parse(text)
            } catch (error) {
              summary.read++
              problem(line, `invalid JSON: ${(error as Error).message}`)
              continue
            }
            await addValue(line, value, true)
          }
        }
        break
      case 'html': {
        const html = await readAll(chunks, options.maxHtmlBytes ?? 50 * 1024 * 1024, source.name)
        const blocks = extractJsonLd(html)
        for (const block of blocks) {
          if (block.error !== undefined) problem(block.line, block.error)
          else await addValue(block.line, block.value, false)
        }
        break
      }
      case 'csv':
      case 'tsv':
      case 'clef':
        await importDelimited(chunks, format, options, add, problem)
        break
    }
  } catch (error) {
    if (error instanceof JsonStructureError || error instanceof CsvStructureError) {
      summary.aborted = `line ${error.line}: ${error.message}`
    } else {
      throw error
    }
  }
  await flush()
  summary.durationMs = performance.now() - started
  return summary
}

type AddValue = (line: number, value: unknown, emptyIsProblem: boolean, lookup?: NodeLookup) => Promise<void>
type AddFields = (line: number, fields: FactCheckFields) => Promise<void>
type Problem = (line: number, message: string) => void

const MAX_DEFERRED = 100_000

async function importJson(chunks: AsyncIterable<string>, addValue: AddValue, problem: Problem): Promise<void> {
  // A streamed @graph may reference a Claim or Organization node that comes later: index @id nodes, and hold back
  // the ClaimReviews that point at unknown ones until the end.
  const nodes = new Map<string, Record<string, unknown>>()
  const lookup = (id: string) => nodes.get(id)
  const deferred: { line: number; value: Record<string, unknown> }[] = []
  for await (const items of splitJsonStream(chunks)) {
    for (const item of items) {
      if (item.error !== undefined) {
        problem(item.line, item.error)
        continue
      }
      const value = item.value
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        const node = value as Record<string, unknown>
        const isReview = typesOf(node).includes('ClaimReview')
        if (!isReview && typeof node['@id'] === 'string') {
          if (nodes.size < MAX_DEFERRED) nodes.set(node['@id'], node)
          if (extractFactChecks(node).length === 0) continue
        }
        if (isReview && hasUnresolvedReference(node, lookup) && deferred.length < MAX_DEFERRED) {
          deferred.push({ line: item.line, value: node })
          continue
        }
      }
      await addValue(item.line, value, true)
    }
  }
  for (const { line, value } of deferred) await addValue(line, value, true, lookup)
}

async function importDelimited(
  chunks: AsyncIterable<string>,
  format: 'csv' | 'tsv' | 'clef',
  options: ImportOptions,
  add: AddFields,
  problem: Problem,
): Promise<void> {
  const delimiter = options.delimiter ?? (format === 'csv' ? ',' : '\t')
  let map: ColumnMap | null = null
  let width = 0
  let factChecker: string | null = null
  for await (const rows of readCsvStream(chunks, delimiter)) {
    for (const row of rows) {
      if (!map) {
        const clef = format === 'clef' || (format === 'tsv' && !options.columns && isClefHeader(row.fields))
        map = clef ? CLEF_COLUMNS : resolveColumns(row.fields, options.columns)
        // CLEF CheckThat! 2020 verified claims all come from Snopes; --fact-checker can say otherwise.
        if (clef && !options.defaults?.factChecker) factChecker = 'Snopes'
        width = row.fields.length
        continue
      }
      if (row.fields.length !== width) {
        problem(row.line, `expected ${width} columns, found ${row.fields.length}`)
        continue
      }
      const fields = rowToFields(row.fields, map)
      if (factChecker) fields.factChecker ??= factChecker
      await add(row.line, fields)
    }
  }
}

async function readAll(chunks: AsyncIterable<string>, maxBytes: number, name: string): Promise<string> {
  const parts: string[] = []
  let size = 0
  for await (const chunk of chunks) {
    size += chunk.length
    if (size > maxBytes) throw new FactsiftError('E_INPUT_TOO_LARGE', `${name} is larger than ${maxBytes} bytes for an HTML page`)
    parts.push(chunk)
  }
  return parts.join('')
}
