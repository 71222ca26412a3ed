// "Source: X" lines: a standalone line, or a line ending "… sentence. Source: X" (as in the seed article's first line).

import type { SourceLine } from '../document/types.js'

const LABEL = /\bsources?[ \t]*:[ \t]*/gi
// Outlet names are short: no sentence punctuation inside, at most 8 words.
const NAME = /^([^\n\r\t.!?:]{1,80}?)[ \t]*[.)\]]?[ \t\r]*$/
const BEFORE_LABEL = /(?:^|[.!?"”’)\]][ \t]+)[(\[]?$/

/** True when a line ends with "Source: X" (such a line ends its paragraph). */
export function endsWithSourceLine(line: string): boolean {
  return /sources?[ \t]*:/i.test(line) && findSourceLines(line).length > 0
}

/** Find every "Source: X" line in `text`, with exact offsets of the whole "Source: X" and of the name. */
export function findSourceLines(text: string): SourceLine[] {
  const lines: SourceLine[] = []
  LABEL.lastIndex = 0
  for (let m = LABEL.exec(text); m; m = LABEL.exec(text)) {
    const lineStart = text.lastIndexOf('\n', m.index - 1) + 1
    let lineEnd = text.indexOf('\n', m.index)
    if (lineEnd < 0) lineEnd = text.length
    // Only the few characters before the label matter: line start, or sentence end + space, optionally "(".
    if (!BEFORE_LABEL.test(text.slice(Math.max(lineStart, m.index - 4), m.index))) continue
    const rest = text.slice(m.index + m[0].length, lineEnd)
    const name = NAME.exec(rest)?.[1]
    if (!name || name.split(' ').length > 8 || !/^[\p{Lu}\d]/u.test(name)) continue
    const nameStart = m.index + m[0].length
    lines.push({ start: m.index, end: nameStart + name.length, name, nameStart, nameEnd: nameStart + name.length })
  }
  return lines
}
