// Bench: tokens/s of wink's bare tokenization pass vs articles/s of annotate, on generated ~800-word articles.
// Run: npm run bench:annotate [-- --articles 300 --rounds 5]

import { normalizeText } from '../src/document/normalize.js'
import type { Document } from '../src/document/types.js'
import { annotate } from '../src/nlp/annotate.js'
import { bareTokenize, getBareWink, getWink } from '../src/nlp/wink.js'
import { generateArticle } from './generate-article.js'

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}

const count = option('articles', 300)
const rounds = option('rounds', 5)
const docs: Document[] = Array.from({ length: count }, (_, i) => ({
  text: normalizeText(generateArticle(i + 1)),
  meta: { title: null, url: null, outlet: null, publishedAt: null, byline: null, language: 'en' },
  warnings: [],
}))
const words = docs.reduce((n, d) => n + d.text.split(/\s+/).length, 0) / count

let t0 = performance.now()
getBareWink()
getWink()
const loadMs = performance.now() - t0

// Interleave the two passes and keep the best round of each, so that a noisy neighbour on a shared machine
// penalises both alike.
let bestBare = Infinity
let bestAnnotate = Infinity
let tokens = 0
let entities = 0
for (let round = 0; round < rounds + 1; round++) {
  t0 = performance.now()
  tokens = 0
  for (const d of docs) tokens += bareTokenize(d.text)
  const bareMs = performance.now() - t0
  t0 = performance.now()
  entities = 0
  for (const d of docs) entities += annotate(d).entities.length
  const annotateMs = performance.now() - t0
  if (round === 0) continue // warm-up
  bestBare = Math.min(bestBare, bareMs)
  bestAnnotate = Math.min(bestAnnotate, annotateMs)
}

const perArticleBare = bestBare / count
const perArticleAnnotate = bestAnnotate / count
console.log(`articles: ${count} generated, ~${words.toFixed(0)} words, ~${(tokens / count).toFixed(0)} tokens each; best of ${rounds} rounds`)
console.log(`wink model load (both instances): ${loadMs.toFixed(0)} ms`)
console.log(`bare tokenization: ${((tokens / bestBare) * 1000).toFixed(0)} tokens/s (${perArticleBare.toFixed(3)} ms/article, ${(1000 / perArticleBare).toFixed(0)} articles/s)`)
console.log(`annotate:          ${(1000 / perArticleAnnotate).toFixed(0)} articles/s (${perArticleAnnotate.toFixed(3)} ms/article, ${(entities / count).toFixed(1)} entities/article)`)
console.log(`ratio annotate / bare tokenization: ${(perArticleAnnotate / perArticleBare).toFixed(2)}x`)
