// GET for feeds and robots.txt over the safe-fetch rules (http(s), checked and pinned addresses, bounded redirects,
// time and size), plus what fetchUrl does not offer: request headers (conditional GET) and 304 / 429 / 503 answers.
import http from 'node:http'
import https from 'node:https'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'
import { FactsiftError, type ErrorCode } from '../errors.js'
import { pinnedLookup, resolveHost } from '../ingest/resolve-host.js'
import { readLimited } from '../ingest/read-limited.js'
import { parseContentType } from '../ingest/content-type.js'

export const FEED_USER_AGENT = 'factsift/0.1 (+https://github.com/factsift/factsift; feed reader)'
/** The product token robots.txt groups are matched against. */
export const ROBOTS_AGENT = 'factsift'
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

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
  const controller = new AbortController()
  const timeout = new FactsiftError('E_FETCH_TIMEOUT', `${url} did not answer within ${options.timeoutMs} ms`, { url })
  const timer = setTimeout(() => controller.abort(timeout), options.timeoutMs)
  try {
    return await raceAbort(follow(url, options, controller.signal), controller.signal)
  } finally {
    clearTimeout(timer)
  }
}

async function follow(start: string, options: HttpGetOptions, signal: AbortSignal): Promise<HttpGetResult> {
  const visited = new Set<string>()
  let current = httpUrl(start)
  for (let hop = 0; ; hop++) {
    visited.add(current.href)
    const res = await requestOnce(current, options, signal)
    const status = res.statusCode ?? 0
    if (REDIRECT_STATUSES.has(status)) {
      res.resume()
      const location = res.headers.location
      if (!location) throw new FactsiftError('E_FETCH_FAILED', `HTTP ${status} without a Location from ${current.href}`, { status })
      const next = httpUrl(new URL(location, current).href)
      if (visited.has(next.href)) throw new FactsiftError('E_FETCH_REDIRECTS', `redirect loop at ${next.href}`, { url: start })
      if (hop + 1 > options.maxRedirects) {
        throw new FactsiftError('E_FETCH_REDIRECTS', `more than ${options.maxRedirects} redirects from ${start}`, { url: start })
      }
      current = next
      continue
    }
    return read(res, current.href, options, signal)
  }
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
  const declared = Number(res.headers['content-length'])
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    res.destroy()
    throw tooLarge()
  }
  const body = decompress(res)
  signal.addEventListener('abort', () => body.destroy(), { once: true })
  try {
    return { ...base, body: await readLimited(body, options.maxBytes, 'response body') }
  } catch (error) {
    res.destroy()
    if (signal.aborted) throw signal.reason
    if (error instanceof FactsiftError && error.code === 'E_INPUT_TOO_LARGE') throw tooLarge()
    throw new FactsiftError('E_FETCH_FAILED', `reading ${url} failed: ${(error as Error).message}`, { url })
  } finally {
    if (body !== res) body.destroy()
  }
}

/** Retry-After: delay-seconds or an HTTP date, as milliseconds from now (never negative); null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null
  if (/^\d+$/.test(value)) return Number(value) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? null : Math.max(0, at - now)
}

function decompress(res: http.IncomingMessage): NodeJS.ReadableStream & { destroy(): void } {
  const encoding = String(res.headers['content-encoding'] ?? 'identity').trim().toLowerCase()
  const make = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip : encoding === 'deflate' ? createInflate : encoding === 'br' ? createBrotliDecompress : null
  if (!make) {
    if (encoding === 'identity' || encoding === '') return res
    res.resume()
    throw new FactsiftError('E_FETCH_FAILED', `unsupported Content-Encoding "${encoding}"`)
  }
  const stream = make()
  res.on('error', (error) => stream.destroy(error))
  return res.pipe(stream)
}

async function requestOnce(url: URL, options: HttpGetOptions, signal: AbortSignal): Promise<http.IncomingMessage> {
  const pinned = await resolveHost(url.hostname, options.allowPrivateNetwork)
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'GET',
        lookup: pinnedLookup(pinned),
        agent: false, // a pooled socket would skip this hop's address check
        signal,
        headers: { 'user-agent': FEED_USER_AGENT, 'accept-encoding': 'gzip, deflate, br', ...options.headers },
      },
      resolve,
    )
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (signal.aborted) return reject(signal.reason)
      reject(new FactsiftError('E_FETCH_FAILED', `cannot reach ${url.host}: ${error.code ?? error.message}`, { url: url.href }))
    })
    req.end()
  })
}

function httpUrl(raw: string): URL {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new FactsiftError('E_INPUT_INVALID', `not a valid URL: ${raw}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FactsiftError('E_FETCH_BLOCKED', `only http and https URLs can be fetched, not ${url.protocol}`, { url: raw })
  }
  url.hash = ''
  return url
}

function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason)
    if (signal.aborted) return onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}
