// Sentences: wink's boundaries, split at paragraph and "Source:" boundaries, re-joined after abbreviations and initials.

import type { Paragraph, Sentence, SourceLine, Token } from '../document/types.js'

// Abbreviations that are practically never the last word of a sentence ("Mr. Smith", "Gov. Ivey", "No. 5").
const NEVER_FINAL = new Set([
  'mr.', 'mrs.', 'ms.', 'dr.', 'gov.', 'sen.', 'rep.', 'gen.', 'col.', 'lt.', 'sgt.', 'capt.', 'cmdr.', 'adm.', 'maj.',
  'prof.', 'rev.', 'hon.', 'pres.', 'supt.', 'det.', 'insp.', 'st.', 'mt.', 'ft.', 'no.', 'nos.', 'vs.', 'v.', 'e.g.',
  'i.e.', 'approx.', 'dept.', 'est.', 'fig.', 'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.', 'sep.', 'sept.',
  'oct.', 'nov.', 'dec.',
])

/**
 * Build sentences over `tokens` (which must already be in text order) and set each token's `sentence`.
 * `winkStarts` holds the token indexes where wink starts a sentence.
 */
export function buildSentences(
  text: string,
  tokens: Token[],
  winkStarts: ArrayLike<number>,
  paragraphs: Paragraph[],
  sourceLines: SourceLine[],
): Sentence[] {
  const n = tokens.length
  if (n === 0) return []
  // 0 = no boundary, 1 = wink boundary (may be undone), 2 = forced boundary (paragraph, "Source:" line).
  const boundary = new Uint8Array(n)
  for (let i = 0; i < winkStarts.length; i++) boundary[winkStarts[i]] = 1
  const tokenParagraph = new Int32Array(n)
  let p = 0
  for (let i = 0; i < n; i++) {
    while (p < paragraphs.length - 1 && tokens[i].start >= paragraphs[p].end) p++
    tokenParagraph[i] = p
    if (i > 0 && p !== tokenParagraph[i - 1]) boundary[i] = 2
  }
  if (sourceLines.length > 0) {
    let s = 0
    for (let i = 0; i < n && s < sourceLines.length; i++) {
      const line = sourceLines[s]
      if (tokens[i].start === line.start) boundary[i] = 2
      if (tokens[i].start >= line.end) {
        boundary[i] = 2
        s++
        i--
      }
    }
  }
  for (let i = 1; i < n; i++) if (boundary[i] === 1 && continuesSentence(text, tokens[i - 1], tokens[i])) boundary[i] = 0
  boundary[0] = 2

  const sentences: Sentence[] = []
  let first = 0
  for (let i = 1; i <= n; i++) {
    if (i < n && boundary[i] === 0) continue
    const index = sentences.length
    for (let k = first; k < i; k++) tokens[k].sentence = index
    sentences.push({
      start: tokens[first].start,
      end: tokens[i - 1].end,
      index,
      paragraph: tokenParagraph[first],
      tokenStart: first,
      tokenEnd: i,
    })
    first = i
  }
  return sentences
}

const CLOSERS = new Set(['”', '"', '’', "'", ')', ']'])

// Wink ends a sentence where this text would not: after an abbreviation or initial, or after a quoted question
// followed by its speech tag ("“Where is it?” she asked.").
function continuesSentence(text: string, prev: Token, next: Token): boolean {
  if (CLOSERS.has(prev.lower) && next.kind === 'word' && startsLowerCase(text, next.start)) return true
  const word = prev.lower
  if (word.length < 2 || word.charCodeAt(word.length - 1) !== 46 || prev.kind !== 'word') return false
  if (NEVER_FINAL.has(word)) return true
  // "the U.S. economy", "the A.G. who": a sentence rarely starts in lower case or with a digit.
  if (next.kind === 'number') return true
  if (startsLowerCase(text, next.start)) return true
  const first = text[next.start]
  // "J. R. Jones": a single-letter initial before a capitalized word.
  return word.length === 2 && next.kind === 'word' && first !== first.toLowerCase()
}

function startsLowerCase(text: string, i: number): boolean {
  const ch = text[i]
  return ch !== ch.toUpperCase()
}
