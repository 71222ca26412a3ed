// What the credibility model reads: the report draft (the public contract) plus which analyzers ran, reduced to counts.
import type { Claim, Quote, ReportEntity, Signal, Source } from '../../report/types.js'
import { letterWords } from '../../nlp/words.js'
import { textStats, movingTypeTokenRatioOfIds, type TextStats } from './text-stats.js'
import type { WordIds } from './ngrams.js'
import lexicons from './lexicons.json' with { type: 'json' }
import { afinnScore } from './afinn.js'
import { isBritishSpelling } from '../style/british-spelling.js'
import { ALL_CAPS, MISSPELLING, SENSATIONAL } from '../style/signals.js'
import { HEDGE } from '../hedging/signals.js'
import { VAGUE_ATTRIBUTION } from '../attribution/signals.js'

/** The parts of a report the features use; an engine report or draft satisfies it. */
export interface CredibilityInput {
  text: string
  title: string | null
  signals: readonly Pick<Signal, 'id' | 'start' | 'end'>[]
  claims: readonly Pick<Claim, 'attribution'>[]
  quotes: readonly Pick<Quote, 'speaker'>[]
  sources: readonly Pick<Source, 'kind'>[]
  entities: readonly Pick<ReportEntity, 'type' | 'mentions'>[]
  /** Ids of the analyzers that ran; features of an absent analyzer are unknown (imputed), not zero. */
  present: ReadonlySet<string>
}

/** The parts of a report (or report draft) the features read, with the ids of the analyzers that ran. */
export function credibilityInput(
  report: { document: { text: string; title: string | null } } & Omit<CredibilityInput, 'text' | 'title' | 'present'>,
  present: ReadonlySet<string>,
): CredibilityInput {
  const { signals, claims, quotes, sources, entities } = report
  return { text: report.document.text, title: report.document.title, signals, claims, quotes, sources, entities, present }
}

/** Raw counts behind the features, kept so that reasons can say "7 misspelled words". */
export interface Evidence {
  /** The text without its headline line (see `bodyOf`). */
  body: string
  words: string[]
  /** `words` as ids into their distinct words (for per-distinct-word work downstream). */
  wordIds: WordIds
  wordCount: number
  sentences: number
  paragraphs: number
  syllables: number
  letters: number
  lexicalDiversity: number
  quotedWords: number
  numbers: number
  exclamations: number
  questions: number
  attributionCues: number
  firstPerson: number
  secondPerson: number
  intensifiers: number
  /** "source", "insider", "friend", "reportedly", …: the vocabulary of anonymous sourcing. */
  anonymousCues: number
  /** Weekday and month names, "yesterday", "week": time anchors that reported news carries. */
  calendarWords: number
  modals: number
  negativeWords: number
  positiveWords: number
  title: { words: number; allCaps: boolean; exclamation: boolean; question: boolean; capitalizedShare: number }
  misspellings: number
  /** A few examples (as written) per signal id, for the reasons: misspelled words, vague phrasings. */
  examples: Record<string, string[]>
  /** Phrases the attribution analyzer marked as unnamed sources ("reports emerged", "analysts note"). */
  vagueAttributions: number
  /**
   * Appeals to unnamed sources or rumour: the attribution analyzer's vague attributions plus anonymous-source words
   * ("insiders", "rumors", "reportedly") outside them, with a few examples as written.
   */
  vagueSourcing: { count: number; examples: string[] }
  /** Words per function-word category of lexicons.json `functionWords` (articles, prepositions, negations, …). */
  functionWords: Record<string, number>
  /** Hyphenated compounds ("long-term") and possessives ("company's"). */
  hyphenated: number
  possessives: number
  /** Words of 7 letters or more. */
  longWords: number
  /** Standard deviation of sentence length in words. */
  sentenceLengthSd: number
  allCapsWords: number
  sensational: number
  hedges: number
  claims: number
  vagueClaims: number
  unattributedClaims: number
  namedClaims: number
  quotes: number
  quotesWithSpeaker: number
  namedSources: number
  outlets: number
  unnamedSources: number
  /** Entity mentions by type (person, organization, place, date, other) and distinct entities. */
  entityMentions: Record<string, number>
  distinctEntities: number
  present: ReadonlySet<string>
}

