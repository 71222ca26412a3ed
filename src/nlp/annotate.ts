// Annotate a Document once: paragraphs, sentences, tokens, entities and "Source:" lines, all as exact spans.

import type { AnnotatedDocument, Document, Token } from '../document/types.js'
import { sentenceAt } from '../document/spans.js'
import { findDates } from './dates.js'
import { groupEntities, type TypedMention } from './entities.js'
import { findNames } from './names.js'
import { findParagraphs } from './paragraphs.js'
import { buildSentences } from './sentences.js'
import { findSourceLines } from './source-lines.js'
import { CAPITALIZED, createTokenMapper, foldApostrophes } from './tokens.js'
import { getWink } from './wink.js'

/** Annotate `doc` (its text should come from normalizeText). Pure and synchronous; the input is not changed. */
export function annotate(doc: Document): AnnotatedDocument {
  const text = doc.text
  const { tokens, flags } = tokenize(text)
  const paragraphs = findParagraphs(text)
  const sourceLines = findSourceLines(text)
  const sentences = buildSentences(text, tokens, flags, paragraphs, sourceLines)

  // Outlet names and dates are typed up front; their tokens are then off limits to the name recognizer.
  const claimed = new Uint8Array(tokens.length)
  const typed: TypedMention[] = []
  for (const line of sourceLines) {
    const sentence = sentenceAt({ sentences }, line.nameStart)
    if (!sentence || line.nameEnd > sentence.end) continue
    claimRange(tokens, claimed, sentence.tokenStart, sentence.tokenEnd, line.nameStart, line.nameEnd)
    typed.push({ start: line.nameStart, end: line.nameEnd, key: keyOf(line.name), type: 'organization', sentence: sentence.index })
  }
  const isCap = (i: number) => (flags[i] & CAPITALIZED) !== 0
  for (const sentence of sentences) {
    for (const range of findDates(tokens, sentence.tokenStart, sentence.tokenEnd, isCap)) {
      let free = true
      for (let k = range.tokenStart; k < range.tokenEnd; k++) if (claimed[k]) free = false
      if (!free) continue
      claimed.fill(1, range.tokenStart, range.tokenEnd)
      const start = tokens[range.tokenStart].start
      const end = tokens[range.tokenEnd - 1].end
      typed.push({ start, end, key: `date:${keyOf(text.slice(start, end))}`, type: 'date', sentence: sentence.index })
    }
  }
  const names = findNames({ text, tokens, flags, sentences, claimed })
  const entities = groupEntities(text, tokens, names, typed)
  return { ...doc, paragraphs, sentences, tokens, entities, sourceLines }
}

// wink reads a long text in slabs of whole paragraphs: its per-token structures (≈ 120 bytes a token while it reads,
// ×25 the text) then exist for one slab at a time, not for the whole text. wink's POS tags look a few tokens around;
// a slab ends after a blank line, where no tag depends on the next paragraph (bench/slab-check.ts: identical tokens,
// tags and lemmas on 11 M chars of news, claims and debates read whole and in 2 KB, 8 KB or 64 KB slabs). wink's
// tokenizer keeps state across readDoc calls (its vocabulary grows), but it reads slabs in text order, as it reads a
// whole text. Articles under a slab are read whole.
// 8 KB, not 64: wink's token array (4 numbers a token, ~0.19 tokens a char) then stays under V8's 128 KB limit for
// young objects; at 64 KB it grew in the large-object space, copied at each growth and freed only by full GCs
// (4 MB article: annotate 2.39–2.67 → 2.01–2.24 s CPU, 3 runs each, alternating).
const SLAB_CHARS = 8 * 1024

/** wink's tokens of `text` mapped onto exact offsets (tokens.ts), reading the text a slab at a time. */
export function tokenize(text: string, slabChars = SLAB_CHARS): { tokens: Token[]; flags: Uint8Array } {
  const nlp = getWink()
  const its = nlp.its
  const mapper = createTokenMapper(text)
  for (let from = 0; from < text.length || from === 0;) {
    const to = slabEnd(text, from, slabChars)
    const winkTokens = nlp.readDoc(from === 0 && to === text.length ? text : text.slice(from, to)).tokens()
    mapper.add({
      vocabulary: nlp,
      ids: winkTokens.out(its.uniqueId) as unknown as number[],
      pos: winkTokens.out(its.pos) as string[],
      valueAt: (i) => winkTokens.itemAt(i).out(its.value) as string,
      typeAt: (i) => winkTokens.itemAt(i).out(its.type) as string,
      // wink's typings declare its.lemma with a different rdd type than the other helpers.
      lemmaAt: (i) => winkTokens.itemAt(i).out(its.lemma as unknown as typeof its.value) as string,
    })
    if (to >= text.length) break
    from = to
  }
  return mapper.finish()
}

/** Where the slab starting at `from` ends: just after the first blank line past `from + slabChars`, else the text's end. */
function slabEnd(text: string, from: number, slabChars: number): number {
  if (text.length - from <= slabChars) return text.length
  const blank = text.indexOf('\n\n', from + slabChars)
  return blank < 0 ? text.length : blank + 2
}

function claimRange(tokens: Token[], claimed: Uint8Array, from: number, to: number, start: number, end: number): void {
  // Any overlap counts: a name can end inside a token ("Source: The J." names "The J").
  for (let k = from; k < to; k++) if (tokens[k].start < end && tokens[k].end > start) claimed[k] = 1
}

function keyOf(s: string): string {
  return foldApostrophes(s.toLowerCase())
}
