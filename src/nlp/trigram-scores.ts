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
  pairs: Int32Array
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
  const pairs = new Int32Array(offsets[CODES]!)
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
  /** Distinct encodable trigrams, by code in ascending order, and their counts (same index). */
  codes: Int32Array
  counts: Int32Array
  /** The other trigrams' counts. */
  others: Map<string, number>
}

/**
 * trigram-utils' `asDictionary`: the cleaned, space-padded, lower-cased value's trigram counts, encodable trigrams
 * counted by code. The codes are sorted and counted by runs: a sample is at most 2048 characters, so this costs less
 * than clearing a table of all 38³ codes, and keeps no counts between calls.
 */
function trigramCounts(value: string): TrigramCounts {
  const cleaned = ' ' + value.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase() + ' '
  const others = new Map<string, number>()
  const all = new Int32Array(Math.max(0, cleaned.length - 2))
  let n = 0
  for (let i = 0; i + 3 <= cleaned.length; i++) {
    const code = trigramCode(cleaned, i)
    if (code >= 0) {
      all[n++] = code
      continue
    }
    const trigram = cleaned.slice(i, i + 3)
    others.set(trigram, (others.get(trigram) ?? 0) + 1)
  }
  const sorted = all.subarray(0, n).sort()
  const codes = new Int32Array(n)
  const counts = new Int32Array(n)
  let distinct = 0
  for (let k = 0; k < n; k++) {
    if (k > 0 && sorted[k] === sorted[k - 1]) counts[distinct - 1]!++
    else {
      codes[distinct] = sorted[k]!
      counts[distinct++] = 1
    }
  }
  return { codes: codes.subarray(0, distinct), counts: counts.subarray(0, distinct), others }
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
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i)
      if (code < 128) for (const index of ASCII_SCRIPTS[code]!) counts[index]!++
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