export const FUNCTION_WORD_CATEGORIES = Object.keys(lexicons.functionWords) as (keyof typeof lexicons.functionWords)[]

// Every word list a word is in, as the bits of one number computed once per interned word (text-stats.ts `WordEntry`):
// bit c for function-word category c, then the lists below, then AFINN ≤ −2 / ≥ 2.
const CATEGORY_COUNT = FUNCTION_WORD_CATEGORIES.length
const FIRST = 1 << CATEGORY_COUNT, SECOND = FIRST << 1, ATTRIBUTION = FIRST << 2, INTENSIFIER = FIRST << 3
const ANONYMOUS = FIRST << 4, CALENDAR = FIRST << 5, MODAL = FIRST << 6, NEGATIVE = FIRST << 7, POSITIVE = FIRST << 8
const CATEGORY_BITS = FIRST - 1
if (CATEGORY_COUNT > 22) throw new Error('credibility: too many function-word categories for the word-list bits')
let listBits: Map<string, number> | null = null

function lexiconBits(word: string): number {
  if (!listBits) {
    listBits = new Map()
    const lists: [readonly string[], number][] = [
      [lexicons.firstPerson, FIRST], [lexicons.secondPerson, SECOND], [lexicons.attributionCues, ATTRIBUTION],
      [lexicons.intensifiers, INTENSIFIER], [lexicons.anonymousSources, ANONYMOUS], [lexicons.calendar, CALENDAR], [lexicons.modals, MODAL],
    ]
    FUNCTION_WORD_CATEGORIES.forEach((name, c) => lists.push([lexicons.functionWords[name], 1 << c]))
    for (const [list, flag] of lists) for (const w of list) listBits.set(w, (listBits.get(w) ?? 0) | flag)
  }
  let bits = listBits.get(word) ?? 0
  const score = afinnScore(word)
  if (score !== undefined) {
    if (score <= -2) bits |= NEGATIVE
    else if (score >= 2) bits |= POSITIVE
  }
  return bits
}

// Every category at 0, in FUNCTION_WORD_CATEGORIES order: a copy of it is filled per article (Object.fromEntries per
// article built the object key by key).
const NO_FUNCTION_WORDS: Readonly<Record<string, number>> = Object.fromEntries(FUNCTION_WORD_CATEGORIES.map((name) => [name, 0]))

function functionWordCounts(categoryCounts: readonly number[]): Record<string, number> {
  const counts = { ...NO_FUNCTION_WORDS }
  for (let c = 0; c < CATEGORY_COUNT; c++) counts[FUNCTION_WORD_CATEGORIES[c]!] = categoryCounts[c]!
  return counts
}

