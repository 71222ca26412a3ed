// Bench: the five sourcing analyzers (coreference, quotes, attribution, sources, opinion) on generated ~800-word
// articles, on one core, next to annotate (which every pipeline pays first) and wink's bare tokenization.
// Run: npm run bench:sourcing [-- --articles 300 --rounds 5]
// Times are CPU time of this process (process.cpuUsage), best round of each pass; per-analyzer times are the summed
// CPU time of each analyzer in the best sourcing round.

import { documentFromText } from '../src/document/create.js'
import { annotate } from '../src/nlp/annotate.js'
import { bareTokenize } from '../src/nlp/wink.js'
import { createSourcingEngine, runSourcing, type SourcingOutputs } from '../training/sourcing/run-sourcing.js'
import { generateArticle } from './generate-article.js'
import { numberOption } from './args.js'

const count = numberOption('articles', 300)
const rounds = numberOption('rounds', 5)
const docs = Array.from({ length: count }, (_, i) => documentFromText(generateArticle(i + 1)))
const annotated = docs.map((d) => annotate(d))
const words = docs.reduce((n, d) => n + d.text.split(/\s+/).length, 0) / count

function cpuMs(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

function cpu(pass: () => void): number {
  const start = process.cpuUsage()
  pass()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

async function cpuAsync(pass: () => Promise<void>): Promise<number> {
  const start = process.cpuUsage()
  await pass()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

// The engine with only the five sourcing analyzers; its timings use CPU time.
const engine = createSourcingEngine({ now: cpuMs })

type Id = keyof SourcingOutputs
const ids: Id[] = ['coreference', 'quotes', 'attribution', 'sources', 'opinion']
let bestBare = Infinity
let bestAnnotate = Infinity
let bestSourcing = Infinity
let bestPer: Record<Id, number> = { coreference: 0, quotes: 0, attribution: 0, sources: 0, opinion: 0 }
let findings = 0
for (let round = 0; round <= rounds; round++) {
  const bare = cpu(() => {
    for (const d of docs) bareTokenize(d.text)
  })
  const ann = cpu(() => {
    for (const d of docs) annotate(d)
  })
  const per: Record<Id, number> = { coreference: 0, quotes: 0, attribution: 0, sources: 0, opinion: 0 }
  findings = 0
  const src = await cpuAsync(async () => {
    for (const d of annotated) {
      const { outputs: out, ms } = await runSourcing(engine, d)
      for (const id of ids) per[id] += ms[id] ?? 0
      findings += out.quotes.quotes.length + out.sources.sources.length
    }
  })
  if (round === 0) continue // warm-up: lexicons compile, JIT settles
  bestBare = Math.min(bestBare, bare)
  bestAnnotate = Math.min(bestAnnotate, ann)
  if (src < bestSourcing) {
    bestSourcing = src
    bestPer = per
  }
}

const ms = (total: number) => total / count
const lines = [
  `sourcing bench: ${count} generated articles of ~${Math.round(words)} words, best of ${rounds} rounds, CPU time, one core`,
  `  bare tokenization (wink)   ${ms(bestBare).toFixed(3)} ms/article`,
  `  annotate                   ${ms(bestAnnotate).toFixed(3)} ms/article`,
  `  sourcing analyzers (all 5) ${ms(bestSourcing).toFixed(3)} ms/article  = ${(bestSourcing / bestBare).toFixed(2)}× bare tokenization, ${((100 * bestSourcing) / (bestAnnotate + bestSourcing)).toFixed(1)}% of annotate + sourcing`,
  ...ids.map((id) => `    ${id.padEnd(12)} ${ms(bestPer[id]).toFixed(3)} ms/article`),
  `  annotate + sourcing        ${(1000 / ms(bestAnnotate + bestSourcing)).toFixed(0)} articles/s`,
  `  (${findings} quotes + cited sources found per round)`,
]
process.stdout.write(`${lines.join('\n')}\n`)
