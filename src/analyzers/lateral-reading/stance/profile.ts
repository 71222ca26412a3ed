// A text's stance profile, computed once per text (bodies are cached by key): term ids, TF-IDF norms, n-grams, lexicon counts.
import { porterStem } from './porter-stemmer.js'
import { tokenize, numbersIn, charGramHashes, combineHashes, hashString, intSetOf, scratch, type IntSet } from './text.js'
import { LEXICON_CLASSES, POLARITY, STOPWORDS, REFUTE, NEGATE, HEDGE, AGREE } from './lexicon.js'

/** Inverse document frequencies learnt at training time; unseen terms get `unknown` (as rare as a term seen once). */
export interface IdfTable {
  get(term: string): number | undefined
  readonly unknown: number
}

export interface LexiconCounts {
  refute: number
  negate: number
  hedge: number
  agree: number
  /** Sum of AFINN valences. */
  polarity: number
  words: number
}

/** A paragraph (or a slice of a long one): its word tokens are `[start, end)` of the text's token arrays. */
export interface UnitProfile extends LexiconCounts {
  norm: number
  start: number
  end: number
}

export interface TextProfile extends LexiconCounts {
  chars: number
  /** Distinct content-stem ids, with their sublinear TF-IDF weight and IDF. */
  terms: Int32Array
  termWeights: Float64Array
  termIdf: Float64Array
  /** L2 norm of the TF-IDF vector. */
  norm: number
  /** Content-stem id of each word token (−1 for stopwords), aligned with `classes`. */
  stems: Int32Array
  /** Lexicon bits of each word token. */
  classes: Uint8Array
  /** Hashes of consecutive content-stem pairs and triples (stopwords skipped). */
  bigrams: IntSet
  trigrams: IntSet
  /** Hashes of character 4-grams. */
  charGrams: IntSet
  numbers: Set<string>
  units: UnitProfile[]
  questions: number
  quotes: number
}

export const CHAR_GRAM = 4

interface WordInfo {
  bits: number
  valence: number
  /** Content-stem id, −1 for stopwords. */
  stem: number
  /** Hash of the stem's text: n-gram hashes must not depend on the order ids were given out in this process. */
  hash: number
}

// Process-wide vocabulary: one lookup per token instead of four (lexicon, polarity, stopword, stem), and integer term
// ids so that counting is array indexing. Ids are never reused, so cached profiles stay valid.
const words = new Map<string, WordInfo>()
const WORD_CACHE_LIMIT = 1_000_000
const stemIds = new Map<string, number>()
const stemText: string[] = []
let totals: Int32Array = new Int32Array(1 << 14)
let unitCounts: Int32Array = new Int32Array(1 << 14)
const idfByTable = new WeakMap<IdfTable, Float64Array>()

/** The stem an id stands for (tests, debugging). */
export function stemOf(id: number): string {
  return stemText[id] ?? ''
}

/** Builds the profile of one text under the given IDF table. */
export function profileText(text: string, idf: IdfTable): TextProfile {
  const { words: tokens, unitStarts } = tokenize(text)
  const n = tokens.length
  const stems = new Int32Array(n)
  const classes = new Uint8Array(n)
  const total = emptyCounts()
  const units: UnitProfile[] = []
  const touched: number[] = []
  const unitTouched: number[] = []
  // Bigram hashes fill the first half of the shared scratch buffer, trigram hashes the second; both are copied into
  // their sets below before charGramHashes reuses the buffer.
  const grams = scratch(2 * n)
  let nBigrams = 0
  let nTrigrams = 0
  let previous = 0
  let beforePrevious = 0
  let content = 0
  let unit: UnitProfile | null = null
  const idfs = idfArray(idf)
  for (let i = 0; i < n; i++) {
    if (units.length < unitStarts.length && unitStarts[units.length] === i) {
      if (unit) closeUnit(unit, i, unitTouched, idfs, idf)
      unit = { ...emptyCounts(), norm: 0, start: i, end: i }
      units.push(unit)
    }
    const info = wordInfo(tokens[i]!)
    classes[i] = info.bits
    tally(total, info.bits, info.valence)
    tally(unit!, info.bits, info.valence)
    const id = info.stem
    stems[i] = id
    if (id < 0) continue
    if (totals[id]++ === 0) touched.push(id)
    if (unitCounts[id]++ === 0) unitTouched.push(id)
    const hash = info.hash
    if (content >= 1) {
      grams[nBigrams++] = combineHashes(previous, hash)
      if (content >= 2) grams[n + nTrigrams++] = combineHashes(combineHashes(beforePrevious, previous), hash)
    }
    beforePrevious = previous
    previous = hash
    content += 1
  }
  if (unit) closeUnit(unit, n, unitTouched, idfs, idf)
  const terms = Int32Array.from(touched)
  const termWeights = new Float64Array(terms.length)
  const termIdf = new Float64Array(terms.length)
  let sum = 0
  for (let k = 0; k < terms.length; k++) {
    const id = terms[k]!
    termIdf[k] = idfOf(id, idfs, idf)
    termWeights[k] = (1 + Math.log(totals[id]!)) * termIdf[k]!
    sum += termWeights[k]! * termWeights[k]!
    totals[id] = 0
  }
  return {
    ...total,
    chars: text.length,
    terms,
    termWeights,
    termIdf,
    norm: Math.sqrt(sum),
    stems,
    classes,
    bigrams: intSetOf(grams.subarray(0, nBigrams)),
    trigrams: intSetOf(grams.subarray(n, n + nTrigrams)),
    charGrams: charGramHashes(text, CHAR_GRAM),
    numbers: numbersIn(text),
    units,
    questions: countChar(text, '?'),
    quotes: countChar(text, '"') + countChar(text, '“') + countChar(text, '”'),
  }
}

