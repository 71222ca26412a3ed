// bench:alternate — before/after figures on a VM whose speed drifts by tens of percent within minutes: runs
// `bench/analyze.ts --json` in two (or more) built checkouts in turn, N rounds, and prints each checkout's medians and
// ranges. Also prints articles/s scaled to one machine speed: each run's rate × (reference tokens/s ÷ that run's wink
// default-pass tokens/s), which removes most of the drift that the raw rate carries.
// Usage: npx tsx bench/alternate.ts --dirs /path/before,/path/after [--pairs 6] [--reference 595891] [--json]
// A checkout of an earlier commit: git worktree add /tmp/before <commit> && cd /tmp/before && npm ci && npm run build
import { spawnSync } from 'node:child_process'
import { hasFlag, numberOption, stringOption } from './args.js'

interface AnalyzeFigures {
  analyzeArticlesPerSecond: number
  analyzeMsPerArticle: number
  winkDefaultPassTokensPerSecond: number
  costRatioAnalyzeToWinkDefaultPass: number
  ingestMsPerArticle: number
  annotateMsPerArticle: number
  analyzerMsPerArticle: Record<string, number>
  cliColdStartMedianMs: number
  cliAnalyzeExampleMedianWallMs: number
  cliAnalyzeExampleMedianCpuMs: number
}

const dirs = stringOption('dirs', '').split(',').filter(Boolean)
if (dirs.length < 2) throw new Error('--dirs needs two or more checkouts, comma-separated')
const pairs = numberOption('pairs', 6)
const reference = numberOption('reference', 595891)
const runs = new Map<string, AnalyzeFigures[]>(dirs.map((dir) => [dir, []]))

for (let round = 0; round < pairs; round++) {
  for (const dir of dirs) {
    const run = spawnSync('npx', ['tsx', 'bench/analyze.ts', '--json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 })
    if (run.status !== 0) throw new Error(`bench/analyze.ts failed in ${dir}: ${run.stderr}`)
    const json = run.stdout.slice(run.stdout.indexOf('{'))
    runs.get(dir)!.push(JSON.parse(json) as AnalyzeFigures)
    if (!hasFlag('json')) process.stderr.write(`round ${round + 1}/${pairs} ${dir} done\n`)
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
const summary = (values: number[]) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) })

const result = dirs.map((dir) => {
  const r = runs.get(dir)!
  const pick = (f: (x: AnalyzeFigures) => number) => summary(r.map(f))
  return {
    dir,
    runs: r.length,
    articlesPerSecond: pick((x) => x.analyzeArticlesPerSecond),
    articlesPerSecondScaled: pick((x) => (x.analyzeArticlesPerSecond * reference) / x.winkDefaultPassTokensPerSecond),
    ratioToWinkDefaultPass: pick((x) => x.costRatioAnalyzeToWinkDefaultPass),
    winkTokensPerSecond: pick((x) => x.winkDefaultPassTokensPerSecond),
    msPerArticle: pick((x) => x.analyzeMsPerArticle),
    ingestMs: pick((x) => x.ingestMsPerArticle),
    annotateMs: pick((x) => x.annotateMsPerArticle),
    analyzerMs: Object.fromEntries(Object.keys(r[0]!.analyzerMsPerArticle).map((id) => [id, median(r.map((x) => x.analyzerMsPerArticle[id] ?? 0))])),
    versionColdMs: pick((x) => x.cliColdStartMedianMs),
    analyzeColdWallMs: pick((x) => x.cliAnalyzeExampleMedianWallMs),
    analyzeColdCpuMs: pick((x) => x.cliAnalyzeExampleMedianCpuMs),
  }
})

if (hasFlag('json')) console.log(JSON.stringify(result, null, 2))
else {
  const fmt = (s: { median: number; min: number; max: number }, digits = 2) =>
    `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`
  console.log(`bench:alternate — bench/analyze.ts in turn, ${pairs} rounds; medians (ranges)`)
  for (const r of result) {
    console.log(`${r.dir} (${r.runs} runs)`)
    console.log(`  articles/s ${fmt(r.articlesPerSecond, 0)}; scaled to wink ${reference} tokens/s: ${fmt(r.articlesPerSecondScaled, 0)} (target ≥ 250)`)
    console.log(`  ratio to wink's default pass ${fmt(r.ratioToWinkDefaultPass)} (target ≤ 3.5); wink tokens/s ${fmt(r.winkTokensPerSecond, 0)}`)
    console.log(`  ms/article ${fmt(r.msPerArticle)}: ingest ${fmt(r.ingestMs)}, annotate ${fmt(r.annotateMs)}`)
    console.log(`  analyzers (median ms/article): ${Object.entries(r.analyzerMs).map(([id, ms]) => `${id} ${ms.toFixed(3)}`).join(', ')}`)
    console.log(`  factsift --version ${fmt(r.versionColdMs, 0)} ms; factsift analyze (example) ${fmt(r.analyzeColdWallMs, 0)} ms wall, ${fmt(r.analyzeColdCpuMs, 0)} ms CPU`)
  }
}
