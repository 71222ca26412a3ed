// Who published the article, and the rating of any outlet by domain or name: the URL's domain, else the page's site
// name, the byline's outlet, or the article's one "Source:" outlet; names reach domains through the outlet tables.
import type { DocumentMeta, SourceLine } from '../../document/types.js'
import type { OutletRating, OutletRatingResult, Publisher } from '../../report/types.js'
import { foldOutletName, knownOutlet, outletDomains, outletOfDomain, type OutletTable } from '../../nlp/outlets.js'
import { isRated, parseAddress, registrableDomain, normalizeHost, type RatingsRegistry, type SourceRating } from '../../source-ratings/index.js'

const UNRATED: OutletRatingResult = Object.freeze({ unrated: true as const })
/** "infowars.com", "Infowars.com", "news.yahoo.co.uk": a name that is itself a domain. */
const DOMAIN_LIKE = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i

function reportRating(r: SourceRating): OutletRating {
  const out: OutletRating = { score: r.score, band: r.band, list: r.list, citation: r.citation, domain: r.domain }
  if (r.label) out.label = r.label
  return out
}

/** The rating of a domain, "domain/section" or URL, with the registrable domain it names (null when none). */
export function rateAddress(registry: RatingsRegistry, address: string): { domain: string | null; rating: OutletRatingResult } {
  const found = registry.lookup(address)
  if (isRated(found)) return { domain: registrableDomain(found.domain.split('/')[0]!) ?? found.domain, rating: reportRating(found) }
  return { domain: found.domain, rating: UNRATED }
}

/**
 * The rating of an outlet named in text: its domains from the alias table and data/outlet-domains.json (a name that is
 * a domain stands for itself); among them, the rating from the highest-ranked list, then the first domain listed.
 */
export function rateOutletName(registry: RatingsRegistry, outlets: OutletTable, name: string): { domain: string | null; rating: OutletRatingResult } {
  const domains = DOMAIN_LIKE.test(name.trim()) ? [name.trim().toLowerCase()] : outletDomains(outlets, name)
  if (domains.length === 0) return { domain: null, rating: UNRATED }
  let best: SourceRating | null = null
  for (const d of domains) {
    const r = registry.lookup(d)
    if (isRated(r) && (!best || (r.list !== best.list && rankOf(registry, r.list) < rankOf(registry, best.list)))) best = r
  }
  if (best) return { domain: registrableDomain(best.domain.split('/')[0]!) ?? best.domain, rating: reportRating(best) }
  return { domain: registrableDomain(domains[0]!.split('/')[0]!) ?? domains[0]!, rating: UNRATED }
}

/** The precedence of a list in the registry (0 ranks first). */
function rankOf(registry: RatingsRegistry, list: string): number {
  return registry.lists().findIndex((l) => l.name === list)
}

/** Byline separators: "By Jane Doe, Reuters", "Jane Doe | Infowars.com", "Jane Doe for The Guardian", "AP — staff". */
const BYLINE_PARTS = /\s*(?:,|;|\||·|•|—|–|\s-\s|\bfor\b|\bvia\b|\bof\b|\band\b)\s*/i

/** The outlet a byline names ("By Jane Doe, Reuters" → Reuters), when a part of it is a known outlet or a domain. */
export function bylineOutlet(outlets: OutletTable, byline: string): string | null {
  const text = byline.replace(/^\s*(?:written\s+)?by\s+/i, '').replace(/\s+(?:staff|reporters?|wire)$/i, '').trim()
  for (const part of [text, ...text.split(BYLINE_PARTS)]) {
    const p = part.replace(/^\s*by\s+/i, '').trim()
    if (!p) continue
    const known = knownOutlet(outlets, p)
    if (known) return known
    if (DOMAIN_LIKE.test(p)) return p.toLowerCase()
  }
  return null
}

/** Host of an http(s) URL, else null (file paths and other schemes name no publisher). */
function webHost(url: string): string | null {
  if (!/^https?:\/\//i.test(url.trim())) return null
  const parsed = parseAddress(url.trim())
  return parsed ? normalizeHost(parsed.hostname) : null
}

export interface PublisherClues {
  meta: Pick<DocumentMeta, 'url' | 'outlet' | 'byline'>
  sourceLines: readonly Pick<SourceLine, 'name'>[]
}

/**
 * The publisher, from the strongest clue present: the article's URL (as given, or the page's canonical link), the
 * page's site name or JSON-LD publisher (document.outlet), an outlet in the byline, or the one outlet every "Source:"
 * line names. Null when no clue names one. A clue naming no domain leaves the rating explicitly unrated.
 */
export function resolvePublisher(registry: RatingsRegistry, outlets: OutletTable, clues: PublisherClues): Publisher | null {
  const { meta, sourceLines } = clues
  const host = meta.url ? webHost(meta.url) : null
  if (host) {
    const { domain, rating } = rateAddress(registry, meta.url!)
    const name = outletOfDomain(outlets, domain ?? host) ?? cleanName(meta.outlet) ?? domain
    return { name, domain, via: 'url', rating }
  }
  const named = cleanName(meta.outlet)
  if (named) return named_(knownOutlet(outlets, named) ?? named, 'metadata')
  const byline = meta.byline ? bylineOutlet(outlets, meta.byline) : null
  if (byline) return named_(byline, 'byline')
  const lines = new Set(sourceLines.map((l) => foldOutletName(knownOutlet(outlets, l.name) ?? l.name)))
  if (lines.size === 1) {
    const written = sourceLines[0]!.name
    const name = knownOutlet(outlets, written) ?? written
    return named_(name, 'source-line')
  }
  return null

  function named_(name: string, via: Publisher['via']): Publisher {
    const { domain, rating } = rateOutletName(registry, outlets, name)
    return { name, domain, via, rating }
  }
}

function cleanName(name: string | null | undefined): string | null {
  const t = name?.trim()
  return t ? t : null
}
