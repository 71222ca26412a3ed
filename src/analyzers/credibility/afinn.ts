// The AFINN-165 word list (valence −5…+5) as shipped by the `sentiment` package, loaded once on first use.
import { createRequire } from 'node:module'

let table: Map<string, number> | null = null

/** AFINN valence of a lower-case word, or undefined. Read through require: tsx mis-compiles this JSON as an ES module. */
export function afinnScore(word: string): number | undefined {
  if (!table) {
    const require = createRequire(import.meta.url)
    table = new Map(Object.entries(require('sentiment/languages/en/labels.json') as Record<string, number>))
  }
  return table.get(word)
}
