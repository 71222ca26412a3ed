// Streams batch items from JSONL, CSV/TSV or a directory of .txt/.html files, never holding the whole input.
import { createReadStream, statSync, readdirSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { extname, join, relative } from 'node:path'
import { FactsiftError } from '../errors.js'
import type { ArticleInput } from '../ingest/types.js'
import { parseCsv } from '../util/csv.js'
import { contentId, type BatchEntry } from './items.js'

/** Which input column (CSV) or field (JSONL) holds each part of an article. */
export interface ColumnMap {
  id: string
  text: string
  html: string
  url: string
  title: string
  outlet: string
  publishedAt: string
}

export const DEFAULT_COLUMNS: ColumnMap = {
  id: 'id',
  text: 'text',
  html: 'html',
  url: 'url',
  title: 'title',
  outlet: 'outlet',
  publishedAt: 'publishedAt',
}

export type BatchInputFormat = 'jsonl' | 'csv' | 'tsv' | 'dir'

/** The input's format from its path: a directory, .csv, .tsv, else JSONL. */
export function detectFormat(path: string): BatchInputFormat {
  let isDirectory: boolean
  try {
    isDirectory = statSync(path).isDirectory()
  } catch {
    throw new FactsiftError('E_INPUT_NOT_FOUND', `cannot read ${path}`)
  }
  if (isDirectory) return 'dir'
  const ext = extname(path).toLowerCase()
  return ext === '.csv' ? 'csv' : ext === '.tsv' || ext === '.tab' ? 'tsv' : 'jsonl'
}

export async function* readItems(path: string, format: BatchInputFormat, columns: ColumnMap = DEFAULT_COLUMNS): AsyncGenerator<BatchEntry> {
  if (format === 'dir') yield* readDirectory(path)
  else if (format === 'jsonl') yield* readJsonl(path, columns)
  else yield* readDelimited(path, format === 'tsv' ? '\t' : ',', columns)
}

async function* readJsonl(path: string, columns: ColumnMap): AsyncGenerator<BatchEntry> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity })
  let seq = 0
  let lineNumber = 0
  for await (const line of lines) {
    lineNumber++
    if (line.trim() === '') continue
    const where = `line ${lineNumber}`
    let row: unknown
    try {
      row = JSON.parse(line)
    } catch {
      yield badRow(seq++, where, 'E_BAD_DATA_ROW', `${where}: not valid JSON`)
      continue
    }
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      yield badRow(seq++, where, 'E_BAD_DATA_ROW', `${where}: expected a JSON object`)
      continue
    }
    yield toEntry(seq++, where, (name) => stringField((row as Record<string, unknown>)[name]), columns)
  }
}

async function* readDelimited(path: string, delimiter: string, columns: ColumnMap): AsyncGenerator<BatchEntry> {
  let header: string[] | null = null
  let seq = 0
  for await (const record of parseCsv(createReadStream(path), { delimiter })) {
    const where = `line ${record.line}`
    if (record.error !== undefined) {
      yield badRow(seq++, where, 'E_BAD_DATA_ROW', `${where}: ${record.error}`)
      continue
    }
    if (!header) {
      header = record.fields.map((f) => f.trim())
      const known = Object.values(columns)
      if (!header.some((name) => known.includes(name))) {
        throw new FactsiftError('E_BAD_ARGUMENT', `${path}: the header names none of the columns ${known.join(', ')}; map yours with --text-column etc.`)
      }
      continue
    }
    if (record.fields.length === 1 && record.fields[0] === '') continue
    const row = header
    const fields = record.fields
    yield toEntry(seq++, where, (name) => {
      const index = row.indexOf(name)
      return index >= 0 ? emptyToUndefined(fields[index]) : undefined
    }, columns)
  }
}

async function* readDirectory(path: string): AsyncGenerator<BatchEntry> {
  const files = walk(path).filter((file) => /\.(txt|text|md|html?)$/i.test(file)).sort()
  let seq = 0
  for (const file of files) {
    const name = relative(path, file)
    yield { kind: 'item', seq: seq++, id: name, where: name, input: {}, file }
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? walk(path) : entry.isFile() ? [path] : []
  })
}

function toEntry(seq: number, where: string, get: (name: string) => string | undefined, columns: ColumnMap): BatchEntry {
  const input: ArticleInput = {}
  for (const key of ['text', 'html', 'url', 'title', 'outlet', 'publishedAt'] as const) {
    const value = get(columns[key])
    if (value !== undefined) input[key] = value
  }
  const givenId = get(columns.id)
  const id = givenId ?? contentId(input)
  if (!input.text && !input.html && !input.url) {
    return { kind: 'error', seq, id, where, error: { code: 'E_BAD_DATA_ROW', message: `${where}: no ${columns.text}, ${columns.html} or ${columns.url}` } }
  }
  return { kind: 'item', seq, id, where, input }
}

function badRow(seq: number, where: string, code: string, message: string): BatchEntry {
  return { kind: 'error', seq, id: `${where}`, where, error: { code, message } }
}

function stringField(value: unknown): string | undefined {
  if (typeof value === 'string') return emptyToUndefined(value)
  if (typeof value === 'number') return String(value)
  return undefined
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value
}

/** How many items the input holds, for progress and ETA; JSONL is counted by lines without parsing. */
export async function countItems(input: string, format: BatchInputFormat, columns: ColumnMap): Promise<number> {
  if (format === 'jsonl') {
    let count = 0
    let lineHasContent = false
    for await (const chunk of createReadStream(input, { highWaterMark: 1 << 20 })) {
      // Jump from newline to newline (a native memchr): only the first bytes of each line are looked at.
      const bytes = chunk as Buffer
      let start = 0
      while (start < bytes.length) {
        const newline = bytes.indexOf(0x0a, start)
        const end = newline < 0 ? bytes.length : newline
        if (!lineHasContent) lineHasContent = hasContent(bytes, start, end)
        if (newline < 0) break
        if (lineHasContent) count++
        lineHasContent = false
        start = newline + 1
      }
    }
    return count + (lineHasContent ? 1 : 0)
  }
  let count = 0
  for await (const _ of readItems(input, format, columns)) count++
  return count
}

/** True when bytes[start, end) hold anything but blanks; stops at the first non-blank, i.e. at once for a JSON line. */
function hasContent(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const byte = bytes[i]!
    if (byte !== 0x20 && byte !== 0x0d && byte !== 0x09) return true
  }
  return false
}
