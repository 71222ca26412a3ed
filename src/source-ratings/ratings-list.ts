// One named list of domain ratings (the shipped table or a user's) and the key form its domains are stored under.
import type { RatingLabel } from './bands.js'
import { normalizeHost, stripVariantPrefixes } from './domain.js'
import { parseAddress } from './unwrap.js'

/** A rating as a list stores it. */
export interface ListEntry {
  /** 0 (least reliable) – 1 (most). */
  score: number
  /** The label it was given as, when the list used one. */
  label?: RatingLabel
}

/** A named list; `entries` is keyed by `ratingKey` (a domain, or "domain/segment" for a section such as yahoo.com/news). */
export interface RatingsList {
  name: string
  /** Where the ratings come from, as a report should show it. */
  citation: string
  entries: ReadonlyMap<string, ListEntry>
}

/**
 * The key a list stores a domain under: normalized ASCII host without www./m./amp. prefixes, plus the path for the
 * "domain/section" form (no scheme: "yahoo.com/news", "newyorker.com/humor/borowitz-report"; at most
 * MAX_SECTION_DEPTH segments). A full URL stands for its site. Null when it does not parse.
 */
export function ratingKey(written: string): string | null {
  const s = written.trim()
  const url = parseAddress(s)
  if (!url || url.username || url.password || url.port) return null
  // Reject what URL() forgives but a domain column must not hold: spaces, a bare word, "http://" alone.
  if (/\s/.test(s)) return null
  const host = normalizeHost(url.hostname)
  if (!host) return null
  const key = stripVariantPrefixes(host)
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) return key
  const segments = url.pathname.toLowerCase().split('/').filter(Boolean)
  if (url.search || url.hash || segments.length > MAX_SECTION_DEPTH) return null
  return segments.length ? `${key}/${segments.join('/')}` : key
}

/** The deepest section a key may name (the shipped table's deepest is 2: newyorker.com/humor/borowitz-report). */
export const MAX_SECTION_DEPTH = 3
