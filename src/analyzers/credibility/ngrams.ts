// Hashed word unigrams and bigrams (log counts, unit length): the "wording" half of the full credibility model.
import { fnv1a32, mix32 } from '../../ml/hashing.js'
import { skeletonHash } from './skeleton.js'
import { SparseVectorBuilder, type SparseVector } from '../../ml/sparse-vector.js'

// Open-addressing table reused across calls (no allocation per article): keys are n-gram hashes (0 = empty slot).
// It grows with the distinct keys seen (load ≤ 1/4), not with how many keys might come: sized by the word count, a
// 4 MB article held 137 MB of table for its life. A table grown past RETAINED_SLOTS is dropped after the call.
const INITIAL_SLOTS = 4096
const RETAINED_SLOTS = 1 << 18
let tableKeys = new Uint32Array(INITIAL_SLOTS)
let tableCounts = new Int32Array(INITIAL_SLOTS)
const used: number[] = []

/**
 * Counts per key in the reused table, then calls `visit(key, count)` once per distinct key in first-seen order.
 * `emit(add)` produces the keys.
 */
function countKeys(emit: (add: (key: number) => void) => void, visit: (key: number, count: number) => void): void {
  let mask = tableKeys.length - 1
  let limit = tableKeys.length >> 2
  emit((key: number) => {
    const k = key === 0 ? 1 : key
    let i = k & mask
    while (tableKeys[i] !== 0 && tableKeys[i] !== k) i = (i + 1) & mask
    if (tableKeys[i] === 0) {
      if (used.length >= limit) {
        grow()
        mask = tableKeys.length - 1
        limit = tableKeys.length >> 2
        i = k & mask
        while (tableKeys[i] !== 0) i = (i + 1) & mask
      }
      tableKeys[i] = k
      used.push(i)
    }
    tableCounts[i]!++
  })
  for (const i of used) {
    visit(tableKeys[i]!, tableCounts[i]!)
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

/**
 * Counts per n-gram, keyed by a 32-bit hash: unigram key = mix(h(w)), bigram key = mix(h(w₁)·31 ⊕ h(w₂) ⊕ salt), so no
 * bigram string is ever built. Two different n-grams sharing a key (≈ 2⁻³² per pair) are counted together.
 */
function forEachNgram(hashes: Uint32Array, visit: (key: number, count: number) => void): void {
  countKeys((add) => {
    let previous = 0
    for (let i = 0; i < hashes.length; i++) {
      const h = hashes[i]!
      add(mix32(h))
      if (i > 0) add(mix32((Math.imul(previous, 31) ^ h ^ 0x5bd1e995) >>> 0))
      previous = h
    }
  }, visit)
}

/**
 * Unigrams and bigrams of the text's skeleton (skeleton.ts: function words kept, other words replaced by their shape),
 * salted so that their keys never coincide with word n-gram keys on purpose.
 */
function forEachSkeletonNgram(hashes: Uint32Array, visit: (key: number, count: number) => void): void {
  countKeys((add) => {
    let previous = 0
    for (let i = 0; i < hashes.length; i++) {
      const h = hashes[i]!
      add(mix32((h ^ 0x3c6ef372) >>> 0))
      if (i > 0) add(mix32((Math.imul(previous, 31) ^ h ^ 0x1b873593) >>> 0))
      previous = h
    }
  }, visit)
}

/** The words of an article as ids into its distinct words (`TextStats.ids`/`distinct`): hashing is then done per distinct word. */
export interface WordIds {
  ids: Int32Array
  distinct: readonly string[]
}

/** `hashOf` of every word, computed once per distinct word when `wordIds` is given. */
function tokenHashes(words: readonly string[], hashOf: (word: string) => number, wordIds?: WordIds | null): Uint32Array {
  const out = new Uint32Array(words.length)
  if (wordIds && wordIds.ids.length === words.length) {
    const byId = new Uint32Array(wordIds.distinct.length)
    for (let id = 0; id < byId.length; id++) byId[id] = hashOf(wordIds.distinct[id]!)
    for (let k = 0; k < out.length; k++) out[k] = byId[wordIds.ids[k]!]!
  } else {
    for (let k = 0; k < out.length; k++) out[k] = hashOf(words[k]!)
  }
  return out
}

/** Character n-grams of `min`..`max` characters (UTF-16 units) of text already normalised by `charText`. */
function forEachCharNgram(text: string, min: number, max: number, visit: (key: number, count: number) => void): void {
  countKeys((add) => {
    for (let i = 0; i + min <= text.length; i++) {
      let h = 0x811c9dc5
      const end = Math.min(text.length, i + max)
      for (let j = i; j < end; j++) {
        h = Math.imul(h ^ text.charCodeAt(j), 0x01000193)
        // Salted by length so that char keys never coincide with word keys on purpose.
        if (j - i + 1 >= min) add(mix32((h ^ Math.imul(j - i + 1, 0x27d4eb2f) ^ 0x2545f491) >>> 0))
      }
    }
  }, visit)
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
  addUnitVector((visit) => forEachNgram(tokenHashes(words, fnv1a32, wordIds), visit), dims, 1, builder)
  if (skeleton) addUnitVector((visit) => forEachSkeletonNgram(tokenHashes(words, skeletonHash, wordIds), visit), dims, skeleton.weight, builder)
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
  const dotOf = (each: (visit: (key: number, count: number) => void) => void) => {
    let norm = 0
    let sum = 0
    each((key, count) => {
      const value = Math.log1p(count)
      norm += value * value
      const index = key % dims
      const sign = mix32((key ^ 0x85ebca6b) >>> 0) >>> 31 === 1 ? -1 : 1
      sum += sign * value * weights[index]!
    })
    return norm === 0 ? 0 : sum / Math.sqrt(norm)
  }
  let total = dotOf((visit) => forEachNgram(tokenHashes(words, fnv1a32, wordIds), visit))
  if (skeleton) total += skeleton.weight * dotOf((visit) => forEachSkeletonNgram(tokenHashes(words, skeletonHash, wordIds), visit))
  if (chars) {
    const normalized = charText(text)
    total += chars.weight * dotOf((visit) => forEachCharNgram(normalized, chars.min, chars.max, visit))
  }
  return total
}
