// The misspelling signal's false-positive rate on real English news text: flagged words per 1,000 words on the FNC-1
// bodies (real news articles) and on the credibility corpora (legitimate and fake articles reported apart), with the
// most frequent flagged words and a reproducible sample of flagged words in context. Nothing here is tuned on: the
// figures say how often the style analyzer calls a word misspelled in edited English prose, where nearly every flag
// is a false positive.
//
//   npx tsx training/spelling/measure.ts [--data ../shared/data] [--limit 400] [--sample 40] [--top 40] [--json out.json]
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import style from '../../src/analyzers/style/style.js'
import { MISSPELLING } from '../../src/analyzers/style/signals.js'
import { annotatedText, runAnalyzer } from '../../src/test-support/analyzer-tester.js'
import { readFncBodies } from '../stance/fnc-data.js'
import { readCredibilityJsonl } from '../credibility/dataset.js'

interface Corpus { name: string; texts: { id: string; text: string; title: string | null }[] }
export interface CorpusFigures {
  name: string
  documents: number
  words: number
  flagged: number
  perThousand: number
  /** Share of documents with at least one flag. */
  documentsFlagged: number
  top: [string, number][]
  sample: string[]
}

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data' },
    limit: { type: 'string', default: '400' },
    sample: { type: 'string', default: '40' },
    top: { type: 'string', default: '40' },
    json: { type: 'string' },
  },
})
const limit = Number(values.limit)

/** Every k-th item so that the subset spreads over the file and is the same on every run. */
function spread<T>(items: T[], n: number): T[] {
  if (items.length <= n) return items
  const step = items.length / n
  return Array.from({ length: n }, (_, i) => items[Math.floor(i * step)]!)
}

async function corpora(): Promise<Corpus[]> {
  const out: Corpus[] = []
  const fnc = join(values.data!, 'stance-fnc1/train_bodies.csv')
  if (existsSync(fnc)) {
    const bodies = [...(await readFncBodies(fnc)).entries()].map(([id, text]) => ({ id, text, title: null }))
    out.push({ name: 'fnc1-bodies', texts: spread(bodies, limit) })
  }
  for (const file of ['credibility-perezrosas/fakenewsamt.jsonl', 'credibility-perezrosas/celebrity.jsonl', 'credibility-fakenewsnet/fakenewsnet-politifact.jsonl']) {
    const path = join(values.data!, file)
    if (!existsSync(path)) continue
    const rows = readCredibilityJsonl(path)
    const base = file.split('/')[1]!.replace('.jsonl', '')
    for (const label of ['real', 'fake'] as const) {
      const texts = rows.filter((r) => r.label === label).map((r) => ({ id: r.id, text: r.text, title: r.title ?? null }))
      if (texts.length) out.push({ name: `${base}-${label}`, texts: spread(texts, limit) })
    }
  }
  return out
}

async function measure(corpus: Corpus, sampleSize: number, topSize: number): Promise<CorpusFigures> {
  let words = 0
  let flagged = 0
  let documentsFlagged = 0
  const counts = new Map<string, number>()
  const contexts: string[] = []
  for (const item of corpus.texts) {
    const doc = annotatedText(item.text, item.title)
    const out = await runAnalyzer(style, doc)
    words += out.counts.words
    const hits = out.signals.filter((s) => s.id === MISSPELLING.id)
    flagged += hits.length
    if (hits.length) documentsFlagged++
    for (const hit of hits) {
      const word = doc.text.slice(hit.start, hit.end)
      counts.set(word, (counts.get(word) ?? 0) + 1)
      const before = doc.text.slice(Math.max(0, hit.start - 30), hit.start).replace(/\s+/g, ' ')
      const after = doc.text.slice(hit.end, hit.end + 30).replace(/\s+/g, ' ')
      contexts.push(`${before}[${word}]${after}`)
    }
  }
  return {
    name: corpus.name,
    documents: corpus.texts.length,
    words,
    flagged,
    perThousand: words ? Math.round((10000 * flagged) / words) / 10 : 0,
    documentsFlagged: corpus.texts.length ? Math.round((1000 * documentsFlagged) / corpus.texts.length) / 10 : 0,
    top: [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, topSize),
    sample: spread(contexts, sampleSize),
  }
}

const results: CorpusFigures[] = []
for (const corpus of await corpora()) {
  const figures = await measure(corpus, Number(values.sample), Number(values.top))
  results.push(figures)
  process.stdout.write(
    `${figures.name}: ${figures.documents} documents, ${figures.words} words, ${figures.flagged} flagged = ` +
    `${figures.perThousand} per 1,000 words; ${figures.documentsFlagged}% of documents have a flag\n` +
    `  most flagged: ${figures.top.map(([w, n]) => `${w} ${n}`).join(', ')}\n` +
    `  sample:\n${figures.sample.map((s) => `    ${s}`).join('\n')}\n`,
  )
}
if (values.json) writeFileSync(values.json, JSON.stringify(results, null, 2) + '\n')
