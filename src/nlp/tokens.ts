// Map wink's tokens (values, no offsets) back onto exact [start, end) offsets in the original text.

import type { Token, TokenKind } from '../document/types.js'

const KIND: Record<string, TokenKind> = {
  word: 'word',
  shortForm: 'word',
  number: 'number',
  ordinal: 'number',
  time: 'number',
  punctuation: 'punctuation',
  symbol: 'symbol',
  currency: 'symbol',
  emoji: 'emoji',
  emoticon: 'emoji',
  url: 'url',
  email: 'email',
  mention: 'mention',
  hashtag: 'hashtag',
}

// A token not found this close to the cursor is dropped rather than matched far away (and wrongly).
const MAX_GAP = 32

/** Token flag bits: first character is an upper-case letter; every cased character is upper case. */
export const CAPITALIZED = 1
export const ALL_CAPS = 2

/** What annotate asks wink for: values and POS for all tokens; type and lemma only for words not seen before. */
export interface WinkTokenSource {
  values: string[]
  pos: string[]
  typeAt(i: number): string
  lemmaAt(i: number): string
}

// Everything about a token that depends on its text alone, computed once per distinct word for the whole process.
// Wink returns the same string object for the same lexeme, so these lookups hit a cached hash.
interface Lexeme {
  lower: string
  kind: TokenKind
  flags: number
  skip: boolean
  /** Lemma by POS tag (wink's lemma depends on the word and its tag only). */
  lemmas: Record<string, string>
  /** Sentence punctuation wink glued to the end of a URL or e-mail address ("example.com/report."), split off. */
  tail: number
}
const LEXICON = new Map<string, Lexeme>()
const MAX_LEXICON = 200_000

/**
 * Locate each wink token in `text` by walking a cursor forward (never by re-concatenating values).
 * Whitespace tokens are dropped. Returns the tokens (sentence = -1, set later), their case flags, and for each wink
 * token the index of the Token it became, or -1.
 */
export function mapTokens(text: string, source: WinkTokenSource): { tokens: Token[]; flags: Uint8Array; winkToToken: Int32Array } {
  const { values, pos } = source
  const n = values.length
  const tokens: Token[] = []
  // Room for punctuation split off URLs (rare; grown on demand).
  let flags = new Uint8Array(n)
  const winkToToken = new Int32Array(n).fill(-1)
  if (LEXICON.size > MAX_LEXICON) LEXICON.clear()
  let cursor = 0
  let lastMerged = false
  for (let i = 0; i < n; i++) {
    const value = values[i]
    let lex = LEXICON.get(value)
    if (lex === undefined) {
      lex = lexeme(value, source.typeAt(i))
      LEXICON.set(value, lex)
    }
    if (lex.skip) continue
    while (cursor < text.length && isSpace(text.charCodeAt(cursor))) cursor++
    let start = cursor
    if (!text.startsWith(value, cursor)) {
      const found = text.indexOf(value, cursor)
      if (found < 0 || found - cursor > MAX_GAP) continue
      start = found
    }
    cursor = start + value.length
    if (lex.tail > 0) cursor -= lex.tail
    const tag = pos[i] || 'X'
    // "Kovač", "Dvořák", "Łukasz": wink cuts words at letters it does not know (Latin Extended-A) and types those
    // pieces unknown; pieces of letters that touch are one word again.
    const prev = tokens.length > 0 ? tokens[tokens.length - 1]! : undefined
    if (prev !== undefined && prev.end === start && (lex.kind === 'other' || prev.kind === 'other' || lastMerged) && LETTERS.test(value) && LETTERS.test(text.slice(prev.start, prev.end))) {
      const merged = text.slice(prev.start, cursor)
      const lower = foldApostrophes(merged.toLowerCase())
      const first = merged.charAt(0)
      let mergedFlags = 0
      if (first !== first.toLowerCase()) mergedFlags |= CAPITALIZED
      if (merged === merged.toUpperCase() && merged !== merged.toLowerCase()) mergedFlags |= ALL_CAPS
      tokens[tokens.length - 1] = { start: prev.start, end: cursor, kind: 'word', pos: prev.kind === 'other' ? tag : prev.pos, lower, lemma: lower, sentence: -1 }
      flags[tokens.length - 1] = mergedFlags
      winkToToken[i] = tokens.length - 1
      lastMerged = true
      continue
    }
    lastMerged = false
    let lemma = lex.lemmas[tag]
    if (lemma === undefined) {
      const raw = source.lemmaAt(i)
      lemma = raw && lex.tail === 0 ? foldApostrophes(raw.toLowerCase()) : lex.lower
      lex.lemmas[tag] = lemma
    }
    if (tokens.length + 1 + lex.tail > flags.length) {
      const grown = new Uint8Array(flags.length * 2 + lex.tail + 1)
      grown.set(flags)
      flags = grown
    }
    flags[tokens.length] = lex.flags
    tokens.push({ start, end: cursor, kind: lex.kind, pos: tag, lower: lex.lower, lemma, sentence: -1 })
    winkToToken[i] = tokens.length - 1
    // "… at https://example.com/report. Officials said …": the final stop is a token of its own, so it ends a sentence.
    for (let k = 0; k < lex.tail; k++) {
      const ch = text.charAt(cursor)
      tokens.push({ start: cursor, end: cursor + 1, kind: 'punctuation', pos: 'PUNCT', lower: ch, lemma: ch, sentence: -1 })
      cursor++
    }
  }
  return { tokens, flags: flags.subarray(0, tokens.length), winkToToken }
}

function lexeme(value: string, type: string): Lexeme {
  const folded = value.toLowerCase()
  const lower = foldApostrophes(folded)
  const first = value.charAt(0)
  let flags = 0
  if (first !== first.toLowerCase()) flags |= CAPITALIZED
  if (value === value.toUpperCase() && value !== folded) flags |= ALL_CAPS
  const skip = value.length === 0 || type === 'tabCRLF' || /[\n\r]/.test(value)
  const kind = KIND[type] ?? 'other'
  let tail = 0
  if (kind === 'url' || kind === 'email') {
    // A ")" is the URL's own when it opened one ("wiki/Mercury_(planet)").
    const closes = value.includes('(') ? /[.,;:!?]+$/ : /[.,;:!?)]+$/
    const match = closes.exec(value)
    if (match && match[0].length < value.length) tail = match[0].length
  }
  const shown = tail > 0 ? lower.slice(0, lower.length - tail) : lower
  return { lower: shown, kind, flags, skip, lemmas: Object.create(null) as Record<string, string>, tail }
}

const LETTERS = /^\p{L}+$/u

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0
}

/** Curly apostrophes become straight ones (used for every `lower` and `lemma`). */
export function foldApostrophes(s: string): string {
  return s.includes('\u2019') || s.includes('\u2018') ? s.replace(/[\u2018\u2019]/g, "'") : s
}
