// The applicability thresholds (src/engine/assessment.ts) measured. Prints, for several thresholds:
// - on English news (every text of the credibility corpora, ingested as text): the share that would be refused;
// - on trafilatura's real web pages whose main text is English (detectLanguage over the evaluation's `with`
//   segments), ingested with the project's own HTML ingest: the share that stays assessed, and why the rest is not;
// - on the tune part of the report gold set: the articles judged "not assessed" (never the held-out part).
// Run:
//   npx tsx training/assessment/measure.ts --data ../shared/data
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { ingest } from '../../src/ingest/index.js'
import { DEFAULT_LIMITS } from '../../src/ingest/limits.js'
import { annotate } from '../../src/nlp/annotate.js'
import { detectLanguage } from '../../src/nlp/language.js'
import {
  assessDocument, measureProse, languageAssessed, MIN_PROSE_SENTENCES, MIN_PROSE_WORDS, MIN_PROSE_SHARE, type ProseMeasures,
} from '../../src/engine/assessment.js'
import type { Document } from '../../src/document/types.js'

const dataArg = process.argv.indexOf('--data')
const data = dataArg > 0 ? process.argv[dataArg + 1]! : '../shared/data'
const gold = 'test/fixtures/report-gold/tune/articles'

interface Measured { language: string; prose: ProseMeasures | null; refused?: string }
interface Thresholds { sentences: number; words: number; share: number }

function measure(doc: Document): Measured {
  const annotated = annotate(doc)
  return { language: doc.meta.language, prose: measureProse(annotated) }
}

/** The reason a document would not be assessed under `t` (null: assessed), as assessDocument decides. */
function decide(m: Measured, t: Thresholds): string | null {
  if (m.refused) return `refused by ingest (${m.refused})`
  if (!languageAssessed(m.language)) return 'language'
  const p = m.prose!
  if (p.proseSentences < t.sentences || p.proseWords < t.words) return 'too-little-prose'
  if (p.proseShare < t.share) return 'not-prose'
  return null
}

async function fromText(text: string): Promise<Measured> {
  try {
    return measure(await ingest({ text }, DEFAULT_LIMITS))
  } catch (error) {
    return { language: 'und', prose: null, refused: (error as { code?: string }).code ?? 'error' }
  }
}

async function fromHtml(html: string, url?: string): Promise<Measured> {
  try {
    return measure(await ingest({ html, ...(url ? { url } : {}) }, DEFAULT_LIMITS))
  } catch (error) {
    return { language: 'und', prose: null, refused: (error as { code?: string }).code ?? 'error' }
  }
}

const pct = (n: number, d: number) => `${((100 * n) / Math.max(d, 1)).toFixed(1)}%`
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor(q * s.length))]!
}

const current: Thresholds = { sentences: MIN_PROSE_SENTENCES, words: MIN_PROSE_WORDS, share: MIN_PROSE_SHARE }
const grid: Thresholds[] = [
  current,
  { sentences: 2, words: 10, share: 0.5 },
  { sentences: 2, words: 30, share: 0.5 },
  { sentences: 2, words: 50, share: 0.5 },
  { sentences: 3, words: 20, share: 0.5 },
  { sentences: 2, words: 20, share: 0.3 },
  { sentences: 2, words: 20, share: 0.4 },
  { sentences: 2, words: 20, share: 0.6 },
  { sentences: 2, words: 20, share: 0.7 },
]
const label = (t: Thresholds) => `sentences≥${t.sentences} words≥${t.words} share≥${t.share}${t === current ? ' (in use)' : ''}`

