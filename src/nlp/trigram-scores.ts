// franc-min's `francAll(value, { minLength })`, with the same results, computed faster: franc compares the sample's
// trigrams with every language's 300-trigram profile through an object lookup per (trigram, language) pair; here each
// script's profiles are folded once into one table trigram → (language, rank), so a sample costs one lookup per
// distinct trigram: an array index for trigrams of lower-case ASCII letters, space and ASCII punctuation above '@'
// (nearly all of an English sample), a map lookup for the rest. Distances are the same integer sums, sorted and
// normalized exactly as franc does (checked against francAll in trigram-scores.test.ts). Anything this does not handle
// (a script with one language, no script) goes to francAll itself.
import { francAll } from 'franc-min'
import { data } from 'franc-min/data.js'
import { expressions } from 'franc-min/expressions.js'

/** franc-min's constants (index.js): sample cut, default minimum length, the distance of a trigram a profile lacks. */
const MAX_LENGTH = 2048
const MAX_DIFFERENCE = 300

interface ScriptTable {
  languages: string[]
  /** trigram → flat pairs [languageIndex, rank, languageIndex, rank, …], for trigrams `asciiCode` cannot encode */
  ranks: Map<string, number[]>
  /** The pairs of an encodable trigram `code`: pairs[offsets[code]] up to pairs[offsets[code + 1]] (no string, no hashing). */
  offsets: Int32Array
  /** 16 bits are plenty (a script has under 100 languages, a profile 300 trigrams) and keep the table in cache. */
  pairs: Uint16Array
}

// After cleaning (ASCII punctuation below 'A' and digits gone, lower case, single spaces) most trigrams of Latin-script
// text are made of these 38 characters: each gets a small code, and a trigram of them one integer below 38³.
const BASE = 38
const ASCII_CODE = new Int8Array(128).fill(-1)
ASCII_CODE[0x20] = 0
for (let c = 0x61; c <= 0x7a; c++) ASCII_CODE[c] = c - 0x60
for (let c = 0x5b; c <= 0x60; c++) ASCII_CODE[c] = 27 + c - 0x5b
for (let c = 0x7b; c <= 0x7f; c++) ASCII_CODE[c] = 33 + c - 0x7b
const CODES = BASE * BASE * BASE

function charCode(unit: number): number {
  return unit < 128 ? ASCII_CODE[unit]! : -1
}

/** The integer code of the trigram at `text[i..i+3)`, or -1 when one of its characters has no small code. */
function trigramCode(text: string, i: number): number {
  const a = charCode(text.charCodeAt(i))
  const b = charCode(text.charCodeAt(i + 1))
  const c = charCode(text.charCodeAt(i + 2))
  return a < 0 || b < 0 || c < 0 ? -1 : (a * BASE + b) * BASE + c
}

const tables = new Map<string, ScriptTable>()

function tableFor(script: string): ScriptTable {
  let table = tables.get(script)
  if (table) return table
  const profiles = data[script]!
  const languages = Object.keys(profiles)
  const ranks = new Map<string, number[]>()
  // Encodable trigrams are kept as (code, rank) per language and counted per code, then laid out by code: no map entry
  // or string is kept for them (this runs once per script, on the first article: it is part of the CLI's cold start).
  const offsets = new Int32Array(CODES + 1)
  const lastLanguage = new Int32Array(CODES).fill(-1)
  const listed: Int32Array[] = []
  languages.forEach((language, index) => {
    const model = profiles[language]!.split('|')
    // franc: `weight = model.length; while (weight--) trigrams[model[weight]] = weight`: a trigram listed twice keeps
    // its first (lowest) rank, so the model is read from the front and repeats are skipped.
    const codeRanks = new Int32Array(2 * model.length)
    let n = 0
    const seen = new Set<string>()
    for (let weight = 0; weight < model.length; weight++) {
      const trigram = model[weight]!
      const code = trigram.length === 3 ? trigramCode(trigram, 0) : -1
      if (code >= 0) {
        if (lastLanguage[code] === index) continue
        lastLanguage[code] = index
        codeRanks[n++] = code
        codeRanks[n++] = weight
        offsets[code + 1]! += 2
      } else if (!seen.has(trigram)) {
        seen.add(trigram)
        const list = ranks.get(trigram)
        if (list) list.push(index, weight)
        else ranks.set(trigram, [index, weight])
      }
    }
    listed.push(codeRanks.subarray(0, n))
  })
  for (let code = 0; code < CODES; code++) offsets[code + 1]! += offsets[code]!
  const pairs = new Uint16Array(offsets[CODES]!)
  const next = offsets.slice(0, CODES)
  listed.forEach((codeRanks, index) => {
    for (let k = 0; k < codeRanks.length; k += 2) {
      const code = codeRanks[k]!
      pairs[next[code]!++] = index
      pairs[next[code]!++] = codeRanks[k + 1]!
    }
  })
  table = { languages, ranks, offsets, pairs }
  tables.set(script, table)
  return table
}

