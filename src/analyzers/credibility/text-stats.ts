// Counts over raw text that the credibility features need: words, sentences, paragraphs, syllables, quoted words.
import { lowerBound } from '../../util/sorted.js'

const SENTENCE_END = /[.!?]+["”’)\]]*(?=\s|$)/g
const PARAGRAPH_BREAK = /\n[ \t]*\n/g
const QUOTED = /"[^"\n]{1,600}"|“[^”\n]{1,600}”/g
const LETTER = /\p{L}/u

/**
 * A distinct word, interned across articles (see `intern`): the per-word work of the features (syllables here, word-list
 * bits in evidence.ts, n-gram hashes in ngrams.ts) is done once per word seen rather than once per article. The slots
 * other modules fill start at -1; every entry has the same shape so the code reading them stays monomorphic.
 */
export interface WordEntry {
  readonly word: string
  readonly hash: number
  readonly syllables: number
  /** evidence.ts: bit flags of the word lists the word is in (-1 until computed). */
  lexicon: number
  /** ngrams.ts: the word's n-gram hash and skeleton hash (-1 until computed). */
  ngramHash: number
  skeletonHash: number
  /** The textStats call that last saw the word, and its id in that call's `distinct`. */
  seenIn: number
  localId: number
}

export interface TextStats {
  /** Lower-cased words in order (curly apostrophes folded to '). */
  words: string[]
  /** Where each word starts in the text. */
  starts: Int32Array
  /** Each word's id: its index in `distinct` (per-word work is done once per distinct word). */
  ids: Int32Array
  /** The distinct words, in order of first appearance, and how often each occurs. */
  distinct: string[]
  /** The interned entry of each distinct word (same order as `distinct`). */
  entries: WordEntry[]
  frequency: Int32Array
  sentences: number
  paragraphs: number
  syllables: number
  /** Words inside straight or curly double quotation marks. */
  quotedWords: number
  letters: number
  /** Runs of digits (with inner . or ,): "2,500" and "3.5" count once. */
  numbers: number
  /** Runs of '!' and of '?' ("!!!" counts once). */
  exclamations: number
  questions: number
}

function isLetter(code: number, text: string, i: number): boolean {
  if (code < 128) return (code | 32) >= 97 && (code | 32) <= 122
  return LETTER.test(text[i]!)
}

/**
 * One hand-written scan for words (letters, with inner apostrophes) plus a few regex passes; the same function serves
 * training and run time, so the features cannot drift apart. Runs in well under 0.1 ms for 800 words.
 */
