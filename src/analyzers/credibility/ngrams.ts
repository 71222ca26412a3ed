// Hashed word unigrams and bigrams (log counts, unit length): the "wording" half of the full credibility model.
import { fnv1a32, mix32 } from '../../ml/hashing.js'
import { skeletonHash } from './skeleton.js'
import type { WordEntry } from './text-stats.js'
import { SparseVectorBuilder, type SparseVector } from '../../ml/sparse-vector.js'

// Open-addressing table reused across calls (no allocation per article): keys are n-gram hashes (0 = empty slot).
// It grows with the distinct keys seen (load ≤ 1/4), not with how many keys might come: sized by the word count, a
// 4 MB article held 137 MB of table for its life. A table grown past RETAINED_SLOTS is dropped after the call.
const INITIAL_SLOTS = 4096
const RETAINED_SLOTS = 1 << 18
let tableKeys = new Uint32Array(INITIAL_SLOTS)
let tableCounts = new Int32Array(INITIAL_SLOTS)
const used: number[] = []

/** Counts one key in the table (a first sighting joins `used`). */
function addKey(key: number): void {
  const k = key === 0 ? 1 : key
  let mask = tableKeys.length - 1
  let i = k & mask
  while (tableKeys[i] !== 0 && tableKeys[i] !== k) i = (i + 1) & mask
  if (tableKeys[i] === 0) {
    if (used.length >= tableKeys.length >> 2) {
      grow()
      mask = tableKeys.length - 1
      i = k & mask
      while (tableKeys[i] !== 0) i = (i + 1) & mask
    }
    tableKeys[i] = k
    used.push(i)
  }
  tableCounts[i]!++
}

/** `visit(key, count)` per counted key in first-seen order, then empties the table. */
function visitCounted(visit: (key: number, count: number) => void): void {
  for (const i of used) visit(tableKeys[i]!, tableCounts[i]!)
  clearCounted()
}

function clearCounted(): void {
  for (const i of used) {
    tableKeys[i] = 0
    tableCounts[i] = 0
  }
  used.length = 0
  if (tableKeys.length > RETAINED_SLOTS) {
    tableKeys = new Uint32Array(INITIAL_SLOTS)
    tableCounts = new Int32Array(INITIAL_SLOTS)
  }
}

/** Doubles the table, re-placing every used slot (`used` keeps first-seen order, now with the new slots). */
function grow(): void {
  const keys = new Uint32Array(tableKeys.length * 2)
  const counts = new Int32Array(keys.length)
  const mask = keys.length - 1
  for (let u = 0; u < used.length; u++) {
    const old = used[u]!
    const k = tableKeys[old]!
    let i = k & mask
    while (keys[i] !== 0) i = (i + 1) & mask
    keys[i] = k
    counts[i] = tableCounts[old]!
    used[u] = i
  }
  tableKeys = keys
  tableCounts = counts
}

// Salts: word n-gram keys are mix(h(w)) and mix(h(w₁)·31 ⊕ h(w₂) ⊕ WORD_BIGRAM); skeleton keys mix(h ⊕ SKELETON_UNIGRAM)
// and mix(h(w₁)·31 ⊕ h(w₂) ⊕ SKELETON_BIGRAM), so that they never coincide with word n-gram keys on purpose.
const WORD_UNIGRAM = 0
const WORD_BIGRAM = 0x5bd1e995
const SKELETON_UNIGRAM = 0x3c6ef372
const SKELETON_BIGRAM = 0x1b873593

/**
 * Counts per n-gram of the token hashes, keyed by a 32-bit hash (unigram key = mix(h ⊕ unigramSalt), bigram key =
 * mix(h₁·31 ⊕ h₂ ⊕ bigramSalt)), so no bigram string is ever built. Two different n-grams sharing a key (≈ 2⁻³² per
 * pair) are counted together. The counts are left in the table for `visitCounted`.
 */
