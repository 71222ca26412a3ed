// Streams batch items from JSONL, CSV/TSV or a directory of .txt/.html files, never holding the whole input.
import { createReadStream, statSync, readdirSync, openSync, readSync, closeSync } from 'node:fs'
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

/**
 * The input's format: a directory; by extension (.csv, .tsv/.tab, .jsonl/.ndjson/.json); else by content: JSON lines
 * when the first character is `{`, CSV or TSV when the first line is a header naming a known column. Anything else
 * (`batch article.txt`) is E_UNSUPPORTED_TYPE: a text file is one article, not a list of them.
 */
export function detectFormat(path: string, columns: ColumnMap = DEFAULT_COLUMNS): BatchInputFormat {
  let isDirectory: boolean
  try {
    isDirectory = statSync(path).isDirectory()
  } catch {
    throw new FactsiftError('E_INPUT_NOT_FOUND', `cannot read ${path}`)
  }
  if (isDirectory) return 'dir'
  const ext = extname(path).toLowerCase()
  if (ext === '.csv') return 'csv'
  if (ext === '.tsv' || ext === '.tab') return 'tsv'
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return 'jsonl'
  const sniffed = sniffFormat(readStart(path), columns)
  if (sniffed) return sniffed
  throw new FactsiftError(
    'E_UNSUPPORTED_TYPE',
    `cannot tell the format of ${path}: it is neither JSON lines (one {"text": …} object per line) nor CSV/TSV with a header ` +
      `naming a column (${Object.values(columns).join(', ')}). To analyze one article run \`factsift analyze ${path}\`; ` +
      'for many, give a .jsonl, .csv or .tsv file, a directory of .txt/.html files, or --format',
  )
}

/** The format the first bytes show, or null. */
export function sniffFormat(start: string, columns: ColumnMap = DEFAULT_COLUMNS): BatchInputFormat | null {
  const text = start.replace(/^\uFEFF/, '')
  const first = text.trimStart()
  if (first.startsWith('{')) return 'jsonl'
  const header = (first.split(/\r?\n/, 1)[0] ?? '').trim()
  const known = new Set(Object.values(columns))
  const names = (delimiter: string) => header.split(delimiter).map((name) => name.trim().replace(/^"(.*)"$/, '$1'))
  if (header.includes('\t') && names('\t').some((name) => known.has(name))) return 'tsv'
  if (header.includes(',') && names(',').some((name) => known.has(name))) return 'csv'
  return null
}

function readStart(path: string): string {
  const fd = openSync(path, 'r')
  try {
    const buffer = Buffer.alloc(64 * 1024)
    const read = readSync(fd, buffer, 0, buffer.length, 0)
    return buffer.subarray(0, read).toString('utf8')
  } finally {
    closeSync(fd)
  }
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
