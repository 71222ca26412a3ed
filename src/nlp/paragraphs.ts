// Paragraphs: blank-line separated blocks, with short standalone lines ("Source: X", headlines) as their own paragraphs.

import type { Paragraph } from '../document/types.js'
import { endsWithSourceLine } from './source-lines.js'

// A line at most this long that ends a line is taken as standalone (a headline, a byline, "Source: X").
const SHORT_LINE = 60
const TERMINAL = /[.!?:…"”’)\]]$/

/** Split `text` into paragraphs (trimmed, non-empty spans, in order). */
export function findParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = []
  let paraStart = -1
  let paraEnd = -1
  let prevLineShortOrEnded = false
  const flush = () => {
    if (paraStart >= 0) paragraphs.push({ start: paraStart, end: paraEnd, index: paragraphs.length })
    paraStart = -1
  }
  let lineStart = 0
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd < 0) lineEnd = text.length
    let s = lineStart
    let e = lineEnd
    while (s < e && isBlank(text.charCodeAt(s))) s++
    while (e > s && isBlank(text.charCodeAt(e - 1))) e--
    if (s === e) {
      flush()
      prevLineShortOrEnded = false
    } else {
      // A line starting in lower case continues a hard-wrapped sentence.
      if (paraStart >= 0 && prevLineShortOrEnded && !startsLowerCase(text, s)) flush()
      if (paraStart < 0) paraStart = s
      paraEnd = e
      const line = text.slice(s, e)
      prevLineShortOrEnded = line.length <= SHORT_LINE || TERMINAL.test(line) || endsWithSourceLine(line)
    }
    lineStart = lineEnd + 1
  }
  flush()
  return paragraphs
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 0xa0 || c === 0x0b || c === 0x0c
}

function startsLowerCase(text: string, i: number): boolean {
  const ch = text[i]
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase()
}
