// The ratings registry: user lists layered over the shipped table; lookup(domain or URL) → the rating and its list.
import { bandOf, DEFAULT_BANDS, type BandThresholds, type RatingBand, type RatingLabel } from './bands.js'
import { loadRatingsTable, type RatingsTable } from './default-table.js'
import { domainCandidates, normalizeHost, registrableDomain } from './domain.js'
import { MAX_SECTION_DEPTH, type RatingsList } from './ratings-list.js'
import { PUBLISHER_SHORT_DOMAINS } from './short-domains.js'
import { NEEDS_URL, parseAddress, unwrapPlain, unwrapUrl, type Address } from './unwrap.js'

const BARE_DOMAIN = /^[a-z0-9.-]+$/i

/**
 * The (unwrapped) address `input` names, as parseAddress + unwrapUrl read it. Plain addresses (nearly all) are read
 * by string scanning, which costs a fraction of URL(); the rest, and every address when `slow`, go through URL().
 */
export function readAddress(input: string, slow = false): Address | null {
  if (!slow) {
    try {
      return unwrapPlain(input)
    } catch (e) {
      if (e !== NEEDS_URL) throw e
    }
  }
  const parsed = parseAddress(input)
  const url = parsed && unwrapUrl(parsed)
  return url ? { hostname: url.hostname, pathname: url.pathname, search: url.search, rest: url.href.slice(url.origin.length), url } : null
}

/** A rated publisher. `domain` is the key that matched (news.yahoo.com, yahoo.com/news, bbc.co.uk). */
export interface SourceRating {
  domain: string
  score: number
  band: RatingBand
  /** The list the rating came from ("lin2023" for the shipped table, else the user list's name). */
  list: string
  citation: string
  label?: RatingLabel
}

/** No list rates it; `domain` is its registrable domain, or null when the input names no domain. */
export interface Unrated {
  domain: string | null
  unrated: true
}

export type RatingLookup = SourceRating | Unrated

export interface RatingsRegistry {
  /** The rating of a domain, "domain/section" or URL (archive, AMP and redirect wrappers are unwrapped first). */
  lookup(domainOrUrl: string): RatingLookup
  /** The lists in precedence order (user lists first, the shipped table last). */
  lists(): readonly RatingsList[]
  /** Adds a user list, or replaces the one of the same name in place; a new list ranks below earlier user lists. */
  setList(list: RatingsList): void
  /** Removes a user list; false when there is none of that name. The shipped table cannot be removed. */
  removeList(name: string): boolean
  readonly bands: BandThresholds
}

export interface RegistryOptions {
  /** The shipped table (default: data/source-ratings.json, loaded once); null for user lists only. */
  table?: RatingsTable | null
  /** User lists, highest precedence first. */
  lists?: readonly RatingsList[]
  bands?: BandThresholds
  /** Read every URL with the WHATWG URL parser instead of the string fast path (the reference, for tests and bench). */
  slowAddresses?: boolean
}

/** True when the lookup found a rating. */
export function isRated(result: RatingLookup): result is SourceRating {
  return !('unrated' in result)
}

interface Layer {
  list: RatingsList
  /** Hosts that have "host/section" keys: only those pay for the path checks. */
  sectioned: Set<string>
}

function layerOf(list: RatingsList): Layer {
  const sectioned = new Set<string>()
  for (const key of list.entries.keys()) {
    const slash = key.indexOf('/')
    if (slash > 0) sectioned.add(key.slice(0, slash))
  }
  return { list, sectioned }
}

/** A registry over the shipped table (unless `table: null`) and the given user lists. */
export function createRatingsRegistry(options: RegistryOptions = {}): RatingsRegistry {
  const table = options.table === undefined ? loadRatingsTable() : options.table
  const bands = options.bands ?? table?.header.bands ?? DEFAULT_BANDS
  const slow = options.slowAddresses === true
  const base = table ? layerOf(table.list) : null
  let user = (options.lists ?? []).map(layerOf)
  let layers = base ? [...user, base] : user
  const relayer = () => {
    layers = base ? [...user, base] : user
  }

  function lookup(domainOrUrl: string): RatingLookup {
    let host: string | null
    let path = ''
    if (BARE_DOMAIN.test(domainOrUrl)) {
      // Bare domains (the common call) skip address parsing.
      host = normalizeHost(domainOrUrl)
    } else {
      const address = readAddress(domainOrUrl, slow)
      host = address ? normalizeHost(address.hostname) : null
      path = address ? address.pathname : ''
    }
    if (!host) return { domain: null, unrated: true }
    const publisher = PUBLISHER_SHORT_DOMAINS.get(host)
    if (publisher) {
      host = publisher
      path = ''
    }
    const candidates = domainCandidates(host)
    // Precedence by list first: a user's yahoo.com rating outranks the shipped news.yahoo.com one.
    for (const layer of layers) {
      for (const candidate of candidates) {
        const key = path.length > 1 && layer.sectioned.has(candidate) ? sectionKey(layer, candidate, path) ?? candidate : candidate
        const entry = layer.list.entries.get(key)
        if (entry) {
          const rating: SourceRating = { domain: key, score: entry.score, band: bandOf(entry.score, bands), list: layer.list.name, citation: layer.list.citation }
          if (entry.label) rating.label = entry.label
          return rating
        }
      }
    }
    return { domain: registrableDomain(host), unrated: true }
  }

  return {
    lookup,
    bands,
    lists: () => layers.map((l) => l.list),
    setList(list) {
      const at = user.findIndex((l) => l.list.name === list.name)
      if (base && list.name === base.list.name) throw new RangeError(`"${list.name}" is the shipped table's name`)
      user = at >= 0 ? user.map((l, i) => (i === at ? layerOf(list) : l)) : [...user, layerOf(list)]
      relayer()
    },
    removeList(name) {
      const before = user.length
      user = user.filter((l) => l.list.name !== name)
      relayer()
      return user.length < before
    },
  }
}

/** The deepest "host/section…" key of `layer` that prefixes `path`, else null. */
function sectionKey(layer: Layer, host: string, path: string): string | null {
  const segments = path.toLowerCase().split('/').filter(Boolean).slice(0, MAX_SECTION_DEPTH)
  for (let n = segments.length; n > 0; n--) {
    const key = `${host}/${segments.slice(0, n).join('/')}`
    if (layer.list.entries.has(key)) return key
  }
  return null
}
