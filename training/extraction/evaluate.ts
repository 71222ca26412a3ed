// Evaluate HTML main-text extraction on trafilatura's evaluation set (segment metric), ours beside bare Readability.js.
// Usage: npm run eval:extraction [-- --data ../shared/data/extraction-trafilatura --split all|tune|holdout
//        --worst 20 --page FILE --json --only factsift --dump FILE.json]
// Time per page is reported as wall and as CPU milliseconds (process.cpuUsage): on a loaded machine only CPU compares.
// --dump writes every page's counts and its missed (FN) and leaked (FP) segments, for looking at the tuning part.
// The held-out part (every 5th page by file name) is for the final report only: tune with --split tune.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { hasFlag, numberOption, stringOption } from '../../bench/args.js'
import { isFactsiftError } from '../../src/errors.js'
import { decodeInput, ingestBytes } from '../../src/ingest/index.js'
import { sniffHtmlCharset } from '../../src/ingest/sniff.js'
import { addCounts, countPage, emptyCounts, heldOutFiles, normalizeSegment, scores, type Counts, type EvalItem } from './segment-metric.js'

const DATA = stringOption('data', '../shared/data/extraction-trafilatura')
const SPLIT = stringOption('split', 'all')
const WORST = numberOption('worst', 0)
const PAGE = stringOption('page', '')
const ONLY = stringOption('only', '')
const DUMP = stringOption('dump', '')
if (!['all', 'tune', 'holdout'].includes(SPLIT)) throw new Error(`--split must be all, tune or holdout, not ${SPLIT}`)

type Extractor = (bytes: Buffer) => Promise<string>

// Ingest's default limits, written out: the Limits type is moving from src/context.ts to src/ingest/limits.ts.
const LIMITS = { maxBytes: 5 * 1024 * 1024, fetchTimeoutMs: 10_000, maxRedirects: 5, allowPrivateNetwork: false }

const extractors: Record<string, Extractor> = {
  factsift: async (bytes) => (await ingestBytes(bytes, { kind: 'html', limits: LIMITS })).text,
  // The baseline: Readability.js alone over the same decoded page, its plain textContent.
  readability: async (bytes) => {
    const document = parse(decode(bytes))
    const text = new Readability(document).parse()?.textContent ?? ''
    if (!text.trim()) throw new Error('no article')
    return text
  },
}

interface PageResult {
  item: EvalItem
  counts: Counts
  error: string | null
  ms: number
  cpuMs: number
  output: string | null
}

interface Tally {
  counts: Counts
  pages: number
  ms: number
  cpuMs: number
  failures: Map<string, { withArticle: number; without: number }>
}

const all = loadItems(DATA)
const held = heldOutFiles(all.map((i) => i.file))
const parts = { all: all, tune: all.filter((i) => !held.has(i.file)), holdout: all.filter((i) => held.has(i.file)) }
const items = PAGE ? all.filter((i) => i.file === PAGE) : parts[SPLIT as keyof typeof parts]
if (PAGE && held.has(PAGE) && SPLIT !== 'holdout') throw new Error(`${PAGE} is held out: not shown while tuning`)

const pages = items.map((item) => ({ item, bytes: gunzipSync(readFileSync(join(DATA, 'html', item.file))) }))
const articlePages = new Set(pages.filter((p) => hasArticle(p.item, p.bytes)).map((p) => p.item.file))

// Warm both extractors (JIT, lazy module state) before timing.
for (const p of pages.slice(0, 5)) for (const run of Object.values(extractors)) await run(p.bytes).catch(() => null)

const results: Record<string, PageResult[]> = {}
for (const [name, run] of Object.entries(extractors)) {
  if (ONLY && name !== ONLY && !(PAGE && name === 'factsift')) continue
  results[name] = []
  for (const { item, bytes } of pages) {
    const t0 = performance.now()
    const c0 = process.cpuUsage()
    let output: string | null = null
    let error: string | null = null
    try {
      output = await run(bytes)
    } catch (e) {
      error = isFactsiftError(e) ? e.code : e instanceof Error ? e.message.slice(0, 40) : String(e)
    }
    const ms = performance.now() - t0
    const c = process.cpuUsage(c0)
    results[name].push({ item, counts: countPage(item, output), error, ms, cpuMs: (c.user + c.system) / 1000, output })
  }
}

if (PAGE) {
  const r = results.factsift![0]!
  const text = normalizeSegment(r.output ?? '')
  console.log(r.output ?? `(failed: ${r.error})`)
  console.log('\n---')
  for (const s of r.item.with) console.log(`${text.includes(normalizeSegment(s)) ? 'TP' : 'FN'}  ${s}`)
  for (const s of r.item.without) console.log(`${text.includes(normalizeSegment(s)) ? 'FP' : 'TN'}  ${s}`)
  process.exit(0)
}

