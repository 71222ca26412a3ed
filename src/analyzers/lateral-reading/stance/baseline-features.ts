// The official FNC-1 baseline's features (word overlap, refuting words, polarity, co-occurrence and n-gram hits), for comparison.
import { STOPWORDS, BASELINE_REFUTING } from './lexicon.js'
import { wordCharRuns } from '../../../nlp/words.js'

/** Character n-gram lengths the baseline counts hits for. */
const CHAR_SIZES = [2, 8, 4, 16]

/** Feature names of the baseline, in vector order. */
export const BASELINE_FEATURES: readonly string[] = [
  'word_overlap',
  ...BASELINE_REFUTING.map((word) => `refuting_${word}`),
  'headline_polarity', 'body_polarity',
  'co_occurrence', 'co_occurrence_early', 'co_occurrence_stops', 'co_occurrence_stops_early',
  ...CHAR_SIZES.flatMap((n) => [`char${n}_hits`, `char${n}_early_hits`, `char${n}_first_hits`]),
  ...[2, 3, 4, 5, 6].flatMap((n) => [`word${n}_hits`, `word${n}_early_hits`]),
]

/** A body prepared once for the baseline features. */
export interface BaselineBody {
  clean: string
  early: string
  first: string
  tokens: Set<string>
  polarity: number
  /** Every substring of `clean` of each char-gram length, so a hit test is one lookup instead of a scan. */
  charGrams: Map<number, Set<string>>
}


const REFUTING = new Set(BASELINE_REFUTING)

/** Lower-cased word characters joined by single spaces, like the baseline's `clean()`. */
function clean(text: string): string {
  return wordCharRuns(text).join(' ').toLowerCase()
}

export function prepareBaselineBody(text: string): BaselineBody {
  const cleaned = clean(text)
  const tokens = cleaned.split(' ').filter(Boolean)
  return {
    clean: cleaned,
    early: cleaned.slice(0, 255),
    first: cleaned.slice(0, 100),
    tokens: new Set(tokens),
    polarity: tokens.filter((t) => REFUTING.has(t)).length % 2,
    charGrams: new Map(CHAR_SIZES.map((n) => [n, substrings(cleaned, n)])),
  }
}

function substrings(text: string, n: number): Set<string> {
  const grams = new Set<string>()
  for (let i = 0; i + n <= text.length; i++) grams.add(text.slice(i, i + n))
  return grams
}

/** The baseline feature vector of a (headline, body) pair. */
export function baselineFeatures(headline: string, body: BaselineBody): Float64Array {
  const f: number[] = []
  const headClean = clean(headline)
  const head = headClean.split(' ').filter(Boolean)
  const headSet = new Set(head)
  let shared = 0
  for (const t of headSet) if (body.tokens.has(t)) shared++
  const union = headSet.size + body.tokens.size - shared
  f.push(union === 0 ? 0 : shared / union)
  for (const word of BASELINE_REFUTING) f.push(headSet.has(word) ? 1 : 0)
  f.push(head.filter((t) => REFUTING.has(t)).length % 2, body.polarity)
  const stops = head.filter((t) => !STOPWORDS.has(t))
  f.push(...coOccurrence(head, body), ...coOccurrence(stops, body))
  const joined = stops.join(' ')
  for (const n of CHAR_SIZES) {
    let hits = 0
    let early = 0
    let first = 0
    const all = body.charGrams.get(n)!
    for (let i = 0; i + n <= joined.length; i++) {
      const gram = joined.slice(i, i + n)
      if (!all.has(gram)) continue
      hits++
      if (body.early.includes(gram)) early++
      if (body.first.includes(gram)) first++
    }
    f.push(hits, early, first)
  }
  for (const n of [2, 3, 4, 5, 6]) {
    let hits = 0
    let early = 0
    for (let i = 0; i + n <= stops.length; i++) {
      const gram = stops.slice(i, i + n).join(' ')
      if (body.clean.includes(gram)) hits++
      if (body.early.includes(gram)) early++
    }
    f.push(hits, early)
  }
  return Float64Array.from(f)
}

/** Headline tokens found (as substrings, like the baseline) in the body and in its first 255 characters. */
function coOccurrence(tokens: string[], body: BaselineBody): [number, number] {
  let all = 0
  let early = 0
  for (const t of tokens) {
    if (body.clean.includes(t)) all++
    if (body.early.includes(t)) early++
  }
  return [all, early]
}
