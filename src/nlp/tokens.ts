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

/**
 * What annotate asks wink for: lexeme ids and POS for all tokens; value, type and lemma only for lexemes not seen
 * before. A lexeme id names one value of one wink instance's vocabulary (`vocabulary`: the instance itself).
 */
export interface WinkTokenSource {
  vocabulary: object
  ids: number[]
  pos: string[]
  valueAt(i: number): string
  typeAt(i: number): string
  lemmaAt(i: number): string
}

/** What a token's text and tag decide, shared by every token with the same value and POS tag. */
interface TokenType {
  kind: TokenKind
  pos: string
  lower: string
  lemma: string
  /** end - start (UTF-16 units). */
  length: number
}

/**
 * A Token in 4 fields (start, end, sentence, shared type: 56 bytes) instead of 7 (80 bytes): kind, pos, lower and lemma
 * are read through the shared TokenType. Tokens are most of an annotated document's memory (0.2 per text byte).
 * `end` stays a field: as a getter (48 bytes) it cost 2–5% of the CPU of analyzing a 500-word article.
 * Reading is the Token interface; only `sentence` is written (by buildSentences).
 */
class PackedToken implements Token {
  start: number
  end: number
  sentence: number
  private readonly type: TokenType
  constructor(start: number, type: TokenType) {
    this.start = start
    this.end = start + type.length
    this.sentence = -1
    this.type = type
  }
  get kind(): TokenKind { return this.type.kind }
  get pos(): string { return this.type.pos }
  get lower(): string { return this.type.lower }
  get lemma(): string { return this.type.lemma }
}

// Everything about a token that depends on its text alone, computed once per distinct word for the whole process.
// Wink returns the same string object for the same lexeme, so these lookups hit a cached hash.
interface Lexeme {
  /** wink's value (the token's text, tail included). */
  value: string
  lower: string
  kind: TokenKind
  flags: number
  skip: boolean
  /** Token type by POS tag (wink's lemma depends on the word and its tag only). */
  types: Record<string, TokenType>
  /** The tag and type of this word's last occurrence: most words always get the same tag, and wink returns the same
   * tag string object each time, so one comparison usually stands in for the dictionary lookup in `types`. */
  lastTag: string
  lastType: TokenType | undefined
  /** Sentence punctuation wink glued to the end of a URL or e-mail address ("example.com/report."), split off. */
  tail: number
  /** Length of the token's text: the value less the tail. */
  length: number
}
const LEXICON = new Map<string, Lexeme>()
const MAX_LEXICON = 200_000
// The same lexemes by wink's lexeme id, for the vocabulary BY_ID_OF: an array index per token instead of a lookup in
// a map of up to MAX_LEXICON strings (the map was the largest single cost of mapping tokens). Packed (filled with
// undefined, grown by push) so that it stays a plain array; bounded by the vocabulary, which wink.ts renews.
let BY_ID: (Lexeme | undefined)[] = []
let BY_ID_OF: object | undefined
const PUNCTUATION_TYPES = new Map<string, TokenType>()

/** Feeds wink's tokens of consecutive pieces of one text (in order) and collects the Tokens. */
export interface TokenMapper {
  add(source: WinkTokenSource): void
  finish(): { tokens: Token[]; flags: Uint8Array }
}

/**
 * Locate each wink token in `text` by walking a cursor forward (never by re-concatenating values). The sources given
 * to `add` are wink's tokens of consecutive pieces of `text`, in order (or of the whole text at once).
 * Whitespace tokens are dropped. `finish` returns the tokens (sentence = -1, set later) and their case flags.
 */
export function createTokenMapper(text: string): TokenMapper {
  const tokens: Token[] = []
  // wink gives about one token per 5.4 characters of news text: one flag per 4 characters is rarely grown (growing
  // allocated and copied the array once per article).
  let flags = new Uint8Array(Math.max(16, (text.length >> 2) + 16))
  if (LEXICON.size > MAX_LEXICON) {
    LEXICON.clear()
    BY_ID = []
  }
  let cursor = 0
  let lastMerged = false

  function add(source: WinkTokenSource): void {
    const { ids, pos } = source
    if (source.vocabulary !== BY_ID_OF) {
      BY_ID = []
      BY_ID_OF = source.vocabulary
    }
    const byId = BY_ID
    const n = ids.length
    for (let i = 0; i < n; i++) {
      const id = ids[i]
      let lex = id < byId.length ? byId[id] : undefined
      if (lex === undefined) {
        const value = source.valueAt(i)
        lex = LEXICON.get(value)
        if (lex === undefined) {
          lex = lexeme(value, source.typeAt(i))
          LEXICON.set(value, lex)
        }
        while (byId.length <= id) byId.push(undefined)
        byId[id] = lex
      }
      if (lex.skip) continue
      const value = lex.value
      while (cursor < text.length && isSpace(text.charCodeAt(cursor))) cursor++
      let start = cursor
      if (!text.startsWith(value, cursor)) {
        // Searched no further than a match may lie: a miss is not a scan to the end of a long text.
        const found = text.slice(cursor, cursor + MAX_GAP + value.length).indexOf(value)
        if (found < 0) continue
        start = cursor + found
      }
      cursor = start + value.length
      if (lex.tail > 0) cursor -= lex.tail
      const tag = pos[i] || 'X'
      if (tokens.length + 1 + lex.tail > flags.length) {
        const grown = new Uint8Array(flags.length * 2 + lex.tail + 1)
        grown.set(flags)
        flags = grown
      }
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
        const type: TokenType = { kind: 'word', pos: prev.kind === 'other' ? tag : prev.pos, lower, lemma: lower, length: cursor - prev.start }
        tokens[tokens.length - 1] = new PackedToken(prev.start, type)
        flags[tokens.length - 1] = mergedFlags
        lastMerged = true
        continue
      }
      lastMerged = false
      let type = lex.lastTag === tag ? lex.lastType : lex.types[tag]
      if (type === undefined) {
        const raw = source.lemmaAt(i)
        const lemma = raw && lex.tail === 0 ? foldApostrophes(raw.toLowerCase()) : lex.lower
        type = { kind: lex.kind, pos: tag, lower: lex.lower, lemma, length: lex.length }
        lex.types[tag] = type
      }
      lex.lastTag = tag
      lex.lastType = type
      flags[tokens.length] = lex.flags
      tokens.push(new PackedToken(start, type))
      // "… at https://example.com/report. Officials said …": the final stop is a token of its own, so it ends a sentence.
      for (let k = 0; k < lex.tail; k++) {
        tokens.push(new PackedToken(cursor, punctuationType(text.charAt(cursor))))
        cursor++
      }
    }
  }

  return { add, finish: () => ({ tokens, flags: flags.subarray(0, tokens.length) }) }
}

function punctuationType(ch: string): TokenType {
  let type = PUNCTUATION_TYPES.get(ch)
  if (type === undefined) {
    type = { kind: 'punctuation', pos: 'PUNCT', lower: ch, lemma: ch, length: 1 }
    PUNCTUATION_TYPES.set(ch, type)
  }
  return type
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
  return { value, lower: shown, kind, flags, skip, types: Object.create(null) as Record<string, TokenType>, lastTag: '', lastType: undefined, tail, length: value.length - tail }
}

const LETTERS = /^\p{L}+$/u

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0
}

/** Curly apostrophes become straight ones (used for every `lower` and `lemma`). */
export function foldApostrophes(s: string): string {
  return s.includes('\u2019') || s.includes('\u2018') ? s.replace(/[\u2018\u2019]/g, "'") : s
}
