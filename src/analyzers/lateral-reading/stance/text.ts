// Word tokens split into retrieval units (paragraphs, long ones cut at sentence ends), and hashed n-grams.

/** Word tokens of a text: lower-cased forms (curly apostrophes folded) and the unit each belongs to. */
export interface Tokens {
  words: string[]
  /** Index of the first word of each unit (a paragraph, or a slice of a long one cut at a sentence end), ascending. */
  unitStarts: number[]
}

const NUMBER = /\d(?:[\d,]*\d)?(?:\.\d+)?/g
const NON_ASCII_WORD = /[\p{L}\p{N}]/u
/** Paragraphs longer than this many words are cut at the next sentence end, so one relevant passage stands out. */
const UNIT_WORDS = 60

/**
 * Tokenizes `text` into words (letters and digits, with inner apostrophes: "didn't") and assigns each to a unit.
 * A hand-written scanner over char codes: this runs over every corpus body, so it avoids a Unicode regex per word.
 */
export function tokenize(text: string): Tokens {
  const lower = text.toLowerCase()
  const words: string[] = []
  const unitStarts: number[] = []
  let inUnit = 0
  let paragraphBreak = false
  let sentenceEnd = false
  const length = lower.length
  let i = 0
  while (i < length) {
    const c = lower.charCodeAt(i)
    if (!isWordChar(c, lower, i)) {
      if (c === 10) paragraphBreak = true
      else if (c === 46 || c === 33 || c === 63) sentenceEnd = true
      i++
      continue
    }
    let end = i + 1
    for (;;) {
      while (end < length && isWordChar(lower.charCodeAt(end), lower, end)) end++
      const next = lower.charCodeAt(end)
      if ((next === 39 || next === 0x2019) && end + 1 < length && isLetter(lower.charCodeAt(end + 1), lower, end + 1)) {
        end += 2
        continue
      }
      break
    }
    if (words.length === 0 || paragraphBreak || (sentenceEnd && inUnit >= UNIT_WORDS)) {
      unitStarts.push(words.length)
      inUnit = 0
    }
    paragraphBreak = false
    sentenceEnd = false
    const word = lower.slice(i, end)
    words.push(word.includes('’') ? word.replace(/’/g, "'") : word)
    inUnit += 1
    i = end
  }
  return { words, unitStarts }
}

function isWordChar(c: number, text: string, at: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90)
  return NON_ASCII_WORD.test(text[at]!)
}

function isLetter(c: number, text: string, at: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90)
  return /\p{L}/u.test(text[at]!)
}

/** Numbers written with digits, normalized ("1,000" → "1000", "3.50" → "3.5"). */
export function numbersIn(text: string): Set<string> {
  const found = new Set<string>()
  NUMBER.lastIndex = 0
  for (let match = NUMBER.exec(text); match !== null; match = NUMBER.exec(text)) {
    let value = match[0].replace(/,/g, '')
    if (value.includes('.')) value = value.replace(/0+$/, '').replace(/\.$/, '')
    found.add(value)
  }
  return found
}

/** 32-bit FNV-1a of a string. */
export function hashString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h | 0
}

/** Combines two hashes order-dependently (n-grams of word hashes), with murmur3's finalizer so that results spread. */
export function combineHashes(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ b
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) | 0
}

/**
 * Hashes of the character n-grams of `text` (lower-cased, runs of non-alphanumerics as one space), as an IntSet.
 * One pass over char codes with a ring of the last n folded codes: no intermediate string.
 */
export function charGramHashes(text: string, n: number): IntSet {
  const grams = scratch(text.length + 1)
  const ring = new Int32Array(n)
  let filled = 0
  let count = 0
  let lastWasSpace = true
  for (let i = 0; i <= text.length; i++) {
    let code = i < text.length ? text.charCodeAt(i) : 32
    if (code >= 65 && code <= 90) code += 32
    else if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57))) {
      code = code > 127 && /[\p{L}\p{N}]/u.test(text[i]!) ? text[i]!.toLowerCase().charCodeAt(0) : 32
    }
    if (code === 32) {
      if (lastWasSpace) continue
      lastWasSpace = true
    } else lastWasSpace = false
    ring[filled % n] = code
    filled++
    if (filled < n) continue
    let h = 0x811c9dc5
    for (let k = filled - n; k < filled; k++) h = Math.imul(h ^ ring[k % n]!, 0x01000193)
    grams[count++] = h
  }
  return intSetOf(grams.subarray(0, count))
}

/** A set of 32-bit integers in one open-addressing table (no boxing, no sorting): bodies hold thousands of n-gram hashes. */
export interface IntSet {
  table: Int32Array
  /** Distinct values held. */
  size: number
  /** Whether 0 is held (0 marks empty slots in the table). */
  zero: boolean
}

export function intSetOf(values: ArrayLike<number>): IntSet {
  let capacity = 16
  while (capacity < values.length * 2) capacity <<= 1
  const table = new Int32Array(capacity)
  const mask = capacity - 1
  let size = 0
  let zero = false
  for (let i = 0; i < values.length; i++) {
    const v = values[i]! | 0
    if (v === 0) {
      if (!zero) size++
      zero = true
      continue
    }
    let slot = Math.imul(v, 0x9e3779b1) >>> 0 & mask
    for (;;) {
      const held = table[slot]!
      if (held === 0) {
        table[slot] = v
        size++
        break
      }
      if (held === v) break
      slot = (slot + 1) & mask
    }
  }
  return { table, size, zero }
}

export function intSetHas(set: IntSet, value: number): boolean {
  const v = value | 0
  if (v === 0) return set.zero
  const table = set.table
  const mask = table.length - 1
  let slot = Math.imul(v, 0x9e3779b1) >>> 0 & mask
  for (;;) {
    const held = table[slot]!
    if (held === v) return true
    if (held === 0) return false
    slot = (slot + 1) & mask
  }
}

/** The values held, in table order (for iterating the small side of an intersection). */
export function intSetValues(set: IntSet): Int32Array {
  const out = new Int32Array(set.size)
  let n = 0
  if (set.zero) out[n++] = 0
  for (let i = 0; i < set.table.length; i++) if (set.table[i] !== 0) out[n++] = set.table[i]!
  return out
}

// One reusable buffer for temporary hash lists: profiling runs over every corpus body, and fresh arrays cost GC time.
let buffer = new Int32Array(1 << 14)

/** A temporary Int32Array of at least `size` values, valid until the next call (callers copy what they keep). */
export function scratch(size: number): Int32Array {
  if (buffer.length < size) buffer = new Int32Array(Math.max(size, buffer.length * 2))
  return buffer
}
