// A short text prepared once for pair features: tokens, light stems, negation scope, numbers, years and names.
// Regex tokens, not wink: claim–sentence pairs must run at thousands per second per core, and the texts are one sentence.
import LEXICON from './lexicon.json' with { type: 'json' }

const STOPWORDS = new Set(LEXICON.stopwords)
const NEGATION = new Set(LEXICON.negation)
const SCOPE_END = new Set(LEXICON.negationScopeEnd)
const NOT_FRAMES = new Set(['online', 'viral', 'circulating', 'reports', 'post', 'posts'])
const FRAME_OPEN = new Set([...LEXICON.denial, ...LEXICON.claimFrame.filter((w) => !NOT_FRAMES.has(w))])
// A reported or denied proposition ("denying posts … that it had closed", "rejecting claims that the cost will double")
// runs to the end of its clause: a comma, semicolon, colon or full stop, not "and" or "that" as a negation's scope does.
const FRAME_END = new Set([',', ';', ':', '.', '?', 'but', 'while', 'although', 'whereas'])
const FRAME_LENGTH = 16
// A negation covers at most this many tokens after it ("has not been closed to trucks for months" → "been closed to trucks").
const SCOPE_LENGTH = 6

const TOKEN = /[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,]\d+)*|[$%?,;:.]/g
const WORD_NUMBERS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12,
}
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, k: 1e3, m: 1e6, bn: 1e9 }

/** One side of a pair, prepared once (a claim is prepared once and compared with many sentences). */
export interface PreparedText {
  lower: string[]
  stems: string[]
  /** Stems of content words (no stopwords, no punctuation, no numbers). */
  content: Set<string>
  allStems: Set<string>
  /** 1 where the token lies inside a negation's scope. */
  negated: Uint8Array
  /** 1 where the token lies inside a denied or reported proposition ("denying posts that it had closed"). */
  framed: Uint8Array
  /** Stems of content words outside any denied or reported proposition: what the text itself asserts. */
  asserted: Set<string>
  negations: number
  /** Quantities (scale words applied; years excluded). */
  numbers: number[]
  /** Per quantity: the stem of the word it counts ("62,000 workers" → "worker"; "$" or "percent" for money and shares). */
  numberUnits: string[]
  /** Per quantity: 1 when it lies in a negated or denied clause ("120 jobs, not 1,200 as reported"): not asserted. */
  numberDenied: Uint8Array
  years: number[]
  /** Lower-cased capitalized words that do not start the text: a cheap stand-in for named entities. */
  names: Set<string>
  /** Stems of `names`. */
  nameStems: Set<string>
  question: boolean
}

