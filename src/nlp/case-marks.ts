// Case marks the name recognizer needs: capitalized words, sentence-initial words, headline-case sentences, and
// which words the article capitalizes in mid-sentence (evidence that a sentence-initial word is a name).

import type { Sentence, Token } from '../document/types.js'
import { FUNCTION_WORDS, OPENERS, TERMINAL } from './name-words.js'
import { ALL_CAPS, CAPITALIZED } from './tokens.js'

/** Per-token and per-sentence case facts, computed in one pass. */
export interface CaseMarks {
  /** 1 for words starting with an upper-case letter. */
  cap: Uint8Array
  /** 1 for the first word of a sentence, or after an opening quote, bracket, colon or dash. */
  initial: Uint8Array
  /** 1 per sentence written in headline case ("Trump Slams Sessions Over Russia Probe") or all caps. */
  headline: Uint8Array
  /** Lower-cased words capitalized somewhere other than a sentence start, outside headlines. */
  seenInside: Set<string>
  /** How often each lower-cased word appears capitalized, anywhere. */
  seenCount: Map<string, number>
}

/** Compute the case marks for `tokens` (flags from createTokenMapper). */
export function markCase(tokens: Token[], flags: Uint8Array, sentences: Sentence[]): CaseMarks {
  const cap = new Uint8Array(tokens.length)
  const initial = new Uint8Array(tokens.length)
  const headline = new Uint8Array(sentences.length)
  const seenInside = new Set<string>()
  const seenCount = new Map<string, number>()
  for (const sentence of sentences) {
    let atStart = true
    let words = 0
    let capWords = 0
    let allCaps = 0
    for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
      const t = tokens[i]
      if (t.kind !== 'word') {
        if (OPENERS.has(t.lower)) atStart = true
        continue
      }
      if (flags[i] & CAPITALIZED) {
        cap[i] = 1
        seenCount.set(t.lower, (seenCount.get(t.lower) ?? 0) + 1)
      }
      if (atStart) initial[i] = 1
      atStart = false
      if (!FUNCTION_WORDS.has(t.lower)) {
        words++
        if (cap[i]) capWords++
        if (flags[i] & ALL_CAPS) allCaps++
      }
    }
    // Headlines have no final stop; name-dense prose ("Senator Maria Lopez met Gov. Hartley in Ohio.") does.
    const last = tokens[sentence.tokenEnd - 1].lower
    if (words >= 3 && ((capWords >= words * 0.75 && !TERMINAL.has(last)) || allCaps === words)) {
      headline[sentence.index] = 1
      continue
    }
    for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
      if (cap[i] && !initial[i]) seenInside.add(tokens[i].lower)
    }
  }
  return { cap, initial, headline, seenInside, seenCount }
}
