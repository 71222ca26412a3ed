// Byline and dateline lines that extraction leaves inside the article body ("By Lois Lane", "Published 3 hours ago").
import { normalizeDate } from './dates.js'
import type { TextBlock } from './html-to-text.js'

const MAX_META_LINE = 150
// "By Lois Lane, Environment Correspondent" — but not "By Tuesday, the river had risen." (ends like a sentence).
const BYLINE = /^(written\s+)?by\s+(dr\.?\s+|prof\.?\s+)?\p{Lu}/iu
const DATELINE = /^(posted|published|updated|last updated|first published)\b/i
const SENTENCE_END = /[.!?"”'’)]$/

/** Drop blocks that only repeat the headline, or are byline/date lines, keeping every sentence-like paragraph. */
export function dropMetaLines(blocks: TextBlock[], known: { title: string | null; byline: string | null }): TextBlock[] {
  const title = known.title?.toLowerCase() ?? null
  return blocks.filter((b, i) => {
    const t = b.text
    if (i < 3 && title && t.toLowerCase() === title) return false
    if (t.length > MAX_META_LINE || SENTENCE_END.test(t)) return true
    if (BYLINE.test(t)) return false
    if (DATELINE.test(t) && (/\d/.test(t) || /\bago\b/i.test(t))) return false
    if (normalizeDate(t) !== null) return false
    return true
  })
}