/** Strips common English suffixes so "closed", "closes", "closing" meet at "clos". Crude and fast; used on both sides alike. */
export function stem(input: string): string {
  let word = input
  if (word.length <= 3) return word
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`
  if (word.endsWith('ing') && word.length > 5) return trimDouble(word.slice(0, -3))
  if (word.endsWith('ed') && word.length > 4) return trimDouble(word.slice(0, -2))
  if (word.endsWith('es') && word.length > 4 && /(ss|sh|ch|x|z)es$/.test(word)) return word.slice(0, -2)
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) word = word.slice(0, -1)
  if (word.endsWith('e') && word.length > 4) return word.slice(0, -1)
  return word
}

function trimDouble(s: string): string {
  const n = s.length
  if (n > 3 && s[n - 1] === s[n - 2] && !'lsz'.includes(s[n - 1]!)) return s.slice(0, -1)
  return s.endsWith('e') && n > 4 ? s.slice(0, -1) : s
}

/** Tokens of `text` in lower case; contractions become a word plus "not" ("hasn't" → has, not; "won't" → will, not). */
export function tokenize(text: string): { lower: string[]; capitalized: boolean[] } {
  const lower: string[] = []
  const capitalized: boolean[] = []
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0].replace(/’/g, "'")
    const low = raw.toLowerCase()
    const cap = raw.charCodeAt(0) >= 65 && raw.charCodeAt(0) <= 90
    if (low.endsWith("n't")) {
      const head = low === "won't" ? 'will' : low === "can't" ? 'can' : low.slice(0, -3)
      lower.push(head, 'not')
      capitalized.push(cap, false)
    } else if (low.endsWith("'s") || low.endsWith("'re") || low.endsWith("'ve") || low.endsWith("'ll") || low.endsWith("'d")) {
      lower.push(low.slice(0, low.indexOf("'")))
      capitalized.push(cap)
    } else {
      lower.push(low)
      capitalized.push(cap)
    }
  }
  return { lower, capitalized }
}

/** Prepares one text for pair features. */
export function prepareText(text: string): PreparedText {
  const { lower, capitalized } = tokenize(text)
  const n = lower.length
  const stems = new Array<string>(n)
  const content = new Set<string>()
  const allStems = new Set<string>()
  const negated = new Uint8Array(n)
  const framed = new Uint8Array(n)
  const asserted = new Set<string>()
  let frame = 0
  const numbers: number[] = []
  const numberAt: number[] = []
  const years: number[] = []
  const names = new Set<string>()
  const nameStems = new Set<string>()
  let negations = 0
  let scope = 0
  for (let i = 0; i < n; i++) {
    const w = lower[i]!
    const s = stem(w)
    stems[i] = s
    allStems.add(s)
    if (FRAME_END.has(w)) frame = 0
    else if (frame > 0) {
      framed[i] = 1
      frame--
    }
    if (FRAME_OPEN.has(w)) frame = FRAME_LENGTH
    if (NEGATION.has(w)) {
      negations++
      scope = SCOPE_LENGTH
      continue
    }
    if (SCOPE_END.has(w)) scope = 0
    if (scope > 0) {
      negated[i] = 1
      scope--
    }
    const first = w.charCodeAt(0)
    if (first >= 48 && first <= 57) {
      const value = Number(w.replace(/,/g, ''))
      if (Number.isInteger(value) && value >= 1800 && value <= 2100 && !w.includes(',')) years.push(value)
      else {
        numbers.push(value * (SCALES[lower[i + 1] ?? ''] ?? 1))
        numberAt.push(i)
      }
      continue
    }
    if (WORD_NUMBERS[w] !== undefined && w !== 'one') {
      numbers.push(WORD_NUMBERS[w]! * (SCALES[lower[i + 1] ?? ''] ?? 1))
      numberAt.push(i)
    }
    if (first < 97 || first > 122 || STOPWORDS.has(w)) continue
    content.add(s)
    if (!framed[i]) asserted.add(s)
    // The first token is capitalized by position; "Source" lines and headlines are rare in one sentence.
    if (capitalized[i] && i > 0) {
      names.add(w)
      nameStems.add(s)
    }
  }
  const numberUnits: string[] = []
  const denied: number[] = []
  for (const i of numberAt) {
    numberUnits.push(quantityUnit(lower, stems, i))
    denied.push(negated[i] || framed[i] ? 1 : 0)
  }
  return { lower, stems, content, allStems, negated, framed, asserted, negations, numbers, numberUnits, numberDenied: Uint8Array.from(denied), years, names, nameStems, question: lower.includes('?') }
}

const UNIT_SKIP = new Set([...Object.keys(SCALES), 'more', 'than', 'of', 'new', 'additional', 'other', 'per', 'a', 'about', 'some', 'full', 'time'])

/** What a quantity counts: "$" before it, "percent"/"%" after it, else the next content word's stem. */
function quantityUnit(lower: readonly string[], stems: readonly string[], i: number): string {
  if (lower[i - 1] === '$') return '$'
  for (let k = i + 1; k < Math.min(lower.length, i + 4); k++) {
    const w = lower[k]!
    if (w === '%' || w === 'percent' || w === 'per' && lower[k + 1] === 'cent') return 'percent'
    if (UNIT_SKIP.has(w)) continue
    const c = w.charCodeAt(0)
    return c >= 97 && c <= 122 && !STOPWORDS.has(w) ? stems[k]! : ''
  }
  return ''
}
