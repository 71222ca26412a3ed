// Byline and dateline lines that extraction leaves inside the article body ("By Lois Lane", "Published 3 hours ago").
import { normalizeDate } from './dates.js'
import type { TextBlock } from './html-to-text.js'

const MAX_META_LINE = 150
// "By Lois Lane, Environment Correspondent" — but not "By Tuesday, the river had risen." (ends like a sentence).
const BYLINE = /^(written\s+)?by\s+(dr\.?\s+|prof\.?\s+)?\p{Lu}/iu
const DATELINE = /^(posted|published|updated|last updated|first published)\b/i
const SENTENCE_END = /[.!?"”'’)]$/
// A numeric or month-name date ("23.10.2018", "2021-10-16", "6. Mai 2014"): a short line holding one is the
// article's date line, in any language ("Energie 12.12.2022, 08:30 Uhr", "Aktualisiert am 17.01.2021.").
const DATE_IN_LINE =
  /\b(\d{1,2}\.\s?\d{1,2}\.\s?(\d{4}|\d{2})\b|\d{4}-\d{2}-\d{2}\b|\d{1,2}\.?\s(jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)\p{L}*\.?\s\d{4}\b)/iu
const MAX_DATE_LINE_WORDS = 8
// "Deadline: 03.11.2019", "Termin: 29.02.2020, 19 Uhr": a labelled date is information, unless the label says
// when the page itself was written.
const OTHER_LABEL = /^(?!(aktualisiert|veröffentlicht|publiziert|erstellt|stand|datum|date|updated|published|posted)\b)[^\d:]{2,30}:\s*\d/iu

/** Drop blocks that only repeat the headline, or are byline/date lines, keeping every sentence-like paragraph. */
export function dropMetaLines(blocks: TextBlock[], known: { title: string | null; byline: string | null }): TextBlock[] {
  const title = known.title?.toLowerCase() ?? null
  return blocks.filter((b, i) => {
    const t = b.text
    if (i < 3 && title && t.toLowerCase() === title) return false
    if (t.split(/\s+/).length <= MAX_DATE_LINE_WORDS && DATE_IN_LINE.test(t) && !OTHER_LABEL.test(t)) return false
    if (t.length > MAX_META_LINE || SENTENCE_END.test(t)) return true
    if (BYLINE.test(t)) return false
    if (DATELINE.test(t) && (/\d/.test(t) || /\bago\b/i.test(t))) return false
    if (normalizeDate(t) !== null) return false
    return true
  })
}
