// Small lookups over an annotated document's tokens and sentences (binary searches, no per-call allocation).
import type { AnnotatedDocument, Token } from '../../document/types.js'

/** Index of the first item (sorted by start) whose start is ≥ offset (items.length when none). */
export function firstStartingAt(items: readonly { start: number }[], offset: number): number {
  let lo = 0
  let hi = items.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (items[mid]!.start < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Index of the first token whose start is ≥ offset (tokens.length when none). */
export function tokenAtOrAfter(tokens: readonly Token[], offset: number): number {
  return firstStartingAt(tokens, offset)
}

/** Index of the last token whose end is ≤ offset (-1 when none). */
export function tokenEndingBy(tokens: readonly Token[], offset: number): number {
  let lo = 0
  let hi = tokens.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (tokens[mid]!.end <= offset) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}

/** True when the token starts with an upper-case letter. */
export function isCapitalized(text: string, token: Token): boolean {
  const ch = text.charCodeAt(token.start)
  if (ch >= 65 && ch <= 90) return true
  if (ch < 128) return false
  const s = text[token.start]!
  return s !== s.toLowerCase() && s === s.toUpperCase()
}

/** True when the token is written all in capitals with at least two letters (an acronym such as DNC or A.G.). */
export function isAllCaps(text: string, token: Token): boolean {
  const s = text.slice(token.start, token.end)
  let letters = 0
  for (const ch of s) {
    if (ch.toLowerCase() !== ch) letters++
    else if (ch.toUpperCase() !== ch) return false
  }
  return letters >= 2
}

/** True when [start, end) lies inside one of the regions (sorted by start, non-overlapping at one depth). */
export function insideSorted(regions: readonly { start: number; end: number }[], start: number, end: number): boolean {
  let lo = 0
  let hi = regions.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const r = regions[mid]!
    if (r.end < end) lo = mid + 1
    else if (r.start > start) hi = mid - 1
    else return true
  }
  return false
}

const disjoint = new WeakMap<readonly { start: number; end: number }[], boolean>()

/**
 * The first item (in array order) that overlaps [start, end): `items.find((x) => x.start < end && start < x.end)`.
 * A binary search when the items are sorted and disjoint (checked once per array, which must not change after the
 * first call: document layers such as `doc.sourceLines`), else that linear find.
 */
export function firstOverlapping<T extends { start: number; end: number }>(items: readonly T[], start: number, end: number): T | undefined {
  let sorted = disjoint.get(items)
  if (sorted === undefined) {
    sorted = true
    for (let i = 1; i < items.length && sorted; i++) if (items[i - 1]!.end > items[i]!.start || items[i - 1]!.start > items[i - 1]!.end) sorted = false
    disjoint.set(items, sorted)
  }
  if (!sorted) return items.find((x) => x.start < end && start < x.end)
  let lo = 0
  let hi = items.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (items[mid]!.end <= start) lo = mid + 1
    else hi = mid
  }
  const item = items[lo]
  return item !== undefined && item.start < end ? item : undefined
}
