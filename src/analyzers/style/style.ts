// Style signals: misspellings, shouting in capitals, exclamation marks and sensational wording (title and body).
import { defineAnalyzer } from '../types.js'
import type { AnnotatedDocument, Token } from '../../document/types.js'
import { signalOf, type SignalDraft } from '../../report/signals.js'
import { ALL_CAPS, EXCLAMATION, MISSPELLING, SENSATIONAL, STYLE_SIGNALS, TITLE_ALL_CAPS, TITLE_EXCLAMATION } from './signals.js'
import { isKnownWord, suggestionsFor } from './spelling.js'
import { isBritishSpelling } from './british-spelling.js'
import { FIRST_NAMES } from '../../nlp/gazetteer.js'
import { createPhraseMatcher } from '../../util/phrase-matcher.js'
import { quotedRanges } from './quoted-ranges.js'
import {
  embeddedPostRanges, FOREIGN_MIN, FOREIGN_SHARE, hasAccent, isCompoundOfKnownWords, isDerivedTerm, isKnownForm, isLoanwordBesideAccents, isDroppedG, isFragment, isSpecialistWord, isStretchedWord,
} from './spelling-scope.js'
import type { Span } from '../../document/types.js'
import { insideSorted, tokenEndingBy } from '../shared/doc-index.js'
import sensational from './sensational.json' with { type: 'json' }
import acronymList from './acronyms.json' with { type: 'json' }

export interface StyleCounts {
  words: number
  misspellings: number
  allCapsWords: number
  exclamations: number
  sensationalTitle: number
  sensationalBody: number
  titleAllCaps: boolean
}

export interface StyleOutput {
  signals: SignalDraft[]
  counts: StyleCounts
}