const splits: Array<[string, EvalItem[]]> =
  SPLIT === 'all' ? [['all', parts.all], ['tune', parts.tune], ['held-out', parts.holdout]] : [[SPLIT, items]]
const report: Record<string, Record<string, unknown>> = {}
for (const [splitName, splitItems] of splits) {
  const files = new Set(splitItems.map((i) => i.file))
  for (const [name, list] of Object.entries(results)) {
    const t = tally(list.filter((r) => files.has(r.item.file)))
    const s = scores(t.counts)
    const failures = Object.fromEntries(t.failures)
    report[`${splitName} ${name}`] = {
      pages: t.pages,
      precision: round(s.precision),
      recall: round(s.recall),
      f1: round(s.f1),
      accuracy: round(s.accuracy),
      ...t.counts,
      failed: [...t.failures.values()].reduce((n, f) => n + f.withArticle + f.without, 0),
      failedWithArticle: [...t.failures.values()].reduce((n, f) => n + f.withArticle, 0),
      failures,
      msPerPage: round(t.ms / t.pages, 1),
      cpuMsPerPage: round(t.cpuMs / t.pages, 1),
    }
  }
}

if (hasFlag('json')) console.log(JSON.stringify(report, null, 2))
else {
  console.log(`${pages.length} pages (${articlePages.size} with an article: a 'with' segment is in the page's own text)`)
  for (const [key, r] of Object.entries(report)) {
    const f = Object.entries(r.failures as Record<string, { withArticle: number; without: number }>)
      .map(([code, n]) => `${code} ${n.withArticle}+${n.without}`)
      .join(', ')
    console.log(
      `${key.padEnd(22)} P ${r.precision} R ${r.recall} F1 ${r.f1}  failed ${r.failed} (with an article ${r.failedWithArticle}${f ? `; ${f}` : ''})  ${r.msPerPage} ms/page (CPU ${r.cpuMsPerPage})`,
    )
  }
}
if (DUMP) {
  if (SPLIT !== 'tune') throw new Error('--dump is for the tuning part only: pass --split tune')
  const missed = (r: PageResult, list: string[], found: boolean): string[] => {
    const text = normalizeSegment(r.output ?? '')
    return list.filter((s) => text.includes(normalizeSegment(s)) === found)
  }
  const dump = results.factsift!.map((r) => ({
    file: r.item.file,
    url: r.item.url,
    ...r.counts,
    error: r.error,
    cpuMs: round(r.cpuMs, 1),
    fnSegments: missed(r, r.item.with, false),
    fpSegments: missed(r, r.item.without, true),
  }))
  writeFileSync(DUMP, JSON.stringify(dump, null, 1))
}
if (WORST > 0) {
  const ours = results.factsift!
  const worst = [...ours].sort((a, b) => b.counts.fn + b.counts.fp - (a.counts.fn + a.counts.fp)).slice(0, WORST)
  for (const r of worst) console.log(`${r.item.file}  FN ${r.counts.fn} FP ${r.counts.fp}${r.error ? ` ${r.error}` : ''}`)
}

function tally(list: PageResult[]): Tally {
  const t: Tally = { counts: emptyCounts(), pages: list.length, ms: 0, cpuMs: 0, failures: new Map() }
  for (const r of list) {
    addCounts(t.counts, r.counts)
    t.ms += r.ms
    t.cpuMs += r.cpuMs
    if (r.error) {
      const f = t.failures.get(r.error) ?? { withArticle: 0, without: 0 }
      if (articlePages.has(r.item.file)) f.withArticle++
      else f.without++
      t.failures.set(r.error, f)
    }
  }
  return t
}

function loadItems(dir: string): EvalItem[] {
  const raw = JSON.parse(readFileSync(join(dir, 'evaldata.json'), 'utf8')) as Record<string, Omit<EvalItem, 'url'>>
  return Object.entries(raw)
    .map(([url, v]) => ({ url, ...v }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
}

function decode(bytes: Buffer): string {
  return decodeInput(bytes, LIMITS, { charset: sniffHtmlCharset(bytes) }).text
}

function parse(html: string): Document {
  return (parseHTML(html) as unknown as { document: Document }).document
}

// A page "has an article" when one of its `with` segments is in the text of the page itself (scripts included:
// some pages carry the article only as JSON). Pages that do not (consent walls, emptied archives) cannot score.
function hasArticle(item: EvalItem, bytes: Buffer): boolean {
  let html: string
  try {
    html = decode(bytes)
  } catch {
    // Judged on a lenient decoding: a page our decoder refuses may still hold an article.
    html = new TextDecoder('utf-8').decode(bytes).replace(/\u0000/g, '')
  }
  const text = normalizeSegment(parse(html).documentElement?.textContent ?? '')
  return item.with.some((s) => text.includes(normalizeSegment(s)))
}

function round(x: number, digits = 3): number {
  return Number(x.toFixed(digits))
}
