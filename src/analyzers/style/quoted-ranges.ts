// Ranges of text inside quotation marks, so that a speaker's own words are not charged to the article's style.
import type { Span } from '../../document/types.js'

const PAIRS: Record<string, string> = { '“': '”', '"': '"', '«': '»' }

/** Quoted ranges per paragraph; an unclosed quote runs to the end of its paragraph. */
export function quotedRanges(text: string): Span[] {
  const ranges: Span[] = []
  let open: { start: number; close: string } | null = null
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (ch === '\n' && text[i + 1] === '\n') {
      if (open) ranges.push({ start: open.start, end: i })
      open = null
    } else if (open && ch === open.close) {
      ranges.push({ start: open.start, end: i + 1 })
      open = null
    } else if (!open && PAIRS[ch] !== undefined) {
      open = { start: i, close: PAIRS[ch]! }
    }
  }
  if (open) ranges.push({ start: open.start, end: text.length })
  return ranges
}