/** Counts everything the features need in one pass over words and one over report findings. */
export function gatherEvidence(input: CredibilityInput): Evidence {
  const body = bodyOf(input.text, input.title)
  const stats = textStats(body)
  let firstPerson = 0, secondPerson = 0, attributionCues = 0, intensifiers = 0, negativeWords = 0, positiveWords = 0
  let anonymousCues = 0, calendarWords = 0, modals = 0
  const anonymousAt: number[] = []
  const categoryCounts = new Array<number>(FUNCTION_WORD_CATEGORIES.length).fill(0)
  let longWords = 0
  // Word lists are looked up once per interned word and counted by frequency.
  const { distinct, entries, frequency, ids } = stats
  let anonymousSeen = false
  const anonymousIds = new Uint8Array(distinct.length)
  for (let id = 0; id < distinct.length; id++) {
    const entry = entries[id]!
    const n = frequency[id]!
    if (entry.word.length >= 7) longWords += n
    let bits = entry.lexicon
    if (bits < 0) bits = entry.lexicon = lexiconBits(entry.word)
    if (bits === 0) continue
    for (let categories = bits & CATEGORY_BITS; categories !== 0; categories &= categories - 1) categoryCounts[31 - Math.clz32(categories & -categories)]! += n
    if (bits & ANONYMOUS) {
      anonymousCues += n
      anonymousIds[id] = 1
      anonymousSeen = true
    }
    if (bits & CALENDAR) calendarWords += n
    if (bits & MODAL) modals += n
    if (bits & FIRST) firstPerson += n
    else if (bits & SECOND) secondPerson += n
    if (bits & ATTRIBUTION) attributionCues += n
    if (bits & INTENSIFIER) intensifiers += n
    if (bits & NEGATIVE) negativeWords += n
    else if (bits & POSITIVE) positiveWords += n
  }
  if (anonymousSeen) for (let k = 0; k < ids.length; k++) if (anonymousIds[ids[k]!]) anonymousAt.push(k)
  // A US dictionary flags British spellings; counted as misspellings they made well-edited UK copy look sloppy.
  const signals = input.signals.filter((s) => s.id !== MISSPELLING.id || !isBritishSpelling(input.text.slice(s.start, s.end)))
  const signalCount = (id: string) => signals.reduce((n, s) => n + (s.id === id ? 1 : 0), 0)
  const examples: Record<string, string[]> = {}
  for (const s of signals) {
    const list = (examples[s.id] ??= [])
    const quote = input.text.slice(s.start, s.end)
    if (list.length < 3 && quote && !list.includes(quote)) list.push(quote)
  }
  const attribution = (type: string) => input.claims.reduce((n, c) => n + (c.attribution?.type === type ? 1 : 0), 0)
  return {
    body,
    words: stats.words,
    wordIds: { ids: stats.ids, distinct: stats.distinct, entries: stats.entries },
    wordCount: stats.words.length,
    sentences: stats.sentences,
    paragraphs: stats.paragraphs,
    syllables: stats.syllables,
    letters: stats.letters,
    lexicalDiversity: movingTypeTokenRatioOfIds(stats.ids, stats.distinct.length),
    quotedWords: stats.quotedWords,
    numbers: stats.numbers,
    exclamations: stats.exclamations,
    questions: stats.questions,
    attributionCues,
    firstPerson,
    secondPerson,
    intensifiers,
    anonymousCues,
    calendarWords,
    modals,
    negativeWords,
    positiveWords,
    title: titleEvidence(input.title),
    misspellings: signalCount(MISSPELLING.id),
    examples,
    vagueAttributions: signalCount(VAGUE_ATTRIBUTION.id),
    vagueSourcing: vagueSourcing(input.text, input.text.length - body.length, stats, anonymousAt, signals),
    functionWords: functionWordCounts(categoryCounts),
    ...hyphensAndPossessives(body),
    longWords,
    sentenceLengthSd: sentenceLengthSd(body),
    allCapsWords: signalCount(ALL_CAPS.id),
    sensational: signalCount(SENSATIONAL.id),
    hedges: signalCount(HEDGE.id),
    claims: input.claims.length,
    vagueClaims: attribution('vague'),
    unattributedClaims: attribution('none'),
    namedClaims: attribution('named') + attribution('quote'),
    quotes: input.quotes.length,
    quotesWithSpeaker: input.quotes.reduce((n, q) => n + (q.speaker ? 1 : 0), 0),
    namedSources: input.sources.reduce((n, s) => n + (s.kind !== 'unnamed' ? 1 : 0), 0),
    outlets: input.sources.reduce((n, s) => n + (s.kind === 'outlet' ? 1 : 0), 0),
    unnamedSources: input.sources.reduce((n, s) => n + (s.kind === 'unnamed' ? 1 : 0), 0),
    entityMentions: countMentions(input.entities),
    distinctEntities: input.entities.length,
    present: input.present,
  }
}

const isLetterAt = (text: string, i: number): boolean => {
  if (i < 0 || i >= text.length) return false
  const c = text.charCodeAt(i)
  return c < 128 ? (c | 32) >= 97 && (c | 32) <= 122 : LETTER_CHAR.test(text[i]!)
}
const isAsciiWordAt = (text: string, i: number): boolean => i < text.length && /[A-Za-z0-9_]/.test(text[i]!)

/** Hyphenated compounds (letter-letter: "long-term") and possessives (letter + 's or ’s at a word end: "city's"). */
export function hyphensAndPossessives(text: string): { hyphenated: number; possessives: number } {
  // As /\p{L}-\p{L}/g counts: a letter that ended one compound cannot start the next ("a-b-c" counts once).
  let hyphenated = 0
  let consumed = -1
  for (let i = text.indexOf('-'); i !== -1; i = text.indexOf('-', i + 1)) {
    if (i - 1 > consumed && isLetterAt(text, i - 1) && isLetterAt(text, i + 1)) {
      hyphenated++
      consumed = i + 1
    }
  }
  let possessives = 0
  for (const mark of ["'", '’']) {
    for (let i = text.indexOf(mark); i !== -1; i = text.indexOf(mark, i + 1)) {
      if (text[i + 1] === 's' && isLetterAt(text, i - 1) && !isAsciiWordAt(text, i + 2)) possessives++
    }
  }
  return { hyphenated, possessives }
}

