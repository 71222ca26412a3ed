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

/** Whether a host may wrap another address (its URL must then be parsed and unwrapped). */
export function mayWrap(host: string): boolean {
  const h = host.toLowerCase().replace(/^www\./, '')
  return h.endsWith('archive.org') || h === 'webarchive.loc.gov' || ARCHIVE_TODAY.has(h) || h.endsWith('ampproject.org') || h.includes('google.') || h in REDIRECT_PARAMS
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

/** The innermost wrapped address, or `url` itself when it wraps nothing. */
export function unwrapUrl(url: URL): URL {
  let current = url
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const inner = unwrapOnce(current)
    if (!inner) return current
    current = inner
  }
  return current
}

function unwrapOnce(url: URL): URL | null {
  const host = url.hostname.toLowerCase().replace(/^www\./, '')
  // The path as written: URL() keeps "//" and percent-escapes, so the wrapped address is cut from the raw href.
  const rest = url.href.slice(url.origin.length)
  if (host === 'web.archive.org' || host === 'wayback.archive.org' || host === 'webarchive.loc.gov') {
    // /web/20170101000000/http://example.com/x, /web/2017*/example.com, /web/20170101000000id_/…
    const m = /^\/(?:web\/|all\/)?\d{0,14}\*?(?:[a-z]{2}_)?\/(.+)$/i.exec(rest)
    return m ? inner(m[1]) : null
  }
  if (ARCHIVE_TODAY.has(host)) {
    // /newest/<url>, /oldest/<url>, /20170101000000/<url>, /o/AbCd1/<url>; a bare /AbCd1 snapshot id names no URL.
    const m = /^\/(?:newest\/|oldest\/|\d{4,14}\/|o\/[a-z0-9]+\/)(.+)$/i.exec(rest)
    return m ? inner(m[1]) : null
  }
  if (host.endsWith('.cdn.ampproject.org') || host === 'cdn.ampproject.org') {
    // /c/s/example.com/a (s = https), /v/s/…, /i/s/…, /wp/s/…; without a path the host encodes the origin.
    const m = /^\/(?:c|v|i|wp|r)\/(s\/)?(.+)$/.exec(rest)
    if (m) return inner(`${m[1] ? 'https' : 'http'}://${m[2]}`)
    const encoded = host.slice(0, host.indexOf('.cdn.ampproject.org'))
    return encoded ? inner(`https://${decodeAmpHost(encoded)}${rest}`) : null
  }
  if (/^(?:[a-z]+\.)?google(?:\.[a-z]{2,3}){1,2}$/.test(host)) {
    if (url.pathname === '/url' || url.pathname === '/link') {
      const q = url.searchParams.get('q') ?? url.searchParams.get('url')
      return q ? inner(q) : null
    }
    // Google's AMP viewer: google.com/amp/s/example.com/a, news.google.com/amp/s/…
    const amp = /^\/amp\/(s\/)?(.+)$/.exec(rest)
    if (amp) return inner(`${amp[1] ? 'https' : 'http'}://${amp[2]}`)
    if (host === 'news.google.com') return googleNewsArticle(url.pathname)
    return null
  }
  const params = REDIRECT_PARAMS[host]
  if (params) {
    for (const p of params) {
      const q = url.searchParams.get(p)
      if (q) return inner(q)
    }
  }
  return null
}

/** A wrapped address (possibly percent-encoded, possibly without scheme or with "http:/" collapsed by a proxy). */
function inner(raw: string): URL | null {
  let s = raw
  if (/^https?%3a/i.test(s)) {
    try {
      s = decodeURIComponent(s)
    } catch {
      return null
    }
  }
  s = s.replace(/^(https?):\/(?!\/)/i, '$1://')
  return parseAddress(s)
}

/** AMP cache host label → origin: "-" is ".", "--" is "-" (www-example-com → www.example.com). */
function decodeAmpHost(label: string): string {
  return label.replace(/--/g, '\u0000').replace(/-/g, '.').replace(/\u0000/g, '-')
}

/**
 * news.google.com/articles/<id> and /rss/articles/<id>: older ids are base64 of a record holding the URL in clear;
 * newer ones are opaque (null: the publisher cannot be known offline).
 */
function googleNewsArticle(pathname: string): URL | null {
  const m = /\/articles\/([A-Za-z0-9_-]{16,})/.exec(pathname)
  if (!m) return null
  const decoded = Buffer.from(m[1], 'base64url').toString('latin1')
  const found = /https?:\/\/[\x21-\x7e]+/.exec(decoded)
  if (!found) return null
  // The record may run on after the URL with binary fields; printable ASCII ends at the first non-URL byte.
  return parseAddress(found[0].replace(/[^\w\-.~:/?#[\]@!$&'()*+,;=%]+.*$/, ''))
}