interface TrigramCounts {
  /** Distinct encodable trigrams, in order of first occurrence, and their counts (same index). */
  codes: Int32Array
  counts: Int32Array
  /** The other trigrams' counts. */
  others: Map<string, number>
}

// Counts by trigram code, all zero between calls: a call counts into it and clears only the codes it touched. Cheaper
// than sorting the sample's codes to count them by runs (the distances below are integer sums, so the order the
// distinct trigrams come in does not matter). 16 bits: a sample has at most MAX_LENGTH trigrams.
const COUNT_BY_CODE = new Uint16Array(CODES)

/**
 * trigram-utils' `asDictionary`: the cleaned, space-padded, lower-cased value's trigram counts, encodable trigrams
 * counted by code.
 */
function trigramCounts(value: string): TrigramCounts {
  const units = cleanedUnits(value) ?? unitsOf(' ' + value.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase() + ' ')
  const length = units.length
  const others = new Map<string, number>()
  const codes = new Int32Array(Math.max(0, length - 2))
  let distinct = 0
  // A sliding window: each unit's small code is read once, not three times.
  let a = length > 0 ? charCode(units[0]!) : -1
  let b = length > 1 ? charCode(units[1]!) : -1
  for (let i = 0; i + 3 <= length; i++) {
    const c = charCode(units[i + 2]!)
    if (a >= 0 && b >= 0 && c >= 0) {
      const code = (a * BASE + b) * BASE + c
      if (COUNT_BY_CODE[code]!++ === 0) codes[distinct++] = code
    } else {
      const trigram = String.fromCharCode(units[i]!, units[i + 1]!, units[i + 2]!)
      others.set(trigram, (others.get(trigram) ?? 0) + 1)
    }
    a = b
    b = c
  }
  const counts = new Int32Array(distinct)
  for (let k = 0; k < distinct; k++) {
    const code = codes[k]!
    counts[k] = COUNT_BY_CODE[code]!
    COUNT_BY_CODE[code] = 0
  }
  return { codes: codes.subarray(0, distinct), counts, others }
}

function unitsOf(s: string): Uint16Array {
  const units = new Uint16Array(s.length)
  for (let i = 0; i < s.length; i++) units[i] = s.charCodeAt(i)
  return units
}

/** 1: this code unit is its own lower case on its own; 2: it is not (0: not yet asked). */
const OWN_LOWER = new Uint8Array(0x10000)

/**
 * What `' ' + value.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase() + ' '` gives, as code
 * units, in one pass without regular expressions: every run of ASCII punctuation, digits and white space is one space,
 * none at the ends but the padding. Lower-casing is per unit, so this is only done when that is exact: null (use the
 * regular expressions) when the value holds a surrogate (a pair may lower-case as a whole) or a character that changes
 * in lower case outside ASCII ('É', 'Σ', whose lower case depends on what follows it, 'İ', which lower-cases to two).
 */
function cleanedUnits(value: string): Uint16Array | null {
  const units = new Uint16Array(value.length + 2)
  let n = 0
  units[n++] = 32
  let space = false
  for (let i = 0; i < value.length; i++) {
    let u = value.charCodeAt(i)
    if (u < 128) {
      if ((u >= 0x21 && u <= 0x40) || u === 32 || (u >= 9 && u <= 13)) {
        space = n > 1
        continue
      }
      if (u >= 65 && u <= 90) u += 32
    } else {
      if (isWideSpace(u)) {
        space = n > 1
        continue
      }
      if (u >= 0xd800 && u <= 0xdfff) return null
      let own = OWN_LOWER[u]!
      if (own === 0) {
        const ch = String.fromCharCode(u)
        own = OWN_LOWER[u] = ch.toLowerCase() === ch ? 1 : 2
      }
      if (own === 2) return null
    }
    if (space) {
      units[n++] = 32
      space = false
    }
    units[n++] = u
  }
  units[n++] = 32
  return units.subarray(0, n)
}

/** `\s` of a regular expression (and what trim() removes) beyond ASCII. */
function isWideSpace(u: number): boolean {
  return u === 0xa0 || u === 0x1680 || (u >= 0x2000 && u <= 0x200a) || u === 0x2028 || u === 0x2029 || u === 0x202f || u === 0x205f || u === 0x3000 || u === 0xfeff
}