function report(name: string, items: Measured[], wantAssessed: boolean): void {
  console.log(`\n${name}: ${items.length}`)
  const prose = items.flatMap((m) => (m.prose ? [m.prose] : []))
  if (prose.length > 0) {
    const q = (f: (p: ProseMeasures) => number) => [0, 0.01, 0.05, 0.5].map((x) => `p${x * 100}=${+quantile(prose.map(f), x).toFixed(3)}`).join(' ')
    console.log(`  prose sentences ${q((p) => p.proseSentences)}; prose words ${q((p) => p.proseWords)}; prose share ${q((p) => p.proseShare)}`)
  }
  for (const t of grid) {
    const reasons = new Map<string, number>()
    for (const m of items) {
      const r = decide(m, t)
      if (r) reasons.set(r, (reasons.get(r) ?? 0) + 1)
    }
    const refused = [...reasons.values()].reduce((a, b) => a + b, 0)
    const ingested = items.filter((m) => !m.refused).length
    const figure = wantAssessed
      ? `assessed ${pct(items.length - refused, items.length)} (${pct(items.length - refused, ingested)} of the ${ingested} ingest read)`
      : `not assessed ${pct(refused, items.length)}`
    const why = [...reasons].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')
    console.log(`  ${label(t).padEnd(48)} ${figure.padEnd(44)} ${why}`)
  }
}

// 1. English news texts.
const news: Measured[] = []
for (const file of ['credibility-perezrosas/fakenewsamt.jsonl', 'credibility-perezrosas/celebrity.jsonl', 'credibility-fakenewsnet/fakenewsnet-politifact.jsonl']) {
  const path = join(data, file)
  if (!existsSync(path)) continue
  for (const line of readFileSync(path, 'utf8').split('\n').filter(Boolean)) news.push(await fromText((JSON.parse(line) as { text: string }).text))
}
report('English news texts (credibility corpora; the share refused should be ~0)', news, true)

// 2. Real web pages whose main text is English, through the HTML ingest.
const evalPath = join(data, 'extraction-trafilatura/evaldata.json')
if (existsSync(evalPath)) {
  const pages = JSON.parse(readFileSync(evalPath, 'utf8')) as Record<string, { file: string; with: string[] }>
  const english: Measured[] = []
  let other = 0
  for (const [url, page] of Object.entries(pages)) {
    const path = join(data, 'extraction-trafilatura/html', page.file)
    if (!existsSync(path)) continue
    const guess = detectLanguage(page.with.join('\n'))
    if (!guess.reliable || guess.language !== 'en') {
      other++
      continue
    }
    english.push(await fromHtml(gunzipSync(readFileSync(path)).toString('utf8'), url))
  }
  report(`trafilatura pages whose main text is English (${other} others left out; ≥ 95% should stay assessed)`, english, true)
}

// 3. The gold set's tune part: what its "not assessed" articles measure.
if (existsSync(gold)) {
  const refusedItems: Measured[] = []
  console.log('\nreport gold set, tune part, articles judged not assessed:')
  for (const name of readdirSync(gold).filter((f) => f.endsWith('.json')).sort()) {
    const judgments = JSON.parse(readFileSync(join(gold, name), 'utf8')) as { assessed: boolean }
    if (judgments.assessed) continue
    const base = join(gold, name.replace(/\.json$/, ''))
    const m = existsSync(`${base}.html`) ? await fromHtml(readFileSync(`${base}.html`, 'utf8')) : await fromText(readFileSync(`${base}.txt`, 'utf8'))
    refusedItems.push(m)
    const p = m.prose
    console.log(`  ${name.replace(/\.json$/, '').padEnd(28)} ${m.language.padEnd(4)} ${p ? `prose sentences ${p.proseSentences}, prose words ${p.proseWords}, share ${p.proseShare.toFixed(2)}` : ''} → ${decide(m, current) ?? 'ASSESSED'}`)
  }
  report('tune articles judged not assessed', refusedItems, false)
}

// The decision itself, to be sure the script measures what the engine runs.
const sample = await ingest({ text: 'The council will meet again on Thursday evening at the town hall.' }, DEFAULT_LIMITS)
console.log(`\nsanity: one sentence → ${assessDocument(annotate(sample)).status}`)