export function textStats(text: string): TextStats {
  if (internedWords.length > MAX_INTERNED) resetInterned()
  const call = ++textStatsCalls
  let startList = startScratch
  let idList = idScratchBuffer
  let count = 0
  const entries: WordEntry[] = []
  let letters = 0
  const n = text.length
  // Lower-case once; words are interned from ranges of it without slicing (unless casing changes lengths).
  const folded = text.toLowerCase()
  const lower = folded.length === n ? folded : null
  let numbers = 0
  let exclamations = 0
  let questions = 0
  let i = 0
  while (i < n) {
    const code = text.charCodeAt(i)
    const ascii = code < 128
    if (ascii ? !((code | 32) >= 97 && (code | 32) <= 122) : !LETTER.test(text[i]!)) {
      // Not a letter: count digit runs and !/? runs on the way.
      if (code >= 48 && code <= 57) {
        numbers++
        i++
        while (i < n) {
          const c = text.charCodeAt(i)
          if (c >= 48 && c <= 57) i++
          else if ((c === 46 || c === 44) && i + 1 < n && text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57) i += 2
          else break
        }
        continue
      }
      if (code === 33 && text.charCodeAt(i - 1) !== 33) exclamations++
      else if (code === 63 && text.charCodeAt(i - 1) !== 63) questions++
      i++
      continue
    }
    const start = i
    // The word's `internHash`, over the lower-cased characters as they are scanned (meaningful only with `lower`).
    let h = INTERN_SEED
    for (;;) {
      while (i < n) {
        const c = text.charCodeAt(i)
        if (c < 128 ? (c | 32) >= 97 && (c | 32) <= 122 : LETTER.test(text[i]!)) {
          if (lower) h = Math.imul(h ^ lower.charCodeAt(i), INTERN_PRIME)
          i++
        } else break
      }
      // An apostrophe between letters stays inside the word ("don't", "Trump’s").
      const c = text.charCodeAt(i)
      if ((c === 39 || c === 0x2019) && i + 1 < n && isLetter(text.charCodeAt(i + 1), text, i + 1)) {
        h = Math.imul(h ^ 39, INTERN_PRIME)
        i++
        continue
      }
      break
    }
    let entry: WordEntry
    if (lower) entry = intern(lower, start, i, h)
    else {
      const word = text.slice(start, i).toLowerCase()
      entry = intern(word, 0, word.length, internHash(word, 0, word.length))
    }
    if (entry.seenIn !== call) {
      entry.seenIn = call
      entry.localId = entries.length
      entries.push(entry)
    }
    if (count === startList.length) {
      startList = startScratch = grown(startList)
      idList = idScratchBuffer = grown(idList)
    }
    startList[count] = start
    idList[count] = entry.localId
    count++
    letters += entry.word.length
  }
  const ids = idList.slice(0, count)
  const starts = startList.slice(0, count)
  if (startList.length > RETAINED_SCRATCH) {
    startScratch = new Int32Array(INITIAL_SCRATCH)
    idScratchBuffer = new Int32Array(INITIAL_SCRATCH)
  }
  const distinct = entries.map((e) => e.word)
  const words = new Array<string>(ids.length)
  const frequency = new Int32Array(distinct.length)
  for (let k = 0; k < ids.length; k++) {
    words[k] = distinct[ids[k]!]!
    frequency[ids[k]!]!++
  }
  let syllables = 0
  for (let id = 0; id < distinct.length; id++) syllables += frequency[id]! * entries[id]!.syllables
  const trimmed = text.trim()
  let sentences = 0
  if (trimmed) {
    SENTENCE_END.lastIndex = 0
    while (SENTENCE_END.exec(trimmed)) sentences++
    if (!/[.!?]["”’)\]]*$/.test(trimmed)) sentences++
  }
  const paragraphs = trimmed ? trimmed.split(PARAGRAPH_BREAK).filter((p) => p.trim()).length : 0
  let quotedWords = 0
  QUOTED.lastIndex = 0
  for (let m = QUOTED.exec(text); m; m = QUOTED.exec(text)) quotedWords += countBetween(starts, m.index, m.index + m[0].length)
  return { words, starts, ids, distinct, entries, frequency, sentences: Math.max(sentences, trimmed ? 1 : 0), paragraphs, syllables, quotedWords, letters, numbers, exclamations, questions }
}

/** How many sorted positions fall in [from, to). */
export function countBetween(sorted: Int32Array, from: number, to: number): number {
  return lowerBound(sorted, to) - lowerBound(sorted, from)
}

// Word starts and ids are collected in typed buffers reused across calls (pushing onto growing arrays cost ~90 ns a
// word on a 4 MB text) and copied out at the end; a buffer grown past RETAINED_SCRATCH is dropped after the call.
const INITIAL_SCRATCH = 4096
const RETAINED_SCRATCH = 1 << 18
let startScratch: Int32Array = new Int32Array(INITIAL_SCRATCH)
let idScratchBuffer: Int32Array = new Int32Array(INITIAL_SCRATCH)

function grown(buffer: Int32Array): Int32Array {
  const bigger = new Int32Array(buffer.length * 2)
  bigger.set(buffer)
  return bigger
}

// The interned words: an open-addressing table of indexes into `internedWords` (0 = empty slot, else index + 1), keyed
// by a hash of the word's characters, so a word seen before costs a hash and a compare, not a new string and a Map
// lookup. Bounded like the other per-word caches: reset (between calls, never during one) past MAX_INTERNED words.
const MAX_INTERNED = 100_000
const INITIAL_INTERN_SLOTS = 1 << 12
let internedWords: WordEntry[] = []
let internSlots = new Int32Array(INITIAL_INTERN_SLOTS)
/** Each slot's word hash beside it, so a probe past another word does not load that word's entry. */
let internSlotHashes = new Int32Array(INITIAL_INTERN_SLOTS)
let textStatsCalls = 0

function resetInterned(): void {
  internedWords = []
  internSlots = new Int32Array(INITIAL_INTERN_SLOTS)
  internSlotHashes = new Int32Array(INITIAL_INTERN_SLOTS)
}

const INTERN_SEED = 0x811c9dc5
const INTERN_PRIME = 0x01000193

/** FNV-1a over the UTF-16 units of `source.slice(from, to)` with ’ folded to ' (signed 32-bit). */
function internHash(source: string, from: number, to: number): number {
  let h = INTERN_SEED
  for (let j = from; j < to; j++) {
    const c = source.charCodeAt(j)
    h = Math.imul(h ^ (c === 0x2019 ? 39 : c), INTERN_PRIME)
  }
  return h
}

/**
 * The entry of the word `source.slice(from, to)` with ’ folded to ' (a lower-cased range), created on first sight;
 * `h` is its `internHash`.
 */
function intern(source: string, from: number, to: number, h: number): WordEntry {
  const mask = internSlots.length - 1
  const length = to - from
  for (let slot = h & mask; ; slot = (slot + 1) & mask) {
    const at = internSlots[slot]!
    if (at === 0) break
    if (internSlotHashes[slot] !== h) continue
    const entry = internedWords[at - 1]!
    if (entry.word.length === length && sameWord(entry.word, source, from)) return entry
  }
  let word = source.slice(from, to)
  if (word.includes('’')) word = word.replace(/’/g, "'")
  const entry: WordEntry = { word, hash: h, syllables: syllablesOf(word), lexicon: -1, ngramHash: -1, skeletonHash: -1, seenIn: 0, localId: 0 }
  internedWords.push(entry)
  if (internedWords.length * 2 > internSlots.length) rehashInterned()
  else placeInterned(h, internedWords.length)
  return entry
}

function sameWord(word: string, source: string, from: number): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = source.charCodeAt(from + k)
    if (word.charCodeAt(k) !== (c === 0x2019 ? 39 : c)) return false
  }
  return true
}

