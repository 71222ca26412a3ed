// Headline clean-up: whitespace, and the site name pages glue onto <title>.

const SEPARATOR = /\s+[|\-–—:·»]\s+/

/** Collapse whitespace and trim; null for empty. */
export function cleanTitle(raw: string | null | undefined): string | null {
  if (!raw) return null
  const s = raw.replace(/\s+/g, ' ').trim()
  return s || null
}

/** The site name in a <title> like 'Headline | Site' or 'Site | Headline', when the headline is known. */
export function siteNameFromTitle(documentTitle: string | null, headline: string | null): string | null {
  if (!documentTitle || !headline || documentTitle === headline) return null
  let rest: string | null = null
  if (documentTitle.startsWith(headline)) rest = documentTitle.slice(headline.length)
  else if (documentTitle.endsWith(headline)) rest = documentTitle.slice(0, -headline.length)
  if (rest === null) return null
  const m = /^\s*[|\-–—:·»]\s*(.+?)\s*$|^\s*(.+?)\s*[|\-–—:·»]\s*$/.exec(rest)
  const name = m?.[1] ?? m?.[2] ?? null
  return name && name.length <= 60 && !SEPARATOR.test(name) ? name : null
}
