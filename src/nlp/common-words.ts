// Is a word an ordinary English word? Hunspell's English dictionary (dictionary-en, also used by the spelling check)
// lists common words in lower case and proper nouns capitalized ("rent", "global" vs "Nadia"). The name recognizer
// asks this about capitalized words at a sentence start, where capitals say nothing, and about the last word of a
// name it has to type.

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

// Lower-case entries: stem → Hunspell affix flags ("rent/ZGMDRS" → "rent" → "ZGMDRS"); capitalized entries,
// lower-cased ("Baker/M" → "baker"). Built on first use (~50k words, a few tens of ms once per process).
let common: Map<string, string> | undefined
let proper: Set<string> | undefined

function load(): Map<string, string> {
  if (common) return common
  // Read synchronously next to the package's entry (importing it would read the files with a top-level await).
  const entry = createRequire(import.meta.url).resolve('dictionary-en')
  const text = readFileSync(join(dirname(entry), 'index.dic'), 'utf8')
  const words = new Map<string, string>()
  const names = new Set<string>()
  let lineStart = 0
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd < 0) lineEnd = text.length
    const c = text.charCodeAt(lineStart)
    const lower = c >= 97 && c <= 122
    if (lower || (c >= 65 && c <= 90)) {
      let stemEnd = lineStart
      while (stemEnd < lineEnd && text.charCodeAt(stemEnd) !== 47 && text.charCodeAt(stemEnd) > 32) stemEnd++
      const stem = text.slice(lineStart, stemEnd)
      if (lower) {
        let flagsEnd = stemEnd + 1
        while (flagsEnd < lineEnd && text.charCodeAt(flagsEnd) > 32) flagsEnd++
        words.set(stem, (words.get(stem) ?? '') + (stemEnd < lineEnd ? text.slice(stemEnd + 1, flagsEnd) : ''))
      } else {
        names.add(stem.toLowerCase())
      }
    }
    lineStart = lineEnd + 1
  }
  common = words
  proper = names
  return words
}

// The stem `stem` is a dictionary word whose flags allow the suffix (S plural, D past, G -ing, R -er, T -est, Y -ly).
function inflects(words: Map<string, string>, stem: string, flag: string): boolean {
  const flags = words.get(stem)
  return flags !== undefined && flags.includes(flag)
}

/**
 * True when `lower` (a lower-cased word) is a common dictionary word or an inflection the dictionary allows for one:
 * "analysts", "studies", "citing", "earlier"; not "childs" or "horner". Proper nouns the dictionary knows only
 * capitalized ("Nadia") and unknown words are not.
 */
export function isCommonWord(lower: string): boolean {
  const words = load()
  if (words.has(lower)) return true
  const n = lower.length
  if (n < 4) return false
  const last = lower.charCodeAt(n - 1)
  if (last === 115 /* s */) {
    if (inflects(words, lower.slice(0, -1), 'S')) return true
    // "supporters", "writers": agent nouns (flag Z).
    if (lower.endsWith('ers') && (inflects(words, lower.slice(0, -3), 'Z') || inflects(words, lower.slice(0, -2), 'Z'))) return true
    if (lower.endsWith('es') && inflects(words, lower.slice(0, -2), 'S')) return true
    if (lower.endsWith('ies') && inflects(words, `${lower.slice(0, -3)}y`, 'S')) return true
  } else if (lower.endsWith('ed')) {
    const stem = lower.slice(0, -2)
    if (inflects(words, stem, 'D') || inflects(words, `${stem}e`, 'D')) return true
    if (lower.endsWith('ied') && inflects(words, `${lower.slice(0, -3)}y`, 'D')) return true
  } else if (lower.endsWith('ing')) {
    const stem = lower.slice(0, -3)
    if (inflects(words, stem, 'G') || inflects(words, `${stem}e`, 'G')) return true
  } else if (lower.endsWith('er') || lower.endsWith('est')) {
    const flag = lower.endsWith('er') ? 'R' : 'T'
    const stem = lower.slice(0, flag === 'R' ? -2 : -3)
    if (inflects(words, stem, flag) || inflects(words, `${stem}e`, flag)) return true
    if (stem.endsWith('i') && inflects(words, `${stem.slice(0, -1)}y`, flag)) return true
  } else if (lower.endsWith('ly')) {
    const stem = lower.slice(0, -2)
    if (inflects(words, stem, 'Y') || (stem.endsWith('i') && inflects(words, `${stem.slice(0, -1)}y`, 'Y'))) return true
  }
  return false
}

/**
 * True for a common word the dictionary never lists as a proper noun: "energy", "air" (so "Northwind Air" is no
 * person), not "baker", "green", "rice" (also surnames).
 */
export function isOnlyCommonWord(lower: string): boolean {
  if (!isCommonWord(lower)) return false
  const names = proper as Set<string>
  return !names.has(lower) && !(lower.endsWith('s') && names.has(lower.slice(0, -1)))
}