function placeInterned(h: number, indexPlusOne: number): void {
  const mask = internSlots.length - 1
  let slot = h & mask
  while (internSlots[slot] !== 0) slot = (slot + 1) & mask
  internSlots[slot] = indexPlusOne
  internSlotHashes[slot] = h
}

function rehashInterned(): void {
  internSlots = new Int32Array(internSlots.length * 2)
  internSlotHashes = new Int32Array(internSlots.length)
  for (let k = 0; k < internedWords.length; k++) placeInterned(internedWords[k]!.hash, k + 1)
}

const syllableCache = new Map<string, number>()

/** Vowel-group heuristic (silent final e dropped), at least one per word; cached per word. */
export function countSyllables(word: string): number {
  let n = syllableCache.get(word)
  if (n === undefined) {
    n = syllablesOf(word)
    if (syllableCache.size > 100_000) syllableCache.clear()
    syllableCache.set(word, n)
  }
  return n
}

/** `countSyllables` without its cache (interned words keep theirs on the entry). */
function syllablesOf(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '')
  if (w.length <= 3) return 1
  const groups = w.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').replace(/^y/, '').match(/[aeiouy]{1,2}/g)
  return Math.max(1, groups ? groups.length : 1)
}

const idScratch = new Map<string, number>()

/** Moving-average type-token ratio over windows of `window` words (length-independent lexical diversity). */
export function movingTypeTokenRatio(words: readonly string[], window = 50): number {
  // Words → small integer ids once, so the sliding window counts in a typed array instead of a Map.
  const ids = idScratch
  ids.clear()
  const seq = new Int32Array(words.length)
  for (let i = 0; i < words.length; i++) {
    let id = ids.get(words[i]!)
    if (id === undefined) ids.set(words[i]!, (id = ids.size))
    seq[i] = id
  }
  return movingTypeTokenRatioOfIds(seq, ids.size, window)
}

/** `movingTypeTokenRatio` over word ids in [0, distinct) (`TextStats.ids`). */
export function movingTypeTokenRatioOfIds(seq: Int32Array, distinct: number, window = 50): number {
  if (seq.length === 0) return 0
  if (seq.length <= window) return distinct / seq.length
  const counts = new Int32Array(distinct)
  let inWindow = 0
  for (let i = 0; i < window; i++) if (counts[seq[i]!]++ === 0) inWindow++
  let sum = inWindow
  for (let i = window; i < seq.length; i++) {
    if (--counts[seq[i - window]!] === 0) inWindow--
    if (counts[seq[i]!]++ === 0) inWindow++
    sum += inWindow
  }
  return sum / (seq.length - window + 1) / window
}