const sensationalMatcher = createPhraseMatcher(sensational.phrases)
const acronyms = new Set(acronymList.words)
const MAX_SUGGESTED = 20
const WORD = /^\p{L}+(?:[-'’]\p{L}+)*$/u
const SHOUTED = /^\p{Lu}{4,}$/u
// Tokenizers split "weren't" into "were" + "n't": the pieces are not words to spell-check.
const CONTRACTION_PIECE = /^(?:n['’]t|['’](?:s|re|ll|ve|d|m|t))$/i

export default defineAnalyzer<StyleOutput>({
  id: 'style',
  meta: { version: 1, description: 'Misspellings, all-caps shouting, exclamation marks and sensational wording', signals: STYLE_SIGNALS },
  analyze(doc) {
    const signals: SignalDraft[] = []
    const counts: StyleCounts = {
      words: 0,
      misspellings: 0,
      allCapsWords: 0,
      exclamations: 0,
      sensationalTitle: 0,
      sensationalBody: 0,
      titleAllCaps: false,
    }
    // All-caps words typed 'other' are usually shouting the recognizer mistook for a name.
    const { inEntity, inNamedEntity } = entityTokenMasks(doc)
    const quoted = quotedRanges(doc.text)
    const facts = wordFacts(doc)
    const unknown = unknownWords(doc, facts, inEntity, quoted)
    for (let i = 0; i < doc.tokens.length; i++) {
      const token = doc.tokens[i]!
      if (token.kind === 'punctuation' && doc.text[token.start] === '!') {
        counts.exclamations++
        if (doc.text[token.start - 1] !== '!') signals.push(signalOf(EXCLAMATION, token, {}))
        continue
      }
      if (token.kind !== 'word') continue
      counts.words++
      if (facts[i]! & SHOUTING && inNamedEntity[i] === 0) {
        counts.allCapsWords++
        signals.push(signalOf(ALL_CAPS, token, { word: doc.text.slice(token.start, token.end) }))
      } else if (unknown.has(i) && !unknown.foreignSentences.has(token.sentence)) {
        counts.misspellings++
        const surface = doc.text.slice(token.start, token.end)
        const hint = counts.misspellings <= MAX_SUGGESTED ? suggestionsFor(surface) : []
        signals.push(signalOf(MISSPELLING, token, { word: surface, suggestions: hint }))
      }
    }
    addSensational(doc, signals, counts, quoted)
    return { signals, counts }
  },
  contribute(out, report) {
    for (const signal of out.signals) report.signals.push(signal)
  },
})

function addSensational(doc: AnnotatedDocument, signals: SignalDraft[], counts: StyleCounts, quoted: Span[]): void {
  const title = doc.meta.title
  const titleAt = title ? doc.text.indexOf(title) : -1
  for (const match of sensationalMatcher.find(doc.text)) {
    if (insideSorted(quoted, match.start, match.end)) continue
    const inTitle = titleAt >= 0 && match.start >= titleAt && match.end <= titleAt + title!.length
    if (inTitle) counts.sensationalTitle++
    else counts.sensationalBody++
    signals.push(signalOf(SENSATIONAL, match, { where: inTitle ? 'headline' : 'text', phrase: match.phrase }, inTitle ? { severity: 'warn' } : {}))
  }
  if (!title) return
  // A headline given only as metadata (HTML <title>, JSON) is not in the text: its findings point at no span.
  if (titleAt < 0) {
    for (const match of sensationalMatcher.find(title)) {
      counts.sensationalTitle++
      signals.push(signalOf(SENSATIONAL, { start: 0, end: 0 }, { where: 'headline', phrase: match.phrase }, { severity: 'warn', scope: 'title' }))
    }
  }
  const letters = title.replace(/[^\p{L}]/gu, '')
  if (letters.length >= 12 && letters === letters.toUpperCase()) {
    counts.titleAllCaps = true
    const span = titleAt >= 0 ? { start: titleAt, end: titleAt + title.length } : { start: 0, end: 0 }
    signals.push(signalOf(TITLE_ALL_CAPS, span, {}, titleAt < 0 ? { scope: 'title' } : {}))
  }
  if (title.includes('!')) {
    const span = titleAt >= 0 ? { start: titleAt, end: titleAt + title.length } : { start: 0, end: 0 }
    signals.push(signalOf(TITLE_EXCLAMATION, span, {}, titleAt < 0 ? { scope: 'title' } : {}))
  }
}

/**
 * Tokens the dictionary rejects and nothing excuses (see `spelling-scope.ts`), and the sentences where so many words
 * are rejected that they are another language (a French passage in an English article): none of those is flagged.
 */
function unknownWords(doc: AnnotatedDocument, facts: Uint8Array, inEntity: Uint8Array, quoted: Span[]): Set<number> & { foreignSentences: Set<number> } {
  const unknown = new Set<number>() as Set<number> & { foreignSentences: Set<number> }
  unknown.foreignSentences = new Set()
  const skipped: Span[] = [...quoted, ...embeddedPostRanges(doc.text)].sort((a, b) => a.start - b.start)
  const capitalizedMidSentence = namesWrittenCapitalized(doc, facts)
  // Checked and rejected words per sentence index (tokens come in text order, so the last token has the highest).
  const sentenceCount = Math.max(doc.sentences.length, (doc.tokens.at(-1)?.sentence ?? -1) + 1)
  const checked = new Int32Array(sentenceCount)
  const rejected = new Int32Array(sentenceCount)
  const accented = new Set<number>()
  let previousSentence = -1
  for (let i = 0; i < doc.tokens.length; i++) {
    const token = doc.tokens[i]!
    const sentenceStart = token.sentence !== previousSentence
    previousSentence = token.sentence
    if (token.kind !== 'word') continue
    const tokenFacts = facts[i]!
    if (tokenFacts & SHOUTING || !isSpellCheckable(token, tokenFacts, sentenceStart, inEntity[i] === 1)) continue
    if (tokenFacts & ACCENTED) {
      accented.add(token.sentence)
      continue
    }
    if (isFragment(doc.text, token.start, token.end)) continue
    const surface = doc.text.slice(token.start, token.end)
    checked[token.sentence]!++
    if (isKnownWord(surface) || isBritishSpelling(surface) || isSpecialistWord(surface)) continue
    rejected[token.sentence]!++
    if (isCompoundOfKnownWords(surface) || isStretchedWord(surface) || isDroppedG(surface) || isDerivedTerm(surface) || isKnownForm(surface)) continue
    if (capitalizedMidSentence.has(surface.toLowerCase()) || FIRST_NAMES.has(surface.toLowerCase())) continue
    if (insideAny(skipped, token.start, token.end)) continue
    unknown.add(i)
  }
  for (let sentence = 0; sentence < sentenceCount; sentence++) {
    const n = rejected[sentence]!
    if (n >= FOREIGN_MIN && n / checked[sentence]! >= FOREIGN_SHARE) unknown.foreignSentences.add(sentence)
  }
  // A sentence naming things in another language ("pastéis de nata", "a galão"): its other unknown words ("bica",
  // "bifana") are loanwords of the same kind, unless they look like typos of English words.
  for (const i of unknown) {
    const token = doc.tokens[i]!
    if (accented.has(token.sentence) && isLoanwordBesideAccents(doc.text.slice(token.start, token.end))) unknown.delete(i)
  }
  return unknown
}

/** Lower-cased words the text also writes capitalized inside a sentence: names ("taylor" where "Taylor" appears). */
function namesWrittenCapitalized(doc: AnnotatedDocument, facts: Uint8Array): Set<string> {
  const names = new Set<string>()
  let previousSentence = -1
  for (let i = 0; i < doc.tokens.length; i++) {
    const token = doc.tokens[i]!
    const sentenceStart = token.sentence !== previousSentence
    previousSentence = token.sentence
    if (token.kind !== 'word' || sentenceStart) continue
    if (facts[i]! & CAPITALIZED) names.add(doc.text.slice(token.start, token.end).toLowerCase())
  }
  return names
}

function insideAny(ranges: Span[], start: number, end: number): boolean {
  for (const range of ranges) {
    if (range.start > start) break
    if (end <= range.end) return true
  }
  return false
}

// What the checks need from a word as written, as bits cached per surface string: the regex tests ran on every word
// token of every article, and news repeats its words.
const SHOUTING = 1
/** 3+ characters, letters with inner hyphens or apostrophes, not a contraction piece. */
const CHECKABLE_SHAPE = 2
const CAPITALIZED = 4
/** Everything after the first character is lower case. */
const REST_LOWER = 8
const ACCENTED = 16
const surfaceFacts = new Map<string, number>()
const MAX_CACHED_SURFACES = 100_000

function factsOf(surface: string): number {
  let facts = surfaceFacts.get(surface)
  if (facts === undefined) {
    facts = 0
    if (SHOUTED.test(surface) && !acronyms.has(surface)) facts |= SHOUTING
    if (surface.length >= 3 && WORD.test(surface) && !CONTRACTION_PIECE.test(surface)) facts |= CHECKABLE_SHAPE
    const first = surface.charAt(0)
    if (first !== first.toLowerCase()) facts |= CAPITALIZED
    const rest = surface.slice(1)
    if (rest === rest.toLowerCase()) facts |= REST_LOWER
    if (hasAccent(surface)) facts |= ACCENTED
    if (surfaceFacts.size >= MAX_CACHED_SURFACES) surfaceFacts.clear()
    surfaceFacts.set(surface, facts)
  }
  return facts
}

/**
 * Each word token's facts (0 for other tokens). A word of plain ASCII letters, nearly every word of an English article,
 * is read from its character codes: no slice, no cache lookup (the lookups in a cache of every surface seen were most
 * of this analyzer's time). Anything else, and an all-capitals word (which may be a listed acronym), goes to `factsOf`.
 */
function wordFacts(doc: AnnotatedDocument): Uint8Array {
  const facts = new Uint8Array(doc.tokens.length)
  const text = doc.text
  for (let i = 0; i < doc.tokens.length; i++) {
    const token = doc.tokens[i]!
    if (token.kind !== 'word') continue
    const ascii = asciiLetterFacts(text, token.start, token.end)
    facts[i] = ascii >= 0 ? ascii : factsOf(text.slice(token.start, token.end))
  }
  return facts
}

/** `factsOf` for a word of ASCII letters only, from the text in place; -1 for any other word and for all capitals. */
function asciiLetterFacts(text: string, start: number, end: number): number {
  if (end <= start) return -1
  let restUpper = false
  for (let at = start + 1; at < end; at++) {
    const code = text.charCodeAt(at)
    if (code >= 0x61 && code <= 0x7a) continue
    if (code >= 0x41 && code <= 0x5a) restUpper = true
    else return -1
  }
  const first = text.charCodeAt(start)
  const capitalized = first >= 0x41 && first <= 0x5a
  if (!capitalized && !(first >= 0x61 && first <= 0x7a)) return -1
  if (capitalized && restUpper && end - start >= 4) return -1
  // Letters only: the WORD shape, never a contraction piece; no accent.
  return (end - start >= 3 ? CHECKABLE_SHAPE : 0) | (capitalized ? CAPITALIZED : 0) | (restUpper ? 0 : REST_LOWER)
}

function isSpellCheckable(token: Token, facts: number, sentenceStart: boolean, inEntity: boolean): boolean {
  if (inEntity || !(facts & CHECKABLE_SHAPE)) return false
  // Capitalized words inside a sentence are names far more often than typos.
  if (facts & CAPITALIZED && (!sentenceStart || token.pos === 'PROPN')) return false
  return (facts & REST_LOWER) !== 0
}

/** Tokens inside any entity mention, and inside a mention of an entity not typed 'other' (1 = inside). */
function entityTokenMasks(doc: AnnotatedDocument): { inEntity: Uint8Array; inNamedEntity: Uint8Array } {
  const { tokens } = doc
  const inEntity = new Uint8Array(tokens.length)
  const inNamedEntity = new Uint8Array(tokens.length)
  // Marks are only ever set, so mentions can be taken in any order: each one's first token by binary search (token ends
  // increase), with no list of every mention to build and sort.
  for (const entity of doc.entities) {
    const named = entity.type !== 'other'
    for (const m of entity.mentions) {
      for (let k = tokenEndingBy(tokens, m.start) + 1; k < tokens.length && tokens[k]!.start < m.end; k++) {
        inEntity[k] = 1
        if (named) inNamedEntity[k] = 1
      }
    }
  }
  return { inEntity, inNamedEntity }
}
