// The lexical view of a claim the re-ranker compares: index terms, entities, numbers, negation, n-grams.
import { termWords } from '../../nlp/words.js'
import { foldWord, isStopword, stem } from '../../search/terms.js'

/** What the re-ranker features read from one text; computed once per text. */
export interface AnalyzedText {
  /** Distinct stems of the non-stopwords (the index terms). */
  stems: Set<string>
  /** Folded non-stopwords, in order, for IDF look-ups. */
  words: string[]
  /** Stem bigrams of consecutive content words. */
  bigrams: Set<string>
  /** Stems of capitalised words not at a sentence start, and of acronyms. */
  entities: Set<string>
  /** Numbers with separators removed ("80,000" → "80000"). */
  numbers: Set<string>
  /** Negation cues: not, no, never, n't, … */
  negations: number
  /** Sorted hashes of the character 4-grams of the folded content words (repeats kept). */
  charGrams: Int32Array
}

const NEGATIONS = new Set(['not', 'no', 'never', 'nothing', 'none', 'nobody', 'neither', 'nor', 'without', 'cannot', 'false', 'fake', 'hoax'])
const UPPER = /^\p{Lu}/u

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

/** Rolling 4-gram hashes over " w1 w2 … " (spaces mark word edges), sorted for a merge-based dot product. */
function charGramHashes(words: readonly string[]): Int32Array {
  const text = ` ${words.join(' ')} `
  const n = Math.max(0, text.length - 3)
  const out = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    out[i] = (text.charCodeAt(i) * 0x1f1f1f1f) ^ (text.charCodeAt(i + 1) * 0x3a8f05c5) ^ (text.charCodeAt(i + 2) * 0x2f1a6b3d) ^ text.charCodeAt(i + 3)
  }
  return out.sort()
}

/** Analyzes one text for the re-ranker. */
export function analyzeText(text: string): AnalyzedText {
  const stems = new Set<string>()
  const words: string[] = []
  const bigrams = new Set<string>()
  const entities = new Set<string>()
  const numbers = new Set<string>()
  let negations = 0
  let previous: string | null = null
  let last = 0
  for (const match of termWords(text)) {
    const surface = match[0]
    const index = match.index
    // A sentence starts at the text start or after . ! ? : followed by spaces.
    let j = index - 1
    while (j >= last && text.charCodeAt(j) === 32) j--
    const before = j >= 0 ? text.charCodeAt(j) : 46
    const sentenceStart = j < 0 || before === 46 || before === 33 || before === 63 || before === 58
    last = index + surface.length
    const folded = foldWord(surface)
    if (NEGATIONS.has(folded) || (folded.endsWith('nt') && /n['’]t$/i.test(surface))) negations++
    let hasDigit = false
    for (let k = 0; k < surface.length; k++) if (isDigit(surface.charCodeAt(k))) hasDigit = true
    if (hasDigit) {
      const digits = surface.replace(/\D/g, '').replace(/^0+(?=\d)/, '')
      if (digits) numbers.add(digits)
    }
    if (isStopword(folded)) continue
    const s = stem(folded)
    stems.add(s)
    words.push(folded)
    if (previous) bigrams.add(`${previous} ${s}`)
    previous = s
    const first = surface.charCodeAt(0)
    const capitalised = first >= 65 && first <= 90 ? true : first > 127 ? UPPER.test(surface) : false
    if (capitalised && (!sentenceStart || (surface.length > 1 && surface === surface.toUpperCase() && !hasDigit))) entities.add(s)
  }
  return { stems, words, bigrams, entities, numbers, negations, charGrams: charGramHashes(words) }
}

/** Cosine similarity of two texts' character 4-gram counts. */
export function charCosine(a: AnalyzedText, b: AnalyzedText): number {
  const x = a.charGrams
  const y = b.charGrams
  if (x.length === 0 || y.length === 0) return 0
  return sortedDot(x, y) / Math.sqrt(selfDot(x) * selfDot(y))
}

function selfDot(x: Int32Array): number {
  let sum = 0
  for (let i = 0; i < x.length; ) {
    let j = i + 1
    while (j < x.length && x[j] === x[i]) j++
    sum += (j - i) * (j - i)
    i = j
  }
  return sum
}

function sortedDot(x: Int32Array, y: Int32Array): number {
  let dot = 0
  let i = 0
  let j = 0
  while (i < x.length && j < y.length) {
    if (x[i]! < y[j]!) i++
    else if (x[i]! > y[j]!) j++
    else {
      const v = x[i]!
      let ci = 0
      let cj = 0
      while (i < x.length && x[i] === v) (i++, ci++)
      while (j < y.length && y[j] === v) (j++, cj++)
      dot += ci * cj
    }
  }
  return dot
}

/** |a ∩ b|. */
export function overlap<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a]
  let n = 0
  for (const x of small) if (large.has(x)) n++
  return n
}
