// Small accessors over the span layers of a Document, plus the offset-invariant check every test uses.

import type { AnnotatedDocument, Sentence, Span, Token } from './types.js'

/** The text a span covers: `doc.text.slice(span.start, span.end)`. */
export function spanText(doc: { text: string }, span: Span): string {
  return doc.text.slice(span.start, span.end)
}

/** The sentence containing `offset` (binary search), or undefined when the offset falls between sentences. */
export function sentenceAt(doc: Pick<AnnotatedDocument, 'sentences'>, offset: number): Sentence | undefined {
  const sentences = doc.sentences
  let lo = 0
  let hi = sentences.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const s = sentences[mid]
    if (offset < s.start) hi = mid - 1
    else if (offset >= s.end) lo = mid + 1
    else return s
  }
  return undefined
}

/** The sentence containing the start of `span`, or undefined. */
export function sentenceOf(doc: Pick<AnnotatedDocument, 'sentences'>, span: Span): Sentence | undefined {
  return sentenceAt(doc, span.start)
}

/** The tokens of one sentence. */
export function tokensOf(doc: Pick<AnnotatedDocument, 'tokens'>, sentence: Sentence): Token[] {
  return doc.tokens.slice(sentence.tokenStart, sentence.tokenEnd)
}

/** The text of one sentence. */
export function sentenceText(doc: { text: string }, sentence: Sentence): string {
  return doc.text.slice(sentence.start, sentence.end)
}

/** Number of whitespace-separated words that contain a letter or digit (what readers call a word count). */
export function wordCount(doc: { text: string }): number {
  const text = doc.text
  let count = 0
  let inWord = false
  let hasAlnum = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 32 || c === 10) {
      if (inWord && hasAlnum) count++
      inWord = false
      hasAlnum = false
      continue
    }
    inWord = true
    if (!hasAlnum && isAlnumAt(text, i, c)) hasAlnum = true
  }
  if (inWord && hasAlnum) count++
  return count
}

const ALNUM = /[\p{L}\p{N}]/u

function isAlnumAt(text: string, i: number, c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122)
  return ALNUM.test(text.slice(i, i + 2))
}

/**
 * Throw when any span is not a valid `[start, end)` range into `text`: non-integer, empty, reversed, out of range,
 * or carrying a `text` field that differs from `text.slice(start, end)`. `label` names the layer in the message.
 */
export function assertSpansValid(text: string, spans: readonly Span[], label: string): void {
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i] as Span & { text?: unknown }
    const where = `${label}[${i}] [${span.start}, ${span.end})`
    if (!Number.isInteger(span.start) || !Number.isInteger(span.end)) throw new Error(`${where}: offsets must be integers`)
    if (span.start < 0 || span.end > text.length) throw new Error(`${where}: out of range (text length ${text.length})`)
    if (span.end < span.start) throw new Error(`${where}: reversed span`)
    if (span.end === span.start) throw new Error(`${where}: empty span`)
    if (span.text !== undefined && span.text !== text.slice(span.start, span.end)) {
      throw new Error(`${where}: text ${JSON.stringify(span.text)} differs from slice ${JSON.stringify(text.slice(span.start, span.end))}`)
    }
  }
}
