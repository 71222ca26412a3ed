// Archive, AMP-cache and redirect wrappers around an article's address: the publisher is the wrapped URL's, not the
// wrapper's (web.archive.org, archive.today, *.cdn.ampproject.org, google.com/url, Google AMP viewer, news.google.com).

/** Wrappers nest (an archived AMP page); more levels than this are not real addresses. */
const MAX_DEPTH = 4

const ARCHIVE_TODAY = new Set(['archive.today', 'archive.ph', 'archive.is', 'archive.li', 'archive.vn', 'archive.fo', 'archive.md'])
const REDIRECT_PARAMS: Record<string, readonly string[]> = {
  'l.facebook.com': ['u'],
  'lm.facebook.com': ['u'],
  'out.reddit.com': ['url'],
  'duckduckgo.com': ['uddg'],
}

/** Parses an address: a URL, a scheme-less "host/path" or a bare domain. Null when it has no host. */
export function parseAddress(input: string): URL | null {
  const s = input.trim()
  if (!s) return null
  // "mailto:a@b.com", "javascript:…": a scheme without "//" is no web address ("example.com:8080" is a port).
  if (/^[a-z][a-z0-9+.-]*:(?!\/\/|\d)/i.test(s)) return null
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : s.startsWith('//') ? `http:${s}` : `http://${s}`
  try {
    const url = new URL(withScheme)
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username ? url : null
  } catch {
    return null
  }
}

/**
 * What unwrapping reads of an address: the lower-case host name, the path, the query, and `rest` (path, query and
 * fragment as written after the origin). `url` is set when it came from URL().
 */
export interface Address {
  hostname: string
  pathname: string
  search: string
  rest: string
  url?: URL
}

/** Parses a (wrapped) address as parseAddress does; null when it names no web address. May throw NEEDS_URL. */
type Parser = (s: string) => Address | null

/** Thrown by the string parser when an input needs URL() to be read exactly as parseAddress reads it. */
export const NEEDS_URL: unique symbol = Symbol('needs URL()')

function addressOfUrl(url: URL): Address {
  return { hostname: url.hostname, pathname: url.pathname, search: url.search, rest: url.href.slice(url.origin.length), url }
}

function parseWithUrl(s: string): Address | null {
  const url = parseAddress(s)
  return url ? addressOfUrl(url) : null
}