function countNgrams(hashes: Uint32Array, unigramSalt: number, bigramSalt: number): void {
  let previous = 0
  for (let i = 0; i < hashes.length; i++) {
    const h = hashes[i]!
    addKey(mix32((h ^ unigramSalt) >>> 0))
    if (i > 0) addKey(mix32((Math.imul(previous, 31) ^ h ^ bigramSalt) >>> 0))
    previous = h
  }
}

function forEachNgram(hashes: Uint32Array, visit: (key: number, count: number) => void): void {
  countNgrams(hashes, WORD_UNIGRAM, WORD_BIGRAM)
  visitCounted(visit)
}

/**
 * Unigrams and bigrams of the text's skeleton (skeleton.ts: function words kept, other words replaced by their shape),
 * salted so that their keys never coincide with word n-gram keys on purpose.
 */
function forEachSkeletonNgram(hashes: Uint32Array, visit: (key: number, count: number) => void): void {
  countNgrams(hashes, SKELETON_UNIGRAM, SKELETON_BIGRAM)
  visitCounted(visit)
}

/** The words of an article as ids into its distinct words (`TextStats.ids`/`distinct`): hashing is then done per distinct word. */
export interface WordIds {
  ids: Int32Array
  distinct: readonly string[]
  /** The interned entries of the distinct words (`TextStats.entries`), where their hashes are kept across articles. */
  entries?: readonly WordEntry[]
}

type HashKind = 'ngram' | 'skeleton'
const HASHERS: Record<HashKind, (word: string) => number> = { ngram: (word) => fnv1a32(word), skeleton: skeletonHash }

/** The n-gram or skeleton hash of every word, computed once per distinct word (once per interned word with entries). */
function tokenHashes(words: readonly string[], kind: HashKind, wordIds?: WordIds | null): Uint32Array {
  const hashOf = HASHERS[kind]
  const out = new Uint32Array(words.length)
  if (wordIds && wordIds.ids.length === words.length) {
    const byId = new Uint32Array(wordIds.distinct.length)
    const entries = wordIds.entries
    if (entries && entries.length === byId.length) {
      for (let id = 0; id < byId.length; id++) {
        const entry = entries[id]!
        if (kind === 'ngram') byId[id] = entry.ngramHash >= 0 ? entry.ngramHash : (entry.ngramHash = hashOf(entry.word))
        else byId[id] = entry.skeletonHash >= 0 ? entry.skeletonHash : (entry.skeletonHash = hashOf(entry.word))
      }
    } else {
      for (let id = 0; id < byId.length; id++) byId[id] = hashOf(wordIds.distinct[id]!)
    }
    for (let k = 0; k < out.length; k++) out[k] = byId[wordIds.ids[k]!]!
  } else {
    for (let k = 0; k < out.length; k++) out[k] = hashOf(words[k]!)
  }
  return out
}

/** Character n-grams of `min`..`max` characters (UTF-16 units) of text already normalised by `charText`. */
function forEachCharNgram(text: string, min: number, max: number, visit: (key: number, count: number) => void): void {
  countCharNgrams(text, min, max)
  visitCounted(visit)
}

/** Counts the character n-grams into the table (see `forEachCharNgram`). */
function countCharNgrams(text: string, min: number, max: number): void {
  for (let i = 0; i + min <= text.length; i++) {
    let h = 0x811c9dc5
    const end = Math.min(text.length, i + max)
    for (let j = i; j < end; j++) {
      h = Math.imul(h ^ text.charCodeAt(j), 0x01000193)
      // Salted by length so that char keys never coincide with word keys on purpose.
      if (j - i + 1 >= min) addKey(mix32((h ^ Math.imul(j - i + 1, 0x27d4eb2f) ^ 0x2545f491) >>> 0))
    }
  }
}

/**
 * The text character n-grams are read from: lower case, typographic variants folded (curly quotes → straight, dashes →
 * "-", digits → "0", so that how a site typesets text does not count), runs of white space → one space.
 */