const SCRIPTS = Object.keys(expressions)
/**
 * For each ASCII code, the indexes of the scripts whose expression matches it. franc's expressions are character
 * classes plus surrogate-pair sequences, so no match spans an ASCII character and a non-ASCII one (checked once below:
 * anything else sends every sample to franc's own count).
 */
const WHOLE_MATCH = SCRIPTS.map((script) => new RegExp(`^(?:${expressions[script]!.source})$`))
const ASCII_SCRIPTS: number[][] = Array.from({ length: 128 }, (_, code) =>
  SCRIPTS.flatMap((_, index) => (WHOLE_MATCH[index]!.test(String.fromCharCode(code)) ? [index] : [])))
const SPLIT_SAFE = SCRIPTS.every((script) => {
  const source = expressions[script]!.source
  // Alternatives: a class, or a high-surrogate escape/class followed by a class or a low-surrogate escape.
  return source.split('|').every((alternative) => /^(?:\[[^\]]*\]|\\uD[89AB][0-9A-F]{2}(?:\[[^\]]*\]|\\uD[C-F][0-9A-F]{2})?|\[\\uD[89AB][^\]]*\]\[[^\]]*\])$/i.test(alternative))
})
const NON_ASCII_RUN = /[^\u0000-\u007f]+/g

/**
 * franc's getTopScript: the script whose expression matches most characters (first one on ties). ASCII characters
 * are counted from a table, and the expressions run only over the runs of non-ASCII characters.
 */
function topScript(value: string): string | undefined {
  const counts = new Array<number>(SCRIPTS.length).fill(0)
  if (SPLIT_SAFE) {
    // Each ASCII character is counted once, then credited to its scripts.
    const ascii = new Int32Array(128)
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i)
      if (code < 128) ascii[code]!++
    }
    for (let code = 0; code < 128; code++) {
      if (ascii[code] !== 0) for (const index of ASCII_SCRIPTS[code]!) counts[index]! += ascii[code]!
    }
    const runs = value.match(NON_ASCII_RUN)
    if (runs) {
      for (const run of runs) {
        for (let index = 0; index < SCRIPTS.length; index++) counts[index]! += run.match(expressions[SCRIPTS[index]!]!)?.length ?? 0
      }
    }
  } else {
    SCRIPTS.forEach((script, index) => (counts[index] = value.match(expressions[script]!)?.length ?? 0))
  }
  let topCount = -1
  let top: string | undefined
  SCRIPTS.forEach((script, index) => {
    const count = counts[index]! / value.length || 0
    if (count > topCount) {
      topCount = count
      top = script
    }
  })
  return top
}

/** True when topScript takes its fast path (for the test). */
export const TOP_SCRIPT_SPLIT = SPLIT_SAFE

/** The same `[language, score][]` as `francAll(value, { minLength })` (franc-min 6.2) without `only`/`ignore`. */
export function trigramScores(value: string, minLength: number): [string, number][] {
  if (!value || value.length < minLength) return francAll(value, { minLength })
  const sample = value.slice(0, MAX_LENGTH)
  const script = topScript(sample)
  if (!script || !(script in data)) return francAll(value, { minLength })
  const { languages, ranks, offsets, pairs } = tableFor(script)
  const counts = trigramCounts(sample)
  // distance(language) = Σ over the sample's trigrams of |count − rank − 1| where the profile has it, else 300.
  // Integer sums, so the order trigrams are visited in does not matter.
  const distances = new Array<number>(languages.length).fill((counts.codes.length + counts.others.size) * MAX_DIFFERENCE)
  for (let k = 0; k < counts.codes.length; k++) {
    const code = counts.codes[k]!
    const count = counts.counts[k]!
    for (let i = offsets[code]!; i < offsets[code + 1]!; i += 2) {
      distances[pairs[i]!]! -= MAX_DIFFERENCE - Math.abs(count - pairs[i + 1]! - 1)
    }
  }
  for (const [trigram, count] of counts.others) {
    const list = ranks.get(trigram)
    if (!list) continue
    for (let i = 0; i < list.length; i += 2) {
      const difference = Math.abs(count - list[i + 1]! - 1)
      distances[list[i]!]! -= MAX_DIFFERENCE - difference
    }
  }
  const scored: [string, number][] = languages.map((language, index) => [language, distances[index]!])
  scored.sort((a, b) => a[1] - b[1])
  const min = scored[0]![1]
  const max = sample.length * MAX_DIFFERENCE - min
  for (const entry of scored) entry[1] = 1 - (entry[1] - min) / max || 0
  return scored
}