// An address URL() would leave as written: http(s) or no scheme, an ASCII host without "xn--" labels (URL() checks
// their punycode), a port, and a path, query and fragment of characters URL() neither escapes nor reinterprets.
const PLAIN_ADDRESS = /^(?:(https?):\/\/)?([a-z0-9.-]+)(?::(\d{1,5}))?((?:\/[\w\-.~!$&()*+,;=:@%]*)*)(\?[\w\-.~!$&()*+,;=:@%/?]*)?(#[\w\-.~!$&()*+,;=:@%/?#]*)?$/i
// Dot segments ("/./", "/../", "%2e") are resolved by URL(); a "%" not starting an escape is escaped by it.
const REINTERPRETED = /\/\.{1,2}(?:\/|$|\?|#)|%(?![0-9a-f]{2})|%2e/i

/** A host whose last label starts with a digit is parsed (or refused) as an IPv4 address by URL(). */
function endsInNumber(host: string): boolean {
  const end = host.charCodeAt(host.length - 1) === 46 ? host.length - 1 : host.length
  const c = host.charCodeAt(host.lastIndexOf('.', end - 1) + 1)
  return c >= 48 && c <= 57
}

/** parseAddress(s) read without URL() for plain addresses; throws NEEDS_URL for anything else. */
export function parsePlainAddress(s: string): Address | null {
  const m = PLAIN_ADDRESS.exec(s)
  if (!m) throw NEEDS_URL
  const [, scheme, host, port, path, query, hash] = m
  if ((port !== undefined && Number(port) > 65535) || /xn--/i.test(host) || endsInNumber(host) || REINTERPRETED.test(s)) throw NEEDS_URL
  // "example.com:8080" and "https:x" read as scheme-less only when parseAddress would (see its scheme test).
  if (!scheme && /^[a-z][a-z0-9+.-]*:(?!\/\/|\d)/i.test(s)) throw NEEDS_URL
  const hostname = host.toLowerCase()
  // URL() drops the scheme's default port from the origin and href alike, so `rest` starts after any port.
  const pathname = path || '/'
  const search = query && query.length > 1 ? query : ''
  return { hostname, pathname, search, rest: pathname + (search || (query ?? '')) + (hash ?? '') }
}

/** The innermost wrapped address, or `url` itself when it wraps nothing. */
export function unwrapUrl(url: URL): URL {
  // Every address the URL() parser yields carries its URL.
  return unwrapAddress(addressOfUrl(url), parseWithUrl).url as URL
}

/**
 * The innermost wrapped address of `input` read without URL() (null: no web address); throws NEEDS_URL when the
 * input or a wrapped address is not plain. Answers what parseAddress + unwrapUrl answer.
 */
export function unwrapPlain(input: string): Address | null {
  const outer = parsePlainAddress(input)
  return outer && unwrapAddress(outer, parsePlainAddress)
}

function unwrapAddress(address: Address, parse: Parser): Address {
  let current = address
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const inner = unwrapOnce(current, parse)
    if (!inner) return current
    current = inner
  }
  return current
}

/** Every wrapper host below holds one of these words: other hosts (nearly all) skip the checks. */
const WRAPPER_WORD = /archive|ampproject|google|facebook|reddit|duckduckgo/i

function unwrapOnce(url: Address, parse: Parser): Address | null {
  if (!WRAPPER_WORD.test(url.hostname)) return null
  const host = url.hostname.toLowerCase().replace(/^www\./, '')
  // The path as written: URL() keeps "//" and percent-escapes, so the wrapped address is cut from the raw href.
  const rest = url.rest
  if (host === 'web.archive.org' || host === 'wayback.archive.org' || host === 'webarchive.loc.gov') {
    // /web/20170101000000/http://example.com/x, /web/2017*/example.com, /web/20170101000000id_/…
    const m = /^\/(?:web\/|all\/)?\d{0,14}\*?(?:[a-z]{2}_)?\/(.+)$/i.exec(rest)
    return m ? inner(m[1], parse) : null
  }
  if (ARCHIVE_TODAY.has(host)) {
    // /newest/<url>, /oldest/<url>, /20170101000000/<url>, /o/AbCd1/<url>; a bare /AbCd1 snapshot id names no URL.
    const m = /^\/(?:newest\/|oldest\/|\d{4,14}\/|o\/[a-z0-9]+\/)(.+)$/i.exec(rest)
    return m ? inner(m[1], parse) : null
  }
  if (host.endsWith('.cdn.ampproject.org') || host === 'cdn.ampproject.org') {
    // /c/s/example.com/a (s = https), /v/s/…, /i/s/…, /wp/s/…; without a path the host encodes the origin.
    const m = /^\/(?:c|v|i|wp|r)\/(s\/)?(.+)$/.exec(rest)
    if (m) return inner(`${m[1] ? 'https' : 'http'}://${m[2]}`, parse)
    const encoded = host.slice(0, host.indexOf('.cdn.ampproject.org'))
    return encoded ? inner(`https://${decodeAmpHost(encoded)}${rest}`, parse) : null
  }
  if (/^(?:[a-z]+\.)?google(?:\.[a-z]{2,3}){1,2}$/.test(host)) {
    if (url.pathname === '/url' || url.pathname === '/link') {
      const params = searchParams(url)
      const q = params.get('q') ?? params.get('url')
      return q ? inner(q, parse) : null
    }
    // Google's AMP viewer: google.com/amp/s/example.com/a, news.google.com/amp/s/…
    const amp = /^\/amp\/(s\/)?(.+)$/.exec(rest)
    if (amp) return inner(`${amp[1] ? 'https' : 'http'}://${amp[2]}`, parse)
    if (host === 'news.google.com') return googleNewsArticle(url.pathname, parse)
    return null
  }
  const params = REDIRECT_PARAMS[host]
  if (params) {
    const search = searchParams(url)
    for (const p of params) {
      const q = search.get(p)
      if (q) return inner(q, parse)
    }
  }
  return null
}

function searchParams(address: Address): URLSearchParams {
  return address.url ? address.url.searchParams : new URLSearchParams(address.search)
}

/** A wrapped address (possibly percent-encoded, possibly without scheme or with "http:/" collapsed by a proxy). */
function inner(raw: string, parse: Parser): Address | null {
  let s = raw
  if (/^https?%3a/i.test(s)) {
    try {
      s = decodeURIComponent(s)
    } catch {
      return null
    }
  }
  s = s.replace(/^(https?):\/(?!\/)/i, '$1://')
  return parse(s)
}

/** AMP cache host label → origin: "-" is ".", "--" is "-" (www-example-com → www.example.com). */
function decodeAmpHost(label: string): string {
  return label.replace(/--/g, '\u0000').replace(/-/g, '.').replace(/\u0000/g, '-')
}

/**
 * news.google.com/articles/<id> and /rss/articles/<id>: older ids are base64 of a record holding the URL in clear;
 * newer ones are opaque (null: the publisher cannot be known offline).
 */
function googleNewsArticle(pathname: string, parse: Parser): Address | null {
  const m = /\/articles\/([A-Za-z0-9_-]{16,})/.exec(pathname)
  if (!m) return null
  const decoded = Buffer.from(m[1], 'base64url').toString('latin1')
  const found = /https?:\/\/[\x21-\x7e]+/.exec(decoded)
  if (!found) return null
  // The record may run on after the URL with binary fields; printable ASCII ends at the first non-URL byte.
  return parse(found[0].replace(/[^\w\-.~:/?#[\]@!$&'()*+,;=%]+.*$/, ''))
}
