// Host names → the keys a rating table is looked up by: ASCII (punycode) host, mobile/AMP prefixes stripped, and the
// registrable domain below which parent domains are no longer the same publisher.
import { domainToASCII } from 'node:url'
import { MULTI_PART_SUFFIXES, PLATFORM_LABELS, PLATFORM_SUFFIXES } from './public-suffixes.js'

/** Leading host labels that name a variant of the same site, not another publisher. */
const VARIANT_PREFIXES = new Set(['www', 'www1', 'www2', 'www3', 'm', 'mobile', 'amp', 'mobil'])

const LABEL = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?|xn--[a-z0-9-]{1,59})$/
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/

/**
 * A host as lower-case ASCII (IDN → punycode), without a trailing dot or port; null when it is not a domain name
 * (an IP address, a single label, an invalid label).
 */
export function normalizeHost(host: string): string | null {
  let h = host.trim().toLowerCase()
  if (h.endsWith('.')) h = h.slice(0, -1)
  if (!h || IPV4.test(h) || h.startsWith('[')) return null
  // Plain ASCII names (nearly all) skip the WHATWG conversion, which costs a few microseconds.
  if (!/^[a-z0-9.-]+$/.test(h)) {
    h = domainToASCII(h)
    if (!h) return null
  }
  const labels = h.split('.')
  if (labels.length < 2) return null
  for (const label of labels) if (!LABEL.test(label)) return null
  if (!TLD.test(labels[labels.length - 1])) return null
  return h
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
  const stripped = stripVariantPrefixes(host)
  const labels = stripped.split('.')
  const keep = registrableLength(labels)
  const out: string[] = []
  for (let start = 0; labels.length - start >= keep; start++) out.push(start === 0 ? stripped : labels.slice(start).join('.'))
  return out
}