export function charText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\p{Nd}/gu, '0')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Unit-length log-count vector of a keyed count; `weight` multiplies it (the word and char parts share one space). */
function addUnitVector(each: (visit: (key: number, count: number) => void) => void, dims: number, weight: number, builder: SparseVectorBuilder): void {
  const entries: number[] = []
  let norm = 0
  each((key, count) => {
    const value = Math.log1p(count)
    norm += value * value
    entries.push(key, value)
  })
  norm = Math.sqrt(norm) || 1
  for (let k = 0; k < entries.length; k += 2) {
    const { index, sign } = slot(entries[k]!, dims)
    builder.add(index, (weight * sign * entries[k + 1]!) / norm)
  }
}

/** Skeleton n-grams (see `forEachSkeletonNgram`): their unit-length vector is multiplied by `weight`. */
export interface SkeletonNgramOptions {
  weight: number
}

export interface CharNgramOptions {
  min: number
  max: number
  /** Length of the char part relative to the word part (each is unit length before this weight). */
  weight: number
}

function slot(key: number, dims: number): { index: number; sign: number } {
  return { index: key % dims, sign: mix32((key ^ 0x85ebca6b) >>> 0) >>> 31 === 1 ? -1 : 1 }
}

/**
 * The n-gram vector: Σ sign·log(1 + count) at each n-gram's slot, divided by √Σ log(1 + count)² (unit length before
 * folding); with `chars`, plus `chars.weight` × the same for character n-grams of `charText(text)`; with `skeleton`,
 * plus `skeleton.weight` × the same for skeleton unigrams and bigrams of `words`.
 */
export function ngramVector(
  words: readonly string[], dims: number, chars?: CharNgramOptions | null, text = '', skeleton?: SkeletonNgramOptions | null, wordIds?: WordIds | null,
): SparseVector {
  const builder = new SparseVectorBuilder()
  addUnitVector((visit) => forEachNgram(tokenHashes(words, 'ngram', wordIds), visit), dims, 1, builder)
  if (skeleton) addUnitVector((visit) => forEachSkeletonNgram(tokenHashes(words, 'skeleton', wordIds), visit), dims, skeleton.weight, builder)
  if (chars) {
    const normalized = charText(text)
    addUnitVector((visit) => forEachCharNgram(normalized, chars.min, chars.max, visit), dims, chars.weight, builder)
  }
  return builder.build()
}

/** weights · ngramVector(words, dims, chars, text, skeleton), computed without building the vector (the run-time path). */
export function ngramDot(
  words: readonly string[], dims: number, weights: ArrayLike<number>, chars?: CharNgramOptions | null, text = '', skeleton?: SkeletonNgramOptions | null, wordIds?: WordIds | null,
): number {
  countNgrams(tokenHashes(words, 'ngram', wordIds), WORD_UNIGRAM, WORD_BIGRAM)
  let total = dotCounted(dims, weights)
  if (skeleton) {
    countNgrams(tokenHashes(words, 'skeleton', wordIds), SKELETON_UNIGRAM, SKELETON_BIGRAM)
    total += skeleton.weight * dotCounted(dims, weights)
  }
  if (chars) {
    const normalized = charText(text)
    countCharNgrams(normalized, chars.min, chars.max)
    total += chars.weight * dotCounted(dims, weights)
  }
  return total
}

// log(1 + count) for the counts most keys have (Math.log1p's own values, so sums are unchanged).
const LOG1P = Float64Array.from({ length: 64 }, (_, count) => Math.log1p(count))

/**
 * weights · (the unit-length log-count vector of the keys counted in the table), in first-seen order, then empties the
 * table: Σ sign·log(1 + count)·weight[key mod dims] / √Σ log(1 + count)².
 */
function dotCounted(dims: number, weights: ArrayLike<number>): number {
  let norm = 0
  let sum = 0
  for (let u = 0; u < used.length; u++) {
    const i = used[u]!
    const key = tableKeys[i]!
    const count = tableCounts[i]!
    const value = count < 64 ? LOG1P[count]! : Math.log1p(count)
    norm += value * value
    const sign = mix32((key ^ 0x85ebca6b) >>> 0) >>> 31 === 1 ? -1 : 1
    sum += sign * value * weights[key % dims]!
  }
  clearCounted()
  return norm === 0 ? 0 : sum / Math.sqrt(norm)
}
