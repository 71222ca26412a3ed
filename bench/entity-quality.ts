// Entity precision / recall of annotate against the hand-written gold in test/fixtures/nlp/entities-gold.json.

import { readFileSync } from 'node:fs'
import { documentFromText } from '../src/document/create.js'
import { annotate } from '../src/nlp/annotate.js'

interface Gold {
  articles: Array<{ file: string; entities: Array<[string, string]> }>
}

/** Counts and per-article misses; an entity matches when its canonical name (case-insensitive) and type agree. */
export interface EntityQuality {
  gold: number
  predicted: number
  correct: number
  nameOnly: number
  misses: string[]
  extras: string[]
}

const norm = (name: string) => name.toLowerCase().replace(/^the /, '').replace(/[’]/g, "'")

export function entityQuality(dir = new URL('../test/fixtures/nlp/', import.meta.url)): EntityQuality {
  const gold = JSON.parse(readFileSync(new URL('entities-gold.json', dir), 'utf8')) as Gold
  const q: EntityQuality = { gold: 0, predicted: 0, correct: 0, nameOnly: 0, misses: [], extras: [] }
  for (const article of gold.articles) {
    const doc = annotate(documentFromText(readFileSync(new URL(article.file, dir), 'utf8')))
    const predicted = new Map(doc.entities.map((e) => [norm(e.name), e.type as string]))
    const expected = new Map(article.entities.map(([name, type]) => [norm(name), type]))
    q.gold += expected.size
    q.predicted += predicted.size
    for (const [name, type] of expected) {
      const got = predicted.get(name)
      if (got === type) q.correct++
      if (got !== undefined) q.nameOnly++
      if (got !== type) q.misses.push(`${article.file}: ${name} (${type}${got ? `, got ${got}` : ''})`)
    }
    for (const [name, type] of predicted) if (expected.get(name) !== type) q.extras.push(`${article.file}: ${name} (${type})`)
  }
  return q
}

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r))

/** One line per figure, plus the misses and extras when `verbose`. */
export function printEntityQuality(q: EntityQuality, verbose: boolean): void {
  const p = q.correct / q.predicted
  const r = q.correct / q.gold
  const pn = q.nameOnly / q.predicted
  const rn = q.nameOnly / q.gold
  console.log(`entities (name+type): precision ${p.toFixed(3)} recall ${r.toFixed(3)} F1 ${f1(p, r).toFixed(3)} (${q.correct} of ${q.gold} gold, ${q.predicted} predicted)`)
  console.log(`entities (name only): precision ${pn.toFixed(3)} recall ${rn.toFixed(3)} F1 ${f1(pn, rn).toFixed(3)}`)
  if (verbose) {
    for (const m of q.misses) console.log(`  missed  ${m}`)
    for (const e of q.extras) console.log(`  extra   ${e}`)
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ? new URL(`file://${process.argv[2].replace(/\/?$/, '/')}`) : undefined
  printEntityQuality(entityQuality(dir), true)
}
