// Outlet identity for the corpus: one canonical name per outlet, from its spelling or its web domain (the sourcing alias table).
import { foldOutletName, outletOfDomain, outletTable } from './outlets.js'

/** The canonical outlet name for a written name ("AP" → "Associated Press"), else the name as written, trimmed. */
export function canonicalOutlet(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ')
  const table = outletTable()
  return table.byFolded.get(foldOutletName(trimmed)) ?? table.byDomain.get(domainOf(trimmed) ?? '') ?? trimmed
}

/** The outlet an article URL belongs to: a known domain's canonical name, else the host without "www.". */
export function outletFromUrl(url: string): string | null {
  const host = hostOf(url)
  if (!host) return null
  return outletOfDomain(outletTable(), host) ?? host.replace(/^www\./, '')
}

/** The key outlets are grouped, filtered and counted by: the folded canonical name. */
export function outletKey(name: string): string {
  return foldOutletName(canonicalOutlet(name))
}

function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname.toLowerCase() : null
  } catch {
    return null
  }
}

function domainOf(name: string): string | null {
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(name) ? name.toLowerCase().replace(/^www\./, '') : null
}
