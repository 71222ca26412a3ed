// The headline of a plain-text article: its first line, when that line reads like a headline.

const MAX_TITLE_CHARS = 150
const MAX_TITLE_WORDS = 20
// "Trump’s criticism on Jeff Sessions continues to happen. Source: News Week" (seed article's first line).
const SOURCE_SUFFIX = /^(.*?\S)\s+Source:\s*\S.*$/
const SOURCE_ONLY = /^Source:/i
const SOURCE_LINE = /^(?:(.*?\S)\s+)?Source:\s*(\S.*?)\s*$/
const BYLINE_OR_DATE = /^(by|written by|posted|published|updated)\b/i

/**
 * The title of a normalized plain text, or null. The first line counts when it is
 * - a Markdown heading ('# Title'), or
 * - a line ending in ' Source: X' (the title is what comes before; one final period dropped), or
 * - a paragraph of its own (blank line after it, more text below) of at most 150 characters and 20 words that
 *   does not end like a sentence or a clause ('.', ',', ';', ':') and is not a byline or dateline.
 * The line itself stays in the text; this only reads it.
 */
export function titleFromText(text: string): string | null {
  const nl = text.indexOf('\n')
  if (nl === -1) return null
  const first = text.slice(0, nl).trim()
  if (!first || SOURCE_ONLY.test(first)) return null
  const heading = /^#{1,6}\s+(.+?)\s*#*$/.exec(first)
  if (heading) return heading[1]
  const sourced = SOURCE_SUFFIX.exec(first)
  if (sourced) return sourced[1].replace(/(?<!\.)\.$/, '').trim() || null
  const ownParagraph = text.startsWith('\n', nl + 1) && text.slice(nl).trim() !== ''
  if (!ownParagraph || first.length > MAX_TITLE_CHARS) return null
  if (first.split(/\s+/).length > MAX_TITLE_WORDS) return null
  if (/[.,;:]$/.test(first) || BYLINE_OR_DATE.test(first) || /^\p{Ll}/u.test(first)) return null
  return first
}

/**
 * The parts of a header line that names its source: 'Title. Source: X' gives { title: 'Title', source: 'X' } (one
 * final period dropped), a bare 'Source: X' gives { title: null, source: 'X' }; any other line gives null.
 */
export function readSourceLine(line: string): { title: string | null; source: string } | null {
  const match = SOURCE_LINE.exec(line.trim())
  if (!match) return null
  const title = match[1]?.replace(/(?<!\.)\.$/, '').trim()
  return { title: title || null, source: match[2]! }
}

/**
 * The outlet a plain text names in its header: 'Headline. Source: X' or a bare 'Source: X' as its first line, or a
 * bare 'Source: X' line right under the headline (a blank line between allowed). Null otherwise: a "Source:" line
 * further down credits material the article uses, not its publisher. Names longer than 8 words or without a capital
 * or digit at the start are not outlets.
 */
export function outletFromText(text: string): string | null {
  const lines = text.split('\n', 4).map((line) => line.trim())
  const candidates = [lines[0]]
  // Under the headline: the next non-empty line, when it is a bare 'Source: X'.
  const next = lines.slice(1).find((line) => line !== '')
  if (next && SOURCE_ONLY.test(next)) candidates.push(next)
  for (const line of candidates) {
    const sourced = line ? readSourceLine(line) : null
    const name = sourced?.source.replace(/[.\s]+$/, '').trim()
    if (name && name.split(/\s+/).length <= 8 && /^[\p{Lu}\d]/u.test(name)) return name
  }
  return null
}
