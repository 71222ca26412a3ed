// Host names → the keys a rating table is looked up by: ASCII (punycode) host, mobile/AMP prefixes stripped, and the
// registrable domain below which parent domains are no longer the same publisher.
import { domainToASCII } from 'node:url'
import { MULTI_PART_SUFFIXES, PLATFORM_LABELS, PLATFORM_SUFFIXES } from './public-suffixes.js'

/** Leading host labels that name a variant of the same site, not another publisher. */
const VARIANT_PREFIXES = new Set(['www', 'www1', 'www2', 'www3', 'm', 'mobile', 'amp', 'mobil'])

// One pass over the whole name: labels of [a-z0-9-] not starting or ending with "-" (xn-- labels may hold "--"),
// at least two labels, an alphabetic or punycode top-level label.
const DOMAIN = /^(?:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?|xn--[a-z0-9-]{1,59})\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/

/**
 * A host as lower-case ASCII (IDN → punycode), without a trailing dot or port; null when it is not a domain name
 * (an IP address, a single label, an invalid label).
 */
export function normalizeHost(host: string): string | null {
  let h = host.toLowerCase()
  if (h.charCodeAt(h.length - 1) === 46) h = h.slice(0, -1) // a trailing "."
  if (h.charCodeAt(0) <= 32 || h.charCodeAt(h.length - 1) <= 32) h = h.trim()
  if (!h || h.startsWith("[")) return null
  // Plain ASCII names (nearly all) skip the WHATWG conversion, which costs a few microseconds.
  if (!/^[a-z0-9.-]+$/.test(h)) {
    h = domainToASCII(h)
    if (!h) return null
  }
  return DOMAIN.test(h) ? h : null
}

/** The number of labels of the registrable domain of `labels` (2 for example.com, 3 for example.co.uk or x.blogspot.com). */
function registrableLength(labels: readonly string[]): number {
  const n = labels.length
  if (n < 3) return n
  const last2 = `${labels[n - 2]}.${labels[n - 1]}`
  if (n >= 4) {
    // sites.google.com, x.blogspot.co.uk: a platform on a multi-part suffix.
    if (PLATFORM_SUFFIXES.has(`${labels[n - 3]}.${last2}`)) return 4
    if (MULTI_PART_SUFFIXES.has(last2) && PLATFORM_LABELS.has(labels[n - 3])) return 4
  }
  if (MULTI_PART_SUFFIXES.has(last2) || PLATFORM_SUFFIXES.has(last2) || PLATFORM_LABELS.has(labels[n - 2])) return 3
  return 2
}

/** The registrable domain of a normalized host: news.bbc.co.uk → bbc.co.uk, a.b.example.com → example.com. */
export function registrableDomain(host: string): string {
  const labels = host.split('.')
  return labels.slice(labels.length - Math.min(registrableLength(labels), labels.length)).join('.')
}

/** The host without www./m./amp./mobile. prefixes, never shorter than its registrable domain. */
export function stripVariantPrefixes(host: string): string {
  const labels = host.split('.')
  const keep = registrableLength(labels)
  let start = 0
  while (labels.length - start > keep && VARIANT_PREFIXES.has(labels[start])) start++
  return start === 0 ? host : labels.slice(start).join('.')
}

/**
 * The keys to try for a normalized host, most specific first: the host (variant prefixes stripped), then each parent
 * down to the registrable domain. au.news.yahoo.com → au.news.yahoo.com, news.yahoo.com, yahoo.com.
 */
export function domainCandidates(host: string): string[] {
  const labels = host.split('.')
  const keep = registrableLength(labels)
  let start = 0
  while (labels.length - start > keep && VARIANT_PREFIXES.has(labels[start])) start++
  // Slice the string at label boundaries instead of re-joining arrays: this runs on every lookup.
  let at = 0
  for (let i = 0; i < start; i++) at += labels[i].length + 1
  const out: string[] = []
  for (let i = start; labels.length - i >= keep; i++) {
    out.push(at === 0 ? host : host.slice(at))
    at += labels[i].length + 1
  }
  return out
}