/**
 * Spread (standard deviation) of sentence lengths, in runs of letters per sentence; a sentence ends at white space after
 * . ! or ?. One pass over the characters.
 */
export function sentenceLengthSd(text: string): number {
  let sum = 0, sumSquares = 0, sentences = 0, current = 0
  let inLetters = false
  let previous = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const lower = c | 32
    if (c < 128 ? lower >= 97 && lower <= 122 : LETTER_CHAR.test(text[i]!)) {
      if (!inLetters) current++
      inLetters = true
    } else {
      inLetters = false
      if ((previous === 46 || previous === 33 || previous === 63) && current > 0 && (c === 32 || c === 10 || c === 9 || c === 13 || (c > 127 && WHITE.test(text[i]!)) || c === 160)) {
        sum += current
        sumSquares += current * current
        sentences++
        current = 0
      }
    }
    previous = c
  }
  if (current > 0) {
    sum += current
    sumSquares += current * current
    sentences++
  }
  if (sentences === 0) return 0
  const mean = sum / sentences
  return Math.sqrt(Math.max(0, sumSquares / sentences - mean * mean))
}

const LETTER_CHAR = /\p{L}/u
const WHITE = /\s/u

function vagueSourcing(
  text: string, bodyStart: number, stats: TextStats, anonymousAt: readonly number[], signals: readonly Pick<Signal, 'id' | 'start' | 'end'>[],
): Evidence['vagueSourcing'] {
  const vague = signals.filter((s) => s.id === VAGUE_ATTRIBUTION.id)
  const examples = vague.map((s) => text.slice(s.start, s.end))
  let count = vague.length
  const covers = coverage(vague)
  for (const k of anonymousAt) {
    const start = bodyStart + stats.starts[k]!
    if (covers(start)) continue
    count++
    examples.push(text.slice(start, start + stats.words[k]!.length))
  }
  return { count, examples: [...new Set(examples)].slice(0, 3) }
}

/** `(p) => spans.some((s) => s.start <= p && p < s.end)`, by binary search over the spans sorted by start. */
function coverage(spans: readonly { start: number; end: number }[]): (p: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start)
  // reach[i]: the furthest end among sorted[0..i].
  const reach: number[] = []
  for (const s of sorted) reach.push(Math.max(s.end, reach.at(-1) ?? -Infinity))
  return (p) => {
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid]!.start <= p) lo = mid + 1
      else hi = mid
    }
    return lo > 0 && reach[lo - 1]! > p
  }
}

function countMentions(entities: CredibilityInput['entities']): Record<string, number> {
  const counts: Record<string, number> = { person: 0, organization: 0, place: 0, date: 0, other: 0 }
  for (const e of entities) counts[e.type] = (counts[e.type] ?? 0) + e.mentions.length
  return counts
}

/**
 * The text without its headline line when the text starts with the title (a pasted article keeps its title line; a
 * JSON one gives the title apart), so body features mean the same in both cases.
 */
export function bodyOf(text: string, title: string | null): string {
  if (!title) return text
  const lead = text.length - text.trimStart().length
  if (!text.startsWith(title, lead)) return text
  const lineEnd = text.indexOf('\n', lead + title.length)
  return lineEnd === -1 ? '' : text.slice(lineEnd + 1)
}

function titleEvidence(title: string | null): Evidence['title'] {
  const text = title ?? ''
  const words = letterWords(text)
  const letters = text.replace(/[^\p{L}]/gu, '')
  const long = words.filter((w) => w.length > 3)
  return {
    words: words.length,
    allCaps: letters.length >= 8 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
    exclamation: text.includes('!'),
    question: text.includes('?'),
    capitalizedShare: long.length ? long.filter((w) => w[0] !== w[0].toLowerCase()).length / long.length : 0,
  }
}
