// Pairs quotation marks paragraph by paragraph: curly, straight, single, guillemets, nesting, and quotes that run on.
import type { AnnotatedDocument, Span } from '../../document/types.js'

export interface QuoteRegion {
  /** Offset of the opening mark. */
  open: number
  /** Offset of the closing mark, or -1 when the quote runs to the end of its paragraph unclosed. */
  close: number
  /** The quoted words: inside the marks, surrounding whitespace trimmed. */
  start: number
  end: number
  mark: 'double' | 'single'
  /** 0 for a top-level quote, 1 for a quote inside it, … */
  depth: number
  paragraph: number
  /** Unclosed, and the next paragraph opens with a quote mark: the same quotation goes on (news style). */
  runsOn: boolean
  /** Opens its paragraph and continues a quote left open in the previous paragraph. */
  continued: boolean
}

const cache = new WeakMap<object, QuoteRegion[]>()

/** Quote regions of a document, computed once per document and shared by the sourcing analyzers. */
export function quoteRegions(doc: Pick<AnnotatedDocument, 'text' | 'paragraphs'>): QuoteRegion[] {
  let regions = cache.get(doc)
  if (!regions) {
    regions = scanQuoteMarks(doc.text, doc.paragraphs.length > 0 ? doc.paragraphs : [{ start: 0, end: doc.text.length }])
    cache.set(doc, regions)
  }
  return regions
}

interface Open {
  at: number
  mark: 'double' | 'single'
}

/** Pairs quote marks within each paragraph; regions are returned sorted by opening offset. */
export function scanQuoteMarks(text: string, paragraphs: readonly Span[]): QuoteRegion[] {
  const regions: QuoteRegion[] = []
  for (let p = 0; p < paragraphs.length; p++) {
    const { start: ps, end: pe } = paragraphs[p]!
    const stack: Open[] = []
    const emit = (open: Open, close: number): void => {
      const depth = stack.length
      const inner = trim(text, open.at + 1, close < 0 ? pe : close)
      regions.push({ open: open.at, close, start: inner.start, end: inner.end, mark: open.mark, depth, paragraph: p, runsOn: false, continued: false })
    }
    const closeInnermost = (mark: 'double' | 'single', at: number): boolean => {
      let k = stack.length - 1
      while (k >= 0 && stack[k]!.mark !== mark) k--
      if (k < 0) return false
      stack.length = k + 1 // marks opened inside and never closed were apostrophes or typos: drop them
      const open = stack.pop()!
      emit(open, at)
      return true
    }
    const hasOpen = (mark: 'double' | 'single'): boolean => stack.some((o) => o.mark === mark)
    for (let i = ps; i < pe; i++) {
      // Most characters are ASCII and not a quote mark: skip them by code, without making a one-character string.
      const code = text.charCodeAt(i)
      if (code < 0x80 && code !== 0x22 && code !== 0x27) continue
      const c = text[i]!
      if (c !== '"' && c !== '“' && c !== '”' && c !== '„' && c !== '«' && c !== '»' && c !== "'" && c !== '‘' && c !== '’') continue
      const prev = i > ps ? text[i - 1]! : ' '
      const next = i + 1 < pe ? text[i + 1]! : ' '
      switch (c) {
        case '“':
        case '„':
        case '«':
          // A “ that ends a word after an open quote is a typo for ” ("Hello“).
          if (c === '“' && hasOpen('double') && closerContext(prev, next) && !openerContext(prev, next)) closeInnermost('double', i)
          else stack.push({ at: i, mark: 'double' })
          break
        case '”':
        case '»':
          if (!closeInnermost('double', i) && openerContext(prev, next)) stack.push({ at: i, mark: 'double' })
          break
        case '"':
          if (hasOpen('double') && (closerContext(prev, next) || !openerContext(prev, next))) closeInnermost('double', i)
          else if (openerContext(prev, next) || !closerContext(prev, next)) stack.push({ at: i, mark: 'double' })
          break
        case '‘':
          if (!isDigit(next) && !isSpace(next)) stack.push({ at: i, mark: 'single' })
          break
        case '’':
        case "'":
          if (isWordChar(prev) && isWordChar(next)) break // don't, Trump’s
          if (c === "'" && openerContext(prev, next) && !isDigit(next)) {
            stack.push({ at: i, mark: 'single' })
          } else if (hasOpen('single') && closerContext(prev, next) && !possessive(text, i, pe)) {
            closeInnermost('single', i)
          }
          break
      }
    }
    // Unclosed double quotes run to the end of the paragraph; unclosed singles were apostrophes.
    for (let k = 0; k < stack.length; k++) {
      const open = stack[k]!
      if (open.mark !== 'double') continue
      const inner = trim(text, open.at + 1, pe)
      if (inner.end > inner.start) {
        regions.push({ open: open.at, close: -1, start: inner.start, end: inner.end, mark: 'double', depth: k, paragraph: p, runsOn: false, continued: false })
      }
    }
  }
  regions.sort((a, b) => a.open - b.open)
  linkRunOns(text, paragraphs, regions)
  return regions.filter((r) => r.end > r.start)
}

/** Marks unclosed quotes whose next paragraph opens with a quote mark, and those opening quotes as continued. */
function linkRunOns(text: string, paragraphs: readonly Span[], regions: QuoteRegion[]): void {
  const firstOfParagraph = new Map<number, QuoteRegion>()
  for (const r of regions) {
    if (r.depth === 0 && !firstOfParagraph.has(r.paragraph)) firstOfParagraph.set(r.paragraph, r)
  }
  for (const r of regions) {
    if (r.close >= 0 || r.depth !== 0) continue
    const next = firstOfParagraph.get(r.paragraph + 1)
    const nextParagraph = paragraphs[r.paragraph + 1]
    if (!next || !nextParagraph) continue
    if (trim(text, nextParagraph.start, nextParagraph.end).start === next.open) {
      r.runsOn = true
      next.continued = true
    }
  }
}

function trim(text: string, start: number, end: number): Span {
  while (start < end && isSpace(text[start]!)) start++
  while (end > start && isSpace(text[end - 1]!)) end--
  return { start, end }
}

function openerContext(prev: string, next: string): boolean {
  return (isSpace(prev) || '([{—–-/:;,'.includes(prev) || prev === '“' || prev === '‘' || prev === '"') && !isSpace(next)
}

function closerContext(prev: string, next: string): boolean {
  return !isSpace(prev) && (isSpace(next) || '.,;:!?)]}—–-…”’"'.includes(next))
}

// "the players’ union": an s’ followed by a lower-case word is a plural possessive, not a closing single quote.
function possessive(text: string, i: number, end: number): boolean {
  if (text[i - 1] !== 's' || text[i + 1] !== ' ') return false
  const after = /^ (\p{Ll}+)/u.exec(text.slice(i + 1, Math.min(end, i + 24)))
  return after !== null && !SPEECH_AFTER.has(after[1]!)
}

const SPEECH_AFTER = new Set(['he', 'she', 'they', 'said', 'says', 'the', 'a', 'an', 'and', 'or', 'but', 'according', 'we', 'i', 'it'])

function isSpace(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u00a0'
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9'
}

function isWordChar(c: string): boolean {
  return /[\p{L}\p{N}]/u.test(c)
}
