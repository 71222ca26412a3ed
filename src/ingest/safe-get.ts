// The one safe-GET loop (fetchUrl and the feed reader's httpGet both use it): http(s) only, every hop's host resolved
// and checked, the connection pinned to the checked address, bounded redirects with loops refused, one time limit over
// the whole exchange, and a body read within a size limit (decompressed: gzip, deflate, br).
import http from 'node:http'
import https from 'node:https'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'
import { FactsiftError } from '../errors.js'
import { readLimited } from './read-limited.js'
import { pinnedLookup, resolveHost } from './resolve-host.js'
import { checkSize } from './size-limit.js'

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

export interface SafeGetOptions {
  userAgent: string
  /** Extra request headers, sent after user-agent and accept-encoding. */
  headers?: Record<string, string>
  timeoutMs: number
  maxRedirects: number
  allowPrivateNetwork: boolean
}

/** Handles the final, non-redirect answer; it runs inside the time limit and `signal` aborts when that passes. */
export type RespondFn<T> = (res: http.IncomingMessage, url: string, signal: AbortSignal) => Promise<T>

/**
 * GET `url` under the safe-fetch rules and hand the first non-redirect answer to `respond`. Scheme other than
 * http/https: E_FETCH_BLOCKED (a malformed URL E_INPUT_INVALID); a private address E_FETCH_BLOCKED unless allowed;
 * a redirect without Location or an unreachable host E_FETCH_FAILED; a loop or more than `maxRedirects` redirects
 * E_FETCH_REDIRECTS; connect to the end of `respond` longer than `timeoutMs`: E_FETCH_TIMEOUT.
 */
export async function safeGet<T>(url: string, options: SafeGetOptions, respond: RespondFn<T>): Promise<T> {
  const controller = new AbortController()
  const timeout = new FactsiftError('E_FETCH_TIMEOUT', `${url} did not answer within ${options.timeoutMs} ms`, { url })
  const timer = setTimeout(() => controller.abort(timeout), options.timeoutMs)
  try {
    return await raceAbort(followRedirects(url, options, respond, controller.signal), controller.signal)
  } finally {
    clearTimeout(timer)
  }
}

async function followRedirects<T>(start: string, options: SafeGetOptions, respond: RespondFn<T>, signal: AbortSignal): Promise<T> {
  const visited = new Set<string>()
  let current = parseHttpUrl(start)
  for (let hop = 0; ; hop++) {
    visited.add(current.href)
    const res = await requestOnce(current, options, signal)
    const status = res.statusCode ?? 0
    if (REDIRECT_STATUSES.has(status)) {
      res.resume()
      const location = res.headers.location
      if (!location) throw new FactsiftError('E_FETCH_FAILED', `HTTP ${status} without a Location from ${current.href}`, { status })
      const next = parseHttpUrl(new URL(location, current).href)
      if (visited.has(next.href)) {
        throw new FactsiftError('E_FETCH_REDIRECTS', `redirect loop at ${next.href}`, { url: start })
      }
      if (hop + 1 > options.maxRedirects) {
        throw new FactsiftError('E_FETCH_REDIRECTS', `more than ${options.maxRedirects} redirects from ${start}`, { url: start })
      }
      current = next
      continue
    }
    return respond(res, current.href, signal)
  }
}

/**
 * Read `res`'s body (decompressed) within `maxBytes`. Passing the limit, by a declared Content-Length or while
 * reading, throws E_INPUT_TOO_LARGE, or what `tooLarge` makes instead (`declared` is the Content-Length, when that
 * was the cause); a failed read E_FETCH_FAILED; an unsupported Content-Encoding E_FETCH_FAILED; an abort its reason.
 */
export async function readBody(
  res: http.IncomingMessage,
  url: string,
  maxBytes: number,
  signal: AbortSignal,
  tooLarge?: (declared?: number) => FactsiftError,
): Promise<Buffer> {
  const declared = Number(res.headers['content-length'])
  if (Number.isFinite(declared)) {
    try {
      checkSize(declared, maxBytes, 'response body')
    } catch (error) {
      res.destroy()
      throw tooLarge ? tooLarge(declared) : error
    }
  }
  const body = decompress(res)
  signal.addEventListener('abort', () => body.destroy(), { once: true })
  try {
    return await readLimited(body, maxBytes, 'response body')
  } catch (error) {
    res.destroy()
    if (signal.aborted) throw signal.reason
    if (tooLarge && error instanceof FactsiftError && error.code === 'E_INPUT_TOO_LARGE') throw tooLarge()
    // readLimited rejects with E_INPUT_TOO_LARGE, or E_INPUT_NOT_FOUND when the stream fails (a failed fetch here).
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
async function requestOnce(url: URL, options: SafeGetOptions, signal: AbortSignal): Promise<http.IncomingMessage> {
  const pinned = await resolveHost(url.hostname, options.allowPrivateNetwork)
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
        headers: { 'user-agent': options.userAgent, 'accept-encoding': 'gzip, deflate, br', ...options.headers },
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
