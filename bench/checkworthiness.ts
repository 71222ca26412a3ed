// Benchmark: model load time and the cost of scoring an ~800-word article's sentences, beyond annotate (target ≤ 0.5 ms).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { annotate } from '../src/nlp/annotate.js'
import { normalizeText } from '../src/document/normalize.js'
import { readNewsPassages } from '../training/checkworthiness/news-passages.js'
import { validateCheckworthinessModel } from '../src/analyzers/checkworthiness/model.js'
import { createScorer } from '../src/analyzers/checkworthiness/scorer.js'
import { rankClaims } from '../src/analyzers/checkworthiness/claims.js'
import { lengthBaselineScores } from '../training/checkworthiness/evaluate.js'

const modelPath = fileURLToPath(new URL('../models/checkworthiness.json', import.meta.url))
const newsDir = fileURLToPath(new URL('../test/fixtures/checkworthiness/news/', import.meta.url))

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

function time(runs: number, fn: () => void): number {
  for (let i = 0; i < Math.min(50, runs); i++) fn()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    fn()
    samples.push(performance.now() - t)
  }
  return median(samples)
}

// 1. Load: read + parse + validate + prepare dense weights, first time in this process (cold).
let t = performance.now()
const raw = JSON.parse(readFileSync(modelPath, 'utf8'))
const parsedMs = performance.now() - t
const scorer = createScorer(validateCheckworthinessModel(raw))
const loadMs = performance.now() - t
const sizeKb = readFileSync(modelPath).length / 1024

// 2. An article of about 800 words: our own news passages, concatenated in order.
let text = ''
for (const passage of readNewsPassages(newsDir)) {
  if (text.split(/\s+/).length >= 800) break
  text += (text ? '\n\n' : '') + passage.text
}
text = normalizeText(text)
const words = text.split(/\s+/).length
const doc = annotate({ text, meta: { title: null, url: null, outlet: null, publishedAt: null, byline: null, language: 'en' }, warnings: [] })

const runs = Number(process.env.BENCH_RUNS ?? 500)
const annotateMs = time(Math.max(20, Math.floor(runs / 10)), () => annotate({ ...doc, text }))
const scoreMs = time(runs, () => scorer.scoreUnits(doc, doc.sentences))
const claimsMs = time(runs, () => rankClaims(doc, scorer))
const baselineMs = time(runs, () => lengthBaselineScores(doc.sentences.map((s) => text.slice(s.start, s.end))))

const lines = [
  `checkworthiness bench (node ${process.version}, one core, median of ${runs} runs)`,
  `model file: ${sizeKb.toFixed(0)} KB; load (read + parse + validate + dense weights): ${loadMs.toFixed(1)} ms (parse ${parsedMs.toFixed(1)} ms)  [target < 200 ms]`,
  `article: ${words} words, ${doc.sentences.length} sentences`,
  `annotate (reference):            ${annotateMs.toFixed(3)} ms`,
  `score sentences (features+model): ${scoreMs.toFixed(3)} ms  = ${(scoreMs / annotateMs * 100).toFixed(1)}% of annotate  [target ≤ 0.5 ms]`,
  `claims (score + demote + sort):  ${claimsMs.toFixed(3)} ms`,
  `baseline (length scores):        ${baselineMs.toFixed(3)} ms  → scoring is ${(scoreMs / baselineMs).toFixed(1)}× the trivial baseline`,
]
process.stdout.write(`${lines.join('\n')}\n`)
