// Inverse document frequencies of content stems, learnt from training texts and stored in the stance model.
import { tokenize } from './text.js'
import { porterStem } from './porter-stemmer.js'
import { STOPWORDS } from './lexicon.js'
import type { IdfTable } from './profile.js'

/** The stored form: rounded idf per term with at least `minDf` documents, and the idf of anything rarer. */
export interface IdfJson {
  documents: number
  unknown: number
  terms: Record<string, number>
}

/** Counts document frequencies over `texts` and keeps terms seen in at least `minDf` of them. */
export function buildIdf(texts: Iterable<string>, minDf = 2): IdfJson {
  const df = new Map<string, number>()
  let documents = 0
  for (const text of texts) {
    documents += 1
    const seen = new Set<string>()
    for (const word of tokenize(text).words) if (!STOPWORDS.has(word)) seen.add(porterStem(word))
    for (const term of seen) df.set(term, (df.get(term) ?? 0) + 1)
  }
  const terms: Record<string, number> = {}
  for (const term of [...df.keys()].sort()) {
    const count = df.get(term)!
    if (count >= minDf) terms[term] = round3(idfOf(count, documents))
  }
  return { documents, unknown: round3(idfOf(1, documents)), terms }
}

/** A lookup table over the stored form. */
export function idfTable(json: IdfJson): IdfTable {
  const map = new Map(Object.entries(json.terms))
  return { get: (term) => map.get(term), unknown: json.unknown }
}

function idfOf(df: number, documents: number): number {
  return Math.log((documents + 1) / (df + 1)) + 1
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000
}
