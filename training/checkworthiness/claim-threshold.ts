// Claim or not: precision and recall of "a sentence holds a claim scoring ≥ t" against the gold check-worthy sentences
// of our news passages (test/fixtures/checkworthiness/news: 01–10 were used while designing the rules, 11–30 are held
// out), through the whole engine (atomic claims, non-claim rules, attribution, opinion). The threshold in use is the
// one with the best F1 on 01–10. Run: npx tsx training/checkworthiness/claim-threshold.ts [--news <dir>]
import { fileURLToPath } from 'node:url'
import { createEngine } from '../../src/engine/engine.js'
import { annotate } from '../../src/nlp/annotate.js'
import { CHECKWORTHY_THRESHOLD } from '../../src/analyzers/checkworthiness/claims.js'
import { passageDocument, readNewsPassages, sentenceLabels } from './news-passages.js'

const newsArg = process.argv.indexOf('--news')
const dir = newsArg > 0 ? process.argv[newsArg + 1]! : fileURLToPath(new URL('../../test/fixtures/checkworthiness/news/', import.meta.url))
const engine = createEngine()

interface Scored { score: number; label: 0 | 1 }
const parts: Record<string, Scored[]> = { '01–10 (design)': [], '11–30 (held out)': [] }
for (const passage of readNewsPassages(dir)) {
  const doc = passageDocument(passage)
  const labels = sentenceLabels(annotate(doc).sentences, passage.gold)
  const report = await engine.analyzeDocument(doc)
  const best = new Map<number, number>()
  for (const c of report.claims) if (c.sentence !== undefined) best.set(c.sentence, Math.max(best.get(c.sentence) ?? 0, c.checkworthiness))
  const part = Number(passage.id.slice(0, 2)) <= 10 ? '01–10 (design)' : '11–30 (held out)'
  labels.forEach((label, i) => parts[part]!.push({ score: best.get(i) ?? 0, label }))
}

function prf(rows: Scored[], t: number): { p: number; r: number; f: number } {
  const tp = rows.filter((x) => x.score >= t && x.label === 1).length
  const fp = rows.filter((x) => x.score >= t && x.label === 0).length
  const fn = rows.filter((x) => x.score < t && x.label === 1).length
  const p = tp + fp ? tp / (tp + fp) : 0
  const r = tp + fn ? tp / (tp + fn) : 0
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 }
}

const thresholds = Array.from({ length: 15 }, (_, i) => 0.2 + i * 0.05)
const design = parts['01–10 (design)']!
const best = thresholds.reduce((a, t) => (prf(design, t).f > prf(design, a).f ? t : a), thresholds[0]!)
console.log(`claim threshold: best F1 on 01–10 at t = ${best.toFixed(2)}; in use: ${CHECKWORTHY_THRESHOLD}`)
for (const [name, rows] of Object.entries(parts)) {
  const positives = rows.filter((x) => x.label === 1).length
  console.log(`\n${name}: ${rows.length} sentences, ${positives} check-worthy`)
  for (const t of thresholds) {
    const { p, r, f } = prf(rows, t)
    console.log(`  t=${t.toFixed(2)}  precision ${p.toFixed(3)}  recall ${r.toFixed(3)}  F1 ${f.toFixed(3)}${Math.abs(t - CHECKWORTHY_THRESHOLD) < 1e-9 ? '   ← in use' : ''}`)
  }
  const all = prf(rows, 0.000001)
  console.log(`  every sentence kept as a claim: precision ${all.p.toFixed(3)} recall ${all.r.toFixed(3)}`)
}
