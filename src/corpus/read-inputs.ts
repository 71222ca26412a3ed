// Streams reference articles out of files, folders, JSONL, CSV/TSV, JSON, text, Markdown and HTML, with the place of each problem.
import { createReadStream, readdirSync, statSync, type Stats } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { createInterface } from 'node:readline'
import type { CorpusArticle } from '../store/corpus-repository.js'
import { FactsiftError } from '../errors.js'
import { parseCsv } from '../util/csv.js'
import { readSourceLine } from '../ingest/text-title.js'
import { articleFromRecord, buildArticle, BadArticle, type ArticleDefaults } from './article-record.js'

/** One item read: an article, or a problem with where it happened ("feed.jsonl:12", "dump.json item 3"). */
export type CorpusItem = { article: CorpusArticle; where: string; problem?: undefined } | { problem: string; where: string; article?: undefined }

export interface ReadInputsOptions extends ArticleDefaults {
  /** Largest file read whole (JSON, text, HTML); streamed formats (JSONL, CSV) have no limit. */
  maxBytes: number
  /** Read for input '-' (JSONL); defaults to process.stdin. */
  stdin?: NodeJS.ReadableStream
}

const READERS: Record<string, (path: string, options: ReadInputsOptions) => AsyncGenerator<CorpusItem>> = {
  '.jsonl': readJsonLines,
  '.ndjson': readJsonLines,
  '.csv': (path, options) => readDelimited(path, ',', options),
  '.tsv': (path, options) => readDelimited(path, '\t', options),
  '.json': readJsonFile,
  '.txt': readTextFile,
  '.text': readTextFile,
  '.md': readTextFile,
  '.html': readHtmlFile,
  '.htm': readHtmlFile,
}

/** The file types `corpus add` reads, by extension. */
export const CORPUS_EXTENSIONS: readonly string[] = Object.keys(READERS)

/**
 * Articles from each input in order: a file (by extension), a folder (its supported files, recursively, sorted), or
 * '-' for JSON lines on stdin. A missing input or an unsupported named file throws before anything is read.
 */
export async function* readCorpusInputs(inputs: readonly string[], options: ReadInputsOptions): AsyncGenerator<CorpusItem> {
  const files = inputs.flatMap((input) => expandInput(input))
  for (const file of files) {
    if (file === '-') yield* readLines(options.stdin ?? process.stdin, 'stdin', options)
    else yield* READERS[extname(file).toLowerCase()]!(file, options)
  }
}

function expandInput(input: string): string[] {
  if (input === '-') return ['-']
  let stats: Stats
  try {
    stats = statSync(input)
  } catch {
    throw new FactsiftError('E_INPUT_NOT_FOUND', `${input} does not exist or cannot be read`)
  }
  if (stats.isDirectory()) return walk(input)
  if (!READERS[extname(input).toLowerCase()]) {
    throw new FactsiftError('E_UNSUPPORTED_TYPE', `${input}: unsupported file type; use ${CORPUS_EXTENSIONS.join(', ')} or a folder`)
  }
  return [input]
}

function walk(dir: string): string[] {
  const files: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) files.push(...walk(path))
    else if (entry.isFile() && READERS[extname(entry.name).toLowerCase()]) files.push(path)
  }
  return files
}

function item(where: string, make: () => CorpusArticle): CorpusItem {
  try {
    return { article: make(), where }
  } catch (error) {
    if (error instanceof BadArticle || error instanceof FactsiftError) return { problem: error.message, where }
    throw error
  }
}

async function* readJsonLines(path: string, options: ReadInputsOptions): AsyncGenerator<CorpusItem> {
  yield* readLines(createReadStream(path, { encoding: 'utf8' }), path, options)
}

async function* readLines(stream: NodeJS.ReadableStream, name: string, options: ReadInputsOptions): AsyncGenerator<CorpusItem> {
  let line = 0
  for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
    line += 1
    const trimmed = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim()
    if (!trimmed) continue
    yield item(`${name}:${line}`, () => {
      let parsed: unknown
      try {
        parsed = JSON.parse(trimmed)
      } catch (error) {
        throw new BadArticle(`not valid JSON (${(error as Error).message})`)
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new BadArticle('expected a JSON object per line')
      return articleFromRecord(parsed as Record<string, unknown>, options)
    })
  }
}

