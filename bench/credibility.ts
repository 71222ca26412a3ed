// bench:credibility — what the credibility model adds per article on top of the analyzers it reads, on one core.
// Usage: npm run bench:credibility -- [--articles 200] [--words 800] [--models <dir>] [--json]
import { createEngine } from '../src/engine/engine.js'
import { createModelLoader } from '../src/models/loader.js'
import { assessRisk } from '../src/analyzers/credibility/credibility.js'
import { analyzersById } from '../training/credibility/extract.js'
import { loadCredibilityModel } from '../src/analyzers/credibility/load-model.js'
import { FEATURES } from '../src/analyzers/credibility/features.js'
import type { Report } from '../src/report/types.js'
import { generateArticle } from './generate-article.js'

const args = process.argv.slice(2)
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? Number(args[i + 1]) : fallback
}
const count = flag('articles', 200)
const words = flag('words', 800)
const modelsAt = args.indexOf('--models')
const model = loadCredibilityModel(modelsAt >= 0 ? createModelLoader(args[modelsAt + 1]) : createModelLoader())
// The analyzers the shipped model was trained with (its manifest lists them), without credibility itself.
const analyzers = await analyzersById(model.analyzers ?? ['style', 'hedging'])
const engine = createEngine({ analyzers })
const articles = Array.from({ length: count }, (_, i) => generateArticle(i + 1, words))

const reports: Report[] = []
let pipelineMs = 0
for (const text of articles) {
  const started = performance.now()
  reports.push(await engine.analyze({ text }))
  pipelineMs += performance.now() - started
}
const present = new Set(analyzers.map((a) => a.id).filter((id) => FEATURES.some((f) => f.needs?.includes(id))))

// Warm up the JIT, then time assessRisk (features + score + reasons) over every report, several rounds.
for (const report of reports.slice(0, 50)) assessRisk(model, report, present)
// CPU time (process.cpuUsage) is the headline: on a shared machine wall time also counts waiting for a core.
const rounds = 5
const perArticle: number[] = []
const cpuStart = process.cpuUsage()
const wallStart = performance.now()
for (let round = 0; round < rounds; round++) {
  for (const report of reports) {
    const started = performance.now()
    assessRisk(model, report, present)
    perArticle.push(performance.now() - started)
  }
}
const wallMean = (performance.now() - wallStart) / (rounds * reports.length)
const cpu = process.cpuUsage(cpuStart)
const cpuMean = (cpu.user + cpu.system) / 1000 / (rounds * reports.length)
perArticle.sort((a, b) => a - b)
const quantile = (q: number) => perArticle[Math.min(perArticle.length - 1, Math.floor(q * perArticle.length))]!
const meanWords = reports.reduce((s, r) => s + r.document.wordCount, 0) / reports.length
const result = {
  articles: count,
  meanWords: Math.round(meanWords),
  model: { variant: (model.metrics as { variant?: string }).variant ?? 'unknown', ngrams: model.ngrams !== null },
  analyzers: analyzers.map((a) => a.id),
  credibilityMs: { cpuMean: round(cpuMean), wallMean: round(wallMean), wallP50: round(quantile(0.5)), wallP95: round(quantile(0.95)) },
  pipelineMsPerArticle: round(pipelineMs / count),
  ratioToPipeline: round(wallMean / (pipelineMs / count), 4),
  targetMs: 0.5,
  withinTarget: cpuMean <= 0.5,
}
if (args.includes('--json')) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
} else {
  process.stdout.write(
    [
      `credibility model (${result.model.variant}${result.model.ngrams ? ', with n-grams' : ''}) on ${count} generated articles of ~${result.meanWords} words, one core`,
      `  adds ${result.credibilityMs.cpuMean} ms CPU per article; target ≤ ${result.targetMs} ms: ${result.withinTarget ? 'met' : 'NOT met'}`,
      `  wall: mean ${result.credibilityMs.wallMean} ms, p50 ${result.credibilityMs.wallP50}, p95 ${result.credibilityMs.wallP95} (includes waiting for a core on a busy machine)`,
      `  the pipeline it reads (ingest, annotate, ${result.analyzers.join(', ')}) takes ${result.pipelineMsPerArticle} ms wall per article`,
      `  ratio credibility / pipeline (wall, same run): ${result.ratioToPipeline}`,
    ].join('\n') + '\n',
  )
}

function round(x: number, digits = 3): number {
  return Number(x.toFixed(digits))
}
