// Safe URL fetch: http(s) only, public addresses only (checked per hop and pinned), bounded redirects, time and size.
import type http from 'node:http'
import type { Limits } from './limits.js'
import { FactsiftError } from '../errors.js'
import { ACCEPTED_TYPES, parseContentType } from './content-type.js'
import { readBody, safeGet } from './safe-get.js'
import type { FetchedResource } from './types.js'

const USER_AGENT = 'factsift/0.1 (+https://github.com/factsift/factsift; article triage)'
const ACCEPT = 'text/html,application/xhtml+xml,text/plain;q=0.9,application/json;q=0.8'

/**
 * Fetch `url` within `limits`: scheme http/https (else E_FETCH_BLOCKED); every hop's host resolved and checked, the
 * connection pinned to the checked address; at most `maxRedirects` redirects, loops refused (E_FETCH_REDIRECTS); the
 * whole exchange, connect to last body byte, within `fetchTimeoutMs` (E_FETCH_TIMEOUT); body (after decompression)
 * within `maxBytes` (E_INPUT_TOO_LARGE); Content-Type one of ACCEPTED_TYPES or absent (else E_UNSUPPORTED_TYPE);
 * HTTP errors and unreachable hosts are E_FETCH_FAILED.
 */
export async function fetchUrl(url: string, limits: Limits): Promise<FetchedResource> {
  const options = {
    userAgent: USER_AGENT,
    headers: { accept: ACCEPT },
    timeoutMs: limits.fetchTimeoutMs,
    maxRedirects: limits.maxRedirects,
    allowPrivateNetwork: limits.allowPrivateNetwork,
  }
  return safeGet(url, options, (res, finalUrl, signal) => readResponse(res, finalUrl, limits, signal))
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
  return { url, status, mimeType, charset, body: await readBody(res, url, limits.maxBytes, signal) }
}
