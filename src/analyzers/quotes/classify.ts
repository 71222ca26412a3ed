// Which quoted stretches are quotations: titles of works and unattributed scare quotes are not.
import type { AnnotatedDocument } from '../../document/types.js'
import type { QuoteRegion } from '../shared/quote-marks.js'
import workNouns from './work-nouns.json' with { type: 'json' }

const WORKS: ReadonlySet<string> = new Set(workNouns.nouns)
const LABEL_VERBS: ReadonlySet<string> = new Set(workNouns.labelVerbs)

/** True when the quote names a work: `the song "Born to Run"`, `his 1987 book "…"`, `a film called "…"`, `signs reading "…"`. */
export function looksLikeTitle(doc: AnnotatedDocument, openTok: number, floor: number): boolean {
  const { tokens } = doc
  let k = openTok - 1
  if (k < floor) return false
  if (LABEL_VERBS.has(tokens[k]!.lower)) {
    k--
    if (k >= floor && tokens[k]!.lower === ',') k--
    if (k < floor) return false
    return WORKS.has(tokens[k]!.lower) || tokens[openTok - 1]!.lower === 'titled' || tokens[openTok - 1]!.lower === 'entitled'
  }
  if (tokens[k]!.lower === ',' && k - 1 >= floor) k-- // "Her memoir, “Breaking Ground,” sold …"
  return WORKS.has(tokens[k]!.lower)
}

/** True when every longer word is capitalized ("Make America Great Again"), as in titles and slogans. */
export function titleCase(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w))
  if (words.length === 0 || words.length > 10) return false
  return words.every((w, i) => (w.length <= 3 && i > 0) || /^[^\p{L}]*\p{Lu}/u.test(w))
}

/** 'full' when the quote is a sentence or more (ends in punctuation, opens its sentence, introduced by ":" or ","). */
export function quoteForm(doc: AnnotatedDocument, region: QuoteRegion, openTok: number, floor: number): 'full' | 'partial' {
  const inner = doc.text.slice(region.start, region.end)
  if (region.close < 0 || /[.!?…]["'”’)]*$/.test(inner) || /[.!?]\s+\S/.test(inner)) return 'full'
  if (openTok <= floor) return 'full'
  const before = doc.tokens[openTok - 1]!
  if (before.lower === ':' || before.lower === ',') return 'full'
  // A trailing comma ends a sentence-like quote ("…,” she said) unless a short phrase sits inside the writer's sentence
  // ("known to fans as “the Architect,” rarely …").
  if (/[,;:]["'”’)]*$/.test(inner)) return inner.split(/\s+/).length > 4 || before.kind === 'punctuation' ? 'full' : 'partial'
  return 'partial'
}
