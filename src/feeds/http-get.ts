// GET for feeds and robots.txt over the safe-fetch rules (http(s), checked and pinned addresses, bounded redirects,
// time and size), plus what fetchUrl does not offer: request headers (conditional GET) and 304 / 429 / 503 answers.
import type http from 'node:http'
import { FactsiftError, type ErrorCode } from '../errors.js'
import { parseContentType } from '../ingest/content-type.js'
import { readBody, safeGet } from '../ingest/safe-get.js'

export const FEED_USER_AGENT = 'factsift/0.1 (+https://github.com/factsift/factsift; feed reader)'
/** The product token robots.txt groups are matched against. */
export const ROBOTS_AGENT = 'factsift'

export interface HttpGetOptions {
  headers?: Record<string, string>
  maxBytes: number
  /** The code thrown when the body passes maxBytes. */
  tooLargeCode?: ErrorCode
  timeoutMs: number
  maxRedirects: number
  allowPrivateNetwork: boolean
}

export interface HttpGetResult {
  /** 200..299 or 304. */
  status: number
  /** The URL that answered, after redirects. */
  url: string
  etag: string | null
  lastModified: string | null
  mimeType: string
  charset: string | null
  body: Buffer
}

/**
 * GET `url`. 2xx and 304 resolve; 429 and 503 throw E_FEED_THROTTLED with `details.retryAfterMs` (from Retry-After,
 * seconds or an HTTP date; absent → null); other statuses E_FETCH_FAILED with `details.status`; a redirect loop or
 * too many redirects E_FETCH_REDIRECTS; private addresses E_FETCH_BLOCKED unless allowed; time-out E_FETCH_TIMEOUT.
 */
export async function httpGet(url: string, options: HttpGetOptions): Promise<HttpGetResult> {
  const { headers, timeoutMs, maxRedirects, allowPrivateNetwork } = options
  return safeGet(url, { userAgent: FEED_USER_AGENT, headers, timeoutMs, maxRedirects, allowPrivateNetwork }, (res, finalUrl, signal) =>
    read(res, finalUrl, options, signal),
  )
}

async function read(res: http.IncomingMessage, url: string, options: HttpGetOptions, signal: AbortSignal): Promise<HttpGetResult> {
  const status = res.statusCode ?? 0
  const header = (name: string): string | null => {
    const value = res.headers[name]
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
  }
  const base = { status, url, etag: header('etag'), lastModified: header('last-modified'), ...parseContentType(res.headers['content-type']) }
  if (status === 304) {
    res.resume()
    return { ...base, body: Buffer.alloc(0) }
  }
  if (status === 429 || status === 503) {
    res.resume()
    const retryAfterMs = parseRetryAfter(header('retry-after'))
    throw new FactsiftError('E_FEED_THROTTLED', `HTTP ${status} from ${url}${retryAfterMs !== null ? `; retry after ${Math.ceil(retryAfterMs / 1000)} s` : ''}`, {
      status,
      url,
      retryAfterMs,
    })
  }
  if (status < 200 || status >= 300) {
    res.resume()
    throw new FactsiftError('E_FETCH_FAILED', `HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''} from ${url}`, { status, url })
  }
  const tooLarge = (): FactsiftError =>
    new FactsiftError(options.tooLargeCode ?? 'E_INPUT_TOO_LARGE', `${url} is larger than ${options.maxBytes} bytes; reading stopped there`, { url })
  return { ...base, body: await readBody(res, url, options.maxBytes, signal, tooLarge) }
}

/** Retry-After: delay-seconds or an HTTP date, as milliseconds from now (never negative); null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null
  if (/^\d+$/.test(value)) return Number(value) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? null : Math.max(0, at - now)
}
