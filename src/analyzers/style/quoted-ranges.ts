// Ranges of text inside quotation marks, so that a speaker's own words are not charged to the article's style.
import type { Span } from '../../document/types.js'

const NEWLINE = 0x0a
/** Opening mark → its closing mark: “ ”, " ", « ». */
function closingMark(code: number): number {
  if (code === 0x201c) return 0x201d
  if (code === 0x22) return 0x22
  if (code === 0xab) return 0xbb
  return -1
}

/** Quoted ranges per paragraph; an unclosed quote runs to the end of its paragraph. */
export function quotedRanges(text: string): Span[] {
  const ranges: Span[] = []
  // Character codes, not one-character strings: this reads every character of every article.
  let openAt = -1
  let close = -1
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === NEWLINE && text.charCodeAt(i + 1) === NEWLINE) {
      if (openAt >= 0) ranges.push({ start: openAt, end: i })
      openAt = -1
    } else if (openAt >= 0) {
      if (code === close) {
        ranges.push({ start: openAt, end: i + 1 })
        openAt = -1
      }
    } else {
      close = closingMark(code)
      if (close >= 0) openAt = i
    }
  }
  if (openAt >= 0) ranges.push({ start: openAt, end: text.length })
  return ranges
}
