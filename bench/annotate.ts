// Bench: wink's bare tokenization pass vs annotate on generated ~800-word articles, on one core.
// Run: npm run bench:annotate [-- --articles 300 --rounds 7]  (then prints entity precision/recall on the fixtures)
// Times are CPU time of this process (process.cpuUsage), best round of each pass; the passes are interleaved so a
// busy shared machine slows them alike. Wall-clock figures are printed too.

import { documentFromText } from '../src/document/create.js'
import { annotate } from '../src/nlp/annotate.js'
import { bareTokenize, getBareWink, getWink, winkDefaultPass } from '../src/nlp/wink.js'
import { entityQuality, printEntityQuality } from './entity-quality.js'
import { generateArticle } from './generate-article.js'
import { numberOption } from './args.js'

const count = numberOption('articles', 300)
const rounds = numberOption('rounds', 7)
const docs = Array.from({ length: count }, (_, i) => documentFromText(generateArticle(i + 1)))
const words = docs.reduce((n, d) => n + d.text.split(/\s+/).length, 0) / count

let t0 = performance.now()
getBareWink()
getWink()
winkDefaultPass('warm up.')
const loadMs = performance.now() - t0

interface Timing {
  cpu: number
  wall: number
}
function measure(pass: () => void): Timing {
  const wall = performance.now()
  const cpu = process.cpuUsage()
  pass()
  const used = process.cpuUsage(cpu)
  return { cpu: (used.user + used.system) / 1000, wall: performance.now() - wall }
}
const best = (a: Timing | undefined, b: Timing): Timing =>
  a ? { cpu: Math.min(a.cpu, b.cpu), wall: Math.min(a.wall, b.wall) } : b

let bare: Timing | undefined
let full: Timing | undefined
let ann: Timing | undefined
let tokens = 0
let entities = 0
for (let round = 0; round <= rounds; round++) {
  tokens = 0
  entities = 0
  const b = measure(() => {
    for (const d of docs) tokens += bareTokenize(d.text)
  })
  const f = measure(() => {
    for (const d of docs) winkDefaultPass(d.text)
  })
  const a = measure(() => {
    for (const d of docs) entities += annotate(d).entities.length
  })
  if (round === 0) continue // warm-up
  bare = best(bare, b)
  full = best(full, f)
  ann = best(ann, a)
}
if (!bare || !full || !ann) throw new Error('no rounds run')

const perArticle = (t: Timing) => t.cpu / count
const line = (label: string, t: Timing) =>
  `${label}${((tokens / t.cpu) * 1000).toFixed(0).padStart(9)} tokens/s ${(1000 / perArticle(t)).toFixed(0).padStart(6)} articles/s ` +
  `${perArticle(t).toFixed(3)} ms/article (wall ${(t.wall / count).toFixed(3)} ms)`
console.log(`${count} generated articles, ~${words.toFixed(0)} words / ~${(tokens / count).toFixed(0)} tokens each, best of ${rounds} rounds, CPU time`)
console.log(`wink model load (3 instances): ${loadMs.toFixed(0)} ms`)
console.log(line('bare tokenization (wink, empty pipe): ', bare))
console.log(line('wink default pipe (readDoc):          ', full))
console.log(line('annotate:                             ', ann))
console.log(`entities per article: ${(entities / count).toFixed(1)}`)
console.log(`ratio annotate / bare tokenization:   ${(perArticle(ann) / perArticle(bare)).toFixed(2)}x`)
console.log(`ratio annotate / wink default pipe:   ${(perArticle(ann) / perArticle(full)).toFixed(2)}x`)

const fixtures = new URL('../test/fixtures/nlp/', import.meta.url)
console.log('\nentity quality, dev fixtures (test/fixtures/nlp/eval-*.txt; rules were tuned on these):')
printEntityQuality(entityQuality(fixtures), false)
console.log('entity quality, held-out fixtures (test/fixtures/nlp/heldout/; see src/nlp/README.md for the first-run figure):')
printEntityQuality(entityQuality(new URL('heldout/', fixtures)), false)
