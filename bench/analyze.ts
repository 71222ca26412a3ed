// bench:analyze — full-pipeline throughput on one core vs. the bare tokenization pass, per-analyzer time shares,
// and CLI cold start. Usage: npm run bench:analyze -- [--articles 400] [--words 800] [--json]
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { createEngine } from '../src/engine/engine.js'
import { bareTokenize, winkDefaultPass } from '../src/nlp/wink.js'
import { generateArticle } from './generate-article.js'
import { hasFlag, numberOption } from './args.js'

const articleCount = numberOption('articles', 400)
const words = numberOption('words', 800)
const articles = Array.from({ length: articleCount }, (_, i) => generateArticle(i + 1, words))

const engine = createEngine()
// Warm up: load models and dictionaries, let the JIT settle.
for (const text of articles.slice(0, 30)) {
  await engine.analyze({ text })
  bareTokenize(text)
}

let tokens = 0
const tokenizeStart = performance.now()
for (const text of articles) tokens += bareTokenize(text)
const tokenizeMs = performance.now() - tokenizeStart

// wink's default pipeline (tokens, sentences, POS, its own entities): the "~600k tokens/s" the issue quotes.
let defaultTokens = 0
const defaultStart = performance.now()
for (const text of articles) defaultTokens += winkDefaultPass(text)
const defaultPassMs = performance.now() - defaultStart

const shares = new Map<string, number>()
let annotateMs = 0
let totalWords = 0
const analyzeStart = performance.now()
for (const text of articles) {
  const report = await engine.analyze({ text })
  totalWords += report.document.wordCount
  annotateMs += report.timings.annotateMs ?? 0
  for (const [id, ms] of Object.entries(report.timings.analyzers ?? {})) shares.set(id, (shares.get(id) ?? 0) + ms)
}
const analyzeMs = performance.now() - analyzeStart

const coldStarts: number[] = []
const bin = fileURLToPath(new URL('../bin/factsift.js', import.meta.url))
for (let i = 0; i < 7; i++) {
  const started = performance.now()
  const run = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`factsift --version failed: ${run.stderr}`)
  coldStarts.push(performance.now() - started)
}
coldStarts.sort((a, b) => a - b)

const result = {
  articles: articleCount,
  wordsPerArticle: Math.round(totalWords / articleCount),
  analyzeArticlesPerSecond: round(articleCount / (analyzeMs / 1000)),
  analyzeMsPerArticle: round(analyzeMs / articleCount),
  tokenizeTokensPerSecond: Math.round(tokens / (tokenizeMs / 1000)),
  tokenizeMsPerArticle: round(tokenizeMs / articleCount),
  costRatioAnalyzeToTokenize: round(analyzeMs / tokenizeMs),
  winkDefaultPassTokensPerSecond: Math.round(defaultTokens / (defaultPassMs / 1000)),
  costRatioAnalyzeToWinkDefaultPass: round(analyzeMs / defaultPassMs),
  annotateMsPerArticle: round(annotateMs / articleCount),
  analyzerMsPerArticle: Object.fromEntries([...shares].map(([id, ms]) => [id, round(ms / articleCount)])),
  analyzerShareOfTotal: Object.fromEntries([...shares].map(([id, ms]) => [id, `${round((ms / analyzeMs) * 100)}%`])),
  cliColdStartMedianMs: round(coldStarts[3]!),
  targets: { articlesPerSecond: '>= 200', costRatio: '<= 4', cliColdStartMs: '<= 300' },
}
if (hasFlag('json')) console.log(JSON.stringify(result, null, 2))
else {
  console.log(`bench:analyze on ${articleCount} generated articles of ~${result.wordsPerArticle} words, one core`)
  console.log(`  full analyze:      ${result.analyzeArticlesPerSecond} articles/s (${result.analyzeMsPerArticle} ms/article)`)
  console.log(`  bare tokenization: ${result.tokenizeTokensPerSecond} tokens/s (${result.tokenizeMsPerArticle} ms/article)`)
  console.log(`  wink default pass: ${result.winkDefaultPassTokensPerSecond} tokens/s (tokens, sentences, POS, wink entities)`)
  console.log(`  cost ratio analyze / bare tokenization: ${result.costRatioAnalyzeToTokenize}x`)
  console.log(`  cost ratio analyze / wink default pass: ${result.costRatioAnalyzeToWinkDefaultPass}x (target <= 4)`)
  console.log(`  annotate: ${result.annotateMsPerArticle} ms/article`)
  for (const [id, ms] of Object.entries(result.analyzerMsPerArticle)) {
    console.log(`  analyzer ${id.padEnd(20)} ${String(ms).padStart(7)} ms/article  ${result.analyzerShareOfTotal[id]}`)
  }
  console.log(`  CLI cold start (factsift --version), median of 7: ${result.cliColdStartMedianMs} ms (target <= 300)`)
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
