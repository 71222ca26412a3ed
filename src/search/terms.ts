// The one definition of an index term, shared by the full-text index and the re-ranker: folded, stemmed content words.
// Changing what a term is needs a store migration that re-indexes (src/store/sqlite/factchecks.ts).
import { termWords } from '../nlp/words.js'
import { STOPWORDS } from './stopwords.js'

const NON_ASCII = /[^\x00-\x7f]/

/** Lower case, accents removed, apostrophes dropped ("Don’t" → "dont", "Café" → "cafe"). */
export function foldWord(word: string): string {
  let w = word.toLowerCase()
  if (NON_ASCII.test(w)) w = w.normalize('NFKD').replace(/\p{M}/gu, '')
  return w.replace(/['’]/g, '')
}

/** A light suffix stripper (plural, -ing, -ed, final e): matches "vaccines" with "vaccine" without over-merging. */
export function stem(folded: string): string {
  let w = folded
  if (w.length <= 3) return w
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`
  else if (w.endsWith('sses')) w = w.slice(0, -2)
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1)
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3)
  else if (w.length > 4 && w.endsWith('ed') && !w.endsWith('eed')) w = w.slice(0, -2)
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1)
  return w
}

/** True for words left out of the index: stopwords and single letters. */
export function isStopword(folded: string): boolean {
  return STOPWORDS.has(folded) || (folded.length < 2 && !/\d/.test(folded))
}

/** The index terms of `text`, in order (repeats kept). */
export function indexTerms(text: string): string[] {
  const out: string[] = []
  for (const match of termWords(text)) {
    const folded = foldWord(match[0])
    if (!isStopword(folded)) out.push(stem(folded))
  }
  return out
}

/** The text the full-text index stores for `text`: its index terms separated by spaces. */
export function indexText(text: string | null): string {
  return text ? indexTerms(text).join(' ') : ''
}
