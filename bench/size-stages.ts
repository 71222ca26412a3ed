// bench:size --stages helper: where memory goes for one generated article of N MB. Each stage boundary forces a full
// GC and prints the live V8 heap (heapUsed), external/array-buffer memory and RSS, all as MB and × the text size.
// With --no-gc, no GC is forced: each line then shows the process's peak RSS so far (getrusage maxRSS) over the RSS
// before the article, i.e. which stage sets the high-water mark that bench:size reports.
// Each line also gives the CPU seconds the stage took (with --no-gc, GC included as the analysis would run it).
// Usage: node --expose-gc --import tsx bench/size-stages.ts [MB] [--no-gc] [--whole-wink]
import v8 from 'node:v8'
import { createEngine } from '../src/engine/engine.js'
import { generateArticle } from './generate-article.js'
import { DEFAULT_LIMITS } from '../src/ingest/limits.js'
import { ingest } from '../src/ingest/ingest.js'
import { annotate } from '../src/nlp/annotate.js'
import { getWink } from '../src/nlp/wink.js'
import { runPipeline } from '../src/engine/pipeline.js'
import { defaultAnalyzers } from '../src/analyzers/registry.js'
import type { Analyzer } from '../src/analyzers/types.js'

const mb = Number(process.argv[2] ?? 4)
if (!global.gc) throw new Error('run with --expose-gc')
const gc = global.gc
const engine = createEngine({ services: { limits: { ...DEFAULT_LIMITS, maxBytes: 200 * 1024 * 1024 } } })
await engine.analyze({ text: generateArticle(7, 800) })
const parts: string[] = []
let bytes = 0
for (let seed = 1; bytes < mb * 1024 * 1024; seed++) {
  const piece = generateArticle(seed, 2000)
  parts.push(piece)
  bytes += Buffer.byteLength(piece) + 2
}
let raw: string | undefined = parts.join('\n\n')
parts.length = 0
const textMb = Buffer.byteLength(raw) / 2 ** 20
const M = 2 ** 20
gc()
const base = v8.getHeapStatistics().used_heap_size
const baseExt = process.memoryUsage().external
let last = base
// CPU time (user + system, this process's threads: GC helpers included) spent since the previous stage line.
let lastCpu = process.cpuUsage()
function cpuSince(): string {
  const used = process.cpuUsage(lastCpu)
  lastCpu = process.cpuUsage()
  return `cpu ${((used.user + used.system) / 1e6).toFixed(2).padStart(6)} s`
}
const forceGc = !process.argv.includes('--no-gc')
const baseRss = process.memoryUsage().rss
function probe(stage: string): void {
  const before = v8.getHeapStatistics().used_heap_size
  const cpu = cpuSince()
  if (!forceGc) {
    const peak = process.resourceUsage().maxRSS * 1024
    const mu = process.memoryUsage()
    console.log(`${stage.padEnd(34)} ${cpu}, heap +${((before - base) / M).toFixed(0).padStart(5)} MB, external+ab ${((mu.external + mu.arrayBuffers) / M).toFixed(0)} MB, rss +${((mu.rss - baseRss) / M).toFixed(0)} MB, peak rss so far +${((peak - baseRss) / M).toFixed(0)} MB (${((peak - baseRss) / M / textMb).toFixed(1)}×)`)
    return
  }
  gc()
  const heap = v8.getHeapStatistics().used_heap_size
  const mu = process.memoryUsage()
  // The forced GC's own CPU is left out of the next stage's figure.
  lastCpu = process.cpuUsage()
  const line = `${stage.padEnd(34)} ${cpu}, live heap +${((heap - base) / M).toFixed(1).padStart(7)} MB (${((heap - base) / M / textMb).toFixed(1).padStart(5)}×), Δ ${((heap - last) / M).toFixed(1).padStart(7)} MB, heap before gc +${((before - base) / M).toFixed(0).padStart(5)} MB, ext +${((mu.external - baseExt) / M).toFixed(1)} ab ${(mu.arrayBuffers / M).toFixed(1)} MB, rss ${(mu.rss / M).toFixed(0)} MB`
  console.log(line)
  last = heap
}
console.log(`article ${textMb.toFixed(2)} MB (${raw.length} UTF-16 units); figures are live V8 heap after a forced full GC, over the heap before the article existed`)
probe('text built')
const doc = await ingest({ text: raw }, { ...DEFAULT_LIMITS, maxBytes: 200 * M })
raw = undefined
probe('ingested (raw text released)')
function readWhole(): void {
  const nlp = getWink()
  const wd = nlp.readDoc(doc.text)
  probe('for reference: wink readDoc of the whole text at once (held; annotate reads 64 KB slabs)')
  const toks = wd.tokens()
  const values = toks.out(nlp.its.value) as string[]
  const pos = toks.out(nlp.its.pos) as string[]
  probe('wink values+pos arrays (held)')
  console.log(`  wink tokens: ${values.length}; pos ${pos.length}`)
}
// For reference only (--whole-wink): what reading the whole text at once costs; it also leaves wink's arrays grown.
if (forceGc && process.argv.includes('--whole-wink')) {
  readWhole()
  probe('wink released (its arrays stay grown)')
}

const annotated = annotate(doc)
probe('annotated document')
console.log(`  tokens ${annotated.tokens.length}, sentences ${annotated.sentences.length}, paragraphs ${annotated.paragraphs.length}, entities ${annotated.entities.length}, mentions ${annotated.entities.reduce((n, e) => n + e.mentions.length, 0)}`)
const wrapped = defaultAnalyzers().map((a): Analyzer => ({
  ...a,
  analyze: async (d, ctx) => {
    const out = await a.analyze(d, ctx)
    probe(`after analyzer ${a.id}`)
    return out
  },
  ...(a.contribute ? { contribute: (out: unknown, draft: Parameters<NonNullable<Analyzer['contribute']>>[1], d: Parameters<NonNullable<Analyzer['contribute']>>[2]) => {
    a.contribute!(out, draft, d)
    probe(`  after ${a.id}.contribute`)
  } } : {}),
}))
const result = await runPipeline(annotated, wrapped, engine.services, { startedAt: 0, ingestMs: 0, annotateMs: 0 })
probe('report built (outputs held)')
const outputs = result.outputs as Map<string, unknown>
outputs.clear()
probe('analyzer outputs dropped')
const json = JSON.stringify(result.report)
probe('JSON serialized (held)')
console.log(`  JSON ${(json.length / M).toFixed(1)} M chars; report text field ${(result.report.document.text.length / M).toFixed(1)} M`)