/** Ends a unit at token `end`: its TF-IDF norm from the per-unit counts, which are then reset. */
function closeUnit(unit: UnitProfile, end: number, touched: number[], idfs: Float64Array, idf: IdfTable): void {
  let sum = 0
  for (const id of touched) {
    const weight = (1 + Math.log(unitCounts[id]!)) * idfOf(id, idfs, idf)
    sum += weight * weight
    unitCounts[id] = 0
  }
  touched.length = 0
  unit.end = end
  unit.norm = Math.sqrt(sum)
}

function wordInfo(lower: string): WordInfo {
  let info = words.get(lower)
  if (info) return info
  let stem = -1
  if (!STOPWORDS.has(lower)) {
    const text = porterStem(lower)
    stem = stemIds.get(text) ?? -1
    if (stem < 0) {
      stem = stemText.length
      stemIds.set(text, stem)
      stemText.push(text)
      if (stem >= totals.length) {
        totals = grow(totals)
        unitCounts = grow(unitCounts)
      }
    }
  }
  info = { bits: LEXICON_CLASSES.get(lower) ?? 0, valence: POLARITY.get(lower) ?? 0, stem, hash: stem < 0 ? 0 : hashString(stemText[stem]!) }
  // Only the word → info cache is bounded: stem ids must stay stable while profiles that use them are cached.
  if (words.size >= WORD_CACHE_LIMIT) words.clear()
  words.set(lower, info)
  return info
}

function grow(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2)
  bigger.set(array)
  return bigger
}

/** The IDF of each stem id under one table, filled lazily (NaN = not looked up yet). */
function idfArray(idf: IdfTable): Float64Array {
  let array = idfByTable.get(idf)
  if (!array || array.length < stemText.length + 1024) {
    const bigger = new Float64Array(Math.max(1 << 14, (stemText.length + 1024) * 2)).fill(Number.NaN)
    if (array) bigger.set(array)
    array = bigger
    idfByTable.set(idf, array)
  }
  return array
}

function idfOf(id: number, idfs: Float64Array, idf: IdfTable): number {
  let value = id < idfs.length ? idfs[id]! : Number.NaN
  if (value !== value) {
    value = idf.get(stemText[id]!) ?? idf.unknown
    if (id < idfs.length) idfs[id] = value
  }
  return value
}

function emptyCounts(): LexiconCounts {
  return { refute: 0, negate: 0, hedge: 0, agree: 0, polarity: 0, words: 0 }
}

function tally(counts: LexiconCounts, bits: number, valence: number): void {
  counts.words += 1
  if (bits !== 0) {
    if (bits & REFUTE) counts.refute += 1
    if (bits & NEGATE) counts.negate += 1
    if (bits & HEDGE) counts.hedge += 1
    if (bits & AGREE) counts.agree += 1
  }
  counts.polarity += valence
}

function countChar(text: string, char: string): number {
  let n = 0
  for (let k = text.indexOf(char); k !== -1; k = text.indexOf(char, k + 1)) n++
  return n
}
