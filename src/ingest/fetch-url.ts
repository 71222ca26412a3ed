// Safe URL fetch: http(s) only, public addresses only (checked per hop and pinned), bounded redirects, time and size.
import http from 'node:http'
import https from 'node:https'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'
import type { Limits } from './limits.js'
import { FactsiftError } from '../errors.js'
import { ACCEPTED_TYPES, parseContentType } from './content-type.js'
import { readLimited } from './read-limited.js'
import { pinnedLookup, resolveHost } from './resolve-host.js'
import { checkSize } from './size-limit.js'
import type { FetchedResource } from './types.js'

const USER_AGENT = 'factsift/0.1 (+https://github.com/factsift/factsift; article triage)'
const ACCEPT = 'text/html,application/xhtml+xml,text/plain;q=0.9,application/json;q=0.8'
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

/**
 * Fetch `url` within `limits`: scheme http/https (else E_FETCH_BLOCKED); every hop's host resolved and checked, the
 * connection pinned to the checked address; at most `maxRedirects` redirects, loops refused (E_FETCH_REDIRECTS); the
 * whole exchange, connect to last body byte, within `fetchTimeoutMs` (E_FETCH_TIMEOUT); body (after decompression)
 * within `maxBytes` (E_INPUT_TOO_LARGE); Content-Type one of ACCEPTED_TYPES or absent (else E_UNSUPPORTED_TYPE);
 * HTTP errors and unreachable hosts are E_FETCH_FAILED.
 */
export async function fetchUrl(url: string, limits: Limits): Promise<FetchedResource> {
  const controller = new AbortController()
  const timeout = new FactsiftError('E_FETCH_TIMEOUT', `${url} did not answer within ${limits.fetchTimeoutMs} ms`, { url })
  const timer = setTimeout(() => controller.abort(timeout), limits.fetchTimeoutMs)
  try {
    return await raceAbort(followRedirects(url, limits, controller.signal), controller.signal)
  } finally {
    clearTimeout(timer)
  }
}

async function followRedirects(start: string, limits: Limits, signal: AbortSignal): Promise<FetchedResource> {
  const visited = new Set<string>()
  let current = parseHttpUrl(start)
  for (let hop = 0; ; hop++) {
    visited.add(current.href)
    const res = await requestOnce(current, limits, signal)
    const status = res.statusCode ?? 0
    if (REDIRECT_STATUSES.has(status)) {
      res.resume()
      const location = res.headers.location
      if (!location) throw new FactsiftError('E_FETCH_FAILED', `HTTP ${status} without a Location from ${current.href}`, { status })
      const next = parseHttpUrl(new URL(location, current).href)
      if (visited.has(next.href)) {
        throw new FactsiftError('E_FETCH_REDIRECTS', `redirect loop at ${next.href}`, { url: start })
      }
      if (hop + 1 > limits.maxRedirects) {
        throw new FactsiftError('E_FETCH_REDIRECTS', `more than ${limits.maxRedirects} redirects from ${start}`, { url: start })
      }
      current = next
      continue
    }
    return readResponse(res, current.href, limits, signal)
  }
}

async function readResponse(
  res: http.IncomingMessage,
  url: string,
  limits: Limits,
  signal: AbortSignal,
): Promise<FetchedResource> {
  const status = res.statusCode ?? 0
  if (status < 200 || status >= 300) {
    res.resume()
    const reason = res.statusMessage ? ` ${res.statusMessage}` : ''
    throw new FactsiftError('E_FETCH_FAILED', `HTTP ${status}${reason} from ${url}`, { status, url })
  }
  const { mimeType, charset } = parseContentType(res.headers['content-type'])
  if (mimeType && !(mimeType in ACCEPTED_TYPES)) {
    res.resume()
    throw new FactsiftError('E_UNSUPPORTED_TYPE', `${url} is ${mimeType}; expected HTML, plain text or JSON`, {
      mimeType,
      url,
    })
  }
  const declared = Number(res.headers['content-length'])
  if (Number.isFinite(declared)) {
    try {
      checkSize(declared, limits.maxBytes, 'response body')
    } catch (error) {
      res.destroy()
      throw error
    }
  }
  const body = decompress(res)
  signal.addEventListener('abort', () => body.destroy(), { once: true })
  try {
    return { url, status, mimeType, charset, body: await readLimited(body, limits.maxBytes, 'response body') }
  } catch (error) {
    res.destroy()
    if (signal.aborted) throw signal.reason
    if (error instanceof FactsiftError && error.code !== 'E_INPUT_NOT_FOUND') throw error
    throw new FactsiftError('E_FETCH_FAILED', `reading ${url} failed: ${(error as Error).message}`, { url })
  } finally {
    if (body !== res) body.destroy()
  }
}

function decompress(res: http.IncomingMessage): NodeJS.ReadableStream & { destroy(): void } {
  const encoding = String(res.headers['content-encoding'] ?? 'identity').trim().toLowerCase()
  const make =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip
      : encoding === 'deflate'
        ? createInflate
        : encoding === 'br'
          ? createBrotliDecompress
          : null
  if (!make) {
    if (encoding === 'identity' || encoding === '') return res
    res.resume()
    throw new FactsiftError('E_FETCH_FAILED', `unsupported Content-Encoding "${encoding}"`)
  }
  const stream = make()
  res.on('error', (error) => stream.destroy(error))
  return res.pipe(stream)
}

/** One HTTP exchange up to the response headers, connected to the checked address only. */
async function requestOnce(url: URL, limits: Limits, signal: AbortSignal): Promise<http.IncomingMessage> {
  const pinned = await resolveHost(url.hostname, limits.allowPrivateNetwork)
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'GET',
        lookup: pinnedLookup(pinned),
        // No pooled keep-alive sockets: a reused socket would skip this hop's address check.
        agent: false,
        signal,
        headers: { 'user-agent': USER_AGENT, accept: ACCEPT, 'accept-encoding': 'gzip, deflate, br' },
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

function parseHttpUrl(raw: string): URL {
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
