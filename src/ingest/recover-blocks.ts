// Put back what Readability dropped inside the article's own container (lists, short paragraphs, sibling sections).
import { htmlToBlocks, type TextBlock } from './html-to-text.js'

// Labels that sit between paragraphs but are not part of the article.
const FILLER = /^(advertisement|advert|ad|ads|sponsored( content)?|story continues below( advertisement)?|continue reading( below)?|scroll to continue( with content)?|read more|share( this)?( article| story)?|click to expand)$/i
/** Recovery that would more than double the text read out the wrong container: keep Readability's result then. */
const MAX_GROWTH = 2
const GROWTH_SLACK = 600
const MIN_MATCHED_SHARE = 0.3

/**
 * Readability picks one top candidate and keeps only the siblings it scores well, so a bullet list or a one-line
 * paragraph beside that candidate is lost (see html-extract.test.ts, 'lists'). Find, in a chrome-free copy of the
 * page, the smallest element holding every block Readability kept, and read all its blocks instead. Blocks
 * Readability did not keep come back only when they are not mostly links and not filler labels ("Advertisement").
 * Falls back to `kept` when the match is weak, the container is the whole body, or the text would grow too much.
 */
export function recoverDroppedBlocks(kept: TextBlock[], clean: Document, bodyBlocks: TextBlock[] = htmlToBlocks(clean.body)): TextBlock[] {
  const body = clean.body
  if (!body || kept.length === 0) return kept
  const byText = new Map<string, TextBlock[]>()
  for (const b of bodyBlocks) {
    // A <br><br> inside one block is two paragraphs to Readability: index the parts too.
    const parts = b.text.split('\n\n')
    for (const t of parts.length > 1 ? [b.text, ...parts] : parts) byText.set(t, [...(byText.get(t) ?? []), b])
  }
  const owners: Element[] = []
  for (const k of kept) {
    const same = byText.get(k.text)
    if (same?.length === 1 && same[0].owner) owners.push(same[0].owner)
  }
  if (owners.length === 0 || owners.length < kept.length * MIN_MATCHED_SHARE) return kept
  let container = commonAncestor(owners)
  // One matched paragraph is its own common ancestor; the container is around it.
  if (container && owners.includes(container)) container = container.parentElement
  if (!container || container === body || container === clean.documentElement) return kept
  // Readability can pick a table or list of short lines (the signatories under an open letter, an ingredients card)
  // over the prose beside it: read from the element around the outermost table or list instead.
  if (listOfShortLines(kept)) {
    let outer: Element | null = container.closest('table, ul, ol, dl')
    while (outer?.parentElement?.closest('table, ul, ol, dl')) outer = outer.parentElement.closest('table, ul, ol, dl')
    const around = outer?.parentElement
    if (around && around !== body && around !== clean.documentElement) container = around
  }

  const keptTexts = new Set(kept.map((b) => b.text))
  const recovered = htmlToBlocks(container).filter((b) => keptTexts.has(b.text) || plausible(b))
  const size = (bs: TextBlock[]): number => bs.reduce((n, b) => n + b.text.length, 0)
  if (size(recovered) > MAX_GROWTH * size(kept) + GROWTH_SLACK) return kept
  // Every kept block must still be there (Readability may have re-cut some: compare whitespace-free text).
  const flat = (s: string): string => s.replace(/\s+/g, '')
  const all = flat(recovered.map((b) => b.text).join(''))
  return kept.every((k) => all.includes(flat(k.text))) ? recovered : kept
}

/** A lead longer than this is not a lead: the headline sits above some other text. */
const MAX_LEAD_CHARS = 1200
const MIN_LEAD_WORDS = 10
const MAX_LEAD_LINK_SHARE = 0.2

/**
 * The lead (standfirst) between the headline and the body often sits in the page's header, outside the container
 * Readability picked (see html-extract.test.ts, 'lead'). Put back the sentence-like blocks that stand between the
 * page's <h1> and the first block of `found`, when there are few of them.
 */
export function recoverLead(found: TextBlock[], bodyBlocks: TextBlock[]): TextBlock[] {
  if (found.length === 0) return found
  const h1 = bodyBlocks.findIndex((b) => b.owner?.tagName === 'H1')
  if (h1 === -1) return found
  const first = bodyBlocks.findIndex((b, i) => i > h1 && b.text === found[0]!.text)
  if (first === -1) return found
  const lead = bodyBlocks
    .slice(h1 + 1, first)
    .filter((b) => b.text.split(/\s+/).length >= MIN_LEAD_WORDS && b.linkChars / b.text.length <= MAX_LEAD_LINK_SHARE && !FILLER.test(b.text))
  const chars = lead.reduce((n, b) => n + b.text.length, 0)
  if (lead.length === 0 || chars > MAX_LEAD_CHARS) return found
  const have = new Set(found.map((b) => b.text))
  return [...lead.filter((b) => !have.has(b.text)), ...found]
}

const MAX_TAIL_BLOCKS = 5

/**
 * The story's last paragraphs can sit in a sibling container below the one Readability picked. Put back the run of
 * sentence-like blocks that follows the last block of `found` in the page, stopping at the first block that is not.
 */
export function recoverTail(found: TextBlock[], bodyBlocks: TextBlock[]): TextBlock[] {
  if (found.length === 0) return found
  const lastText = found[found.length - 1]!.text
  let last = -1
  for (let i = bodyBlocks.length - 1; i >= 0; i--) {
    if (bodyBlocks[i]!.text === lastText) {
      last = i
      break
    }
  }
  if (last === -1) return found
  const have = new Set(found.map((b) => b.text))
  const tail: TextBlock[] = []
  for (const b of bodyBlocks.slice(last + 1)) {
    if (tail.length === MAX_TAIL_BLOCKS || !sentenceLike(b)) break
    if (!have.has(b.text)) tail.push(b)
  }
  return tail.length ? [...found, ...tail] : found
}

function sentenceLike(b: TextBlock): boolean {
  return b.text.split(/\s+/).length >= MIN_LEAD_WORDS && b.linkChars / b.text.length <= MAX_LEAD_LINK_SHARE && !FILLER.test(b.text)
}

/** Short lines, hardly a longer one among them: a list of names or ingredients, not an article's prose. */
const MIN_LIST_LINES = 5
const MAX_LIST_LINE_WORDS = 8
const MAX_LONG_LINE_SHARE = 0.1

function listOfShortLines(blocks: TextBlock[]): boolean {
  const lines = blocks.flatMap((b) => b.text.split('\n')).filter((l) => l.trim() !== '')
  const long = lines.filter((l) => l.split(/\s+/).length > MAX_LIST_LINE_WORDS).length
  return lines.length >= MIN_LIST_LINES && long <= MAX_LONG_LINE_SHARE * lines.length
}

function plausible(b: TextBlock): boolean {
  return b.linkChars / b.text.length <= 0.5 && !FILLER.test(b.text) && /\p{L}/u.test(b.text)
}

function commonAncestor(elements: Element[]): Element | null {
  let lca: Element | null = elements[0]
  for (const el of elements.slice(1)) {
    while (lca && !lca.contains(el)) lca = lca.parentElement
  }
  return lca
}