async function* readDelimited(path: string, delimiter: string, options: ReadInputsOptions): AsyncGenerator<CorpusItem> {
  let header: string[] | null = null
  for await (const record of parseCsv(createReadStream(path, { encoding: 'utf8' }), { delimiter })) {
    const where = `${path}:${record.line}`
    if (record.error !== undefined) {
      yield { problem: record.error, where }
      continue
    }
    if (header === null) {
      header = record.fields.map((name) => name.trim())
      continue
    }
    const fields = record.fields
    const columns = header
    yield item(where, () => {
      if (fields.length !== columns.length) throw new BadArticle(`expected ${columns.length} fields, found ${fields.length}`)
      return articleFromRecord(Object.fromEntries(columns.map((name, k) => [name, fields[k]])), options)
    })
  }
}

async function readWhole(path: string, options: ReadInputsOptions): Promise<string> {
  const size = statSync(path).size
  if (size > options.maxBytes) throw new BadArticle(`file is ${size} bytes, more than the ${options.maxBytes}-byte limit`)
  return (await readFile(path, 'utf8')).replace(/^\uFEFF/, '')
}

async function* readJsonFile(path: string, options: ReadInputsOptions): AsyncGenerator<CorpusItem> {
  let parsed: unknown
  try {
    parsed = JSON.parse(await readWhole(path, options))
  } catch (error) {
    yield { problem: error instanceof BadArticle ? error.message : `not valid JSON (${(error as Error).message})`, where: path }
    return
  }
  const container = parsed as Record<string, unknown> | null
  const list = Array.isArray(parsed) ? parsed : ['articles', 'items', 'data'].map((k) => container?.[k]).find(Array.isArray)
  if (!list) {
    yield item(path, () => {
      if (!container || typeof container !== 'object') throw new BadArticle('expected an article object, an array of them, or { "articles": [...] }')
      return articleFromRecord(container, options)
    })
    return
  }
  for (let k = 0; k < list.length; k++) {
    const entry = list[k]
    yield item(`${path} item ${k + 1}`, () => {
      if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new BadArticle('expected an article object')
      return articleFromRecord(entry as Record<string, unknown>, options)
    })
  }
}

/** Plain text or Markdown: optional `---` front matter (title, url, outlet, date), then the title line, then the body. */
async function* readTextFile(path: string, options: ReadInputsOptions): AsyncGenerator<CorpusItem> {
  let text: string
  try {
    text = (await readWhole(path, options)).replace(/\r\n?/g, '\n')
  } catch (error) {
    yield { problem: (error as Error).message, where: path }
    return
  }
  yield item(path, () => {
    const meta: Record<string, string> = {}
    const front = /^---\n([\s\S]*?)\n---\n/.exec(text)
    let rest = text
    if (front) {
      for (const line of front[1]!.split('\n')) {
        const pair = /^\s*([\w-]+)\s*:\s*(.*?)\s*$/.exec(line)
        if (pair) meta[pair[1]!] = pair[2]!.replace(/^["']|["']$/g, '')
      }
      rest = text.slice(front[0].length)
    }
    rest = rest.replace(/^\s+/, '')
    const newline = rest.indexOf('\n')
    const hasTitleLine = !('title' in meta) && newline > 0
    const record: Record<string, unknown> = { ...meta }
    const firstLine = hasTitleLine ? rest.slice(0, newline).replace(/^#+\s*/, '') : ''
    // 'Headline. Source: Outlet' (or a bare 'Source: Outlet' line) names the publisher, as in analyzed articles.
    const sourced = readSourceLine(firstLine)
    if (sourced && !('outlet' in meta) && !('source' in meta)) record.outlet = sourced.source
    record.title = meta.title ?? (sourced ? sourced.title ?? undefined : firstLine || undefined)
    record.body = hasTitleLine ? rest.slice(newline + 1) : rest
    return articleFromRecord(record, options)
  })
}

async function* readHtmlFile(path: string, options: ReadInputsOptions): AsyncGenerator<CorpusItem> {
  let html: string
  try {
    html = await readWhole(path, options)
  } catch (error) {
    yield { problem: (error as Error).message, where: path }
    return
  }
  const { extractArticle } = await import('../ingest/html-extract.js')
  yield item(path, () => {
    const { text, meta } = extractArticle(html)
    const body = meta.title && text.startsWith(meta.title) ? text.slice(meta.title.length) : text
    return buildArticle({ title: meta.title, body, url: meta.url, outlet: meta.outlet, publishedAt: meta.publishedAt }, options)
  })
}
