// Optional API keys for write endpoints: compared in constant time, read from `Authorization: Bearer` or `X-API-Key`.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { FactsiftError } from '../errors.js'

/** Keys from FACTSIFT_API_KEYS: comma- or whitespace-separated; empty means writes are open. */
export function parseApiKeys(value: string | undefined): string[] {
  if (!value) return []
  const keys = value.split(/[\s,]+/).filter((key) => key.length > 0)
  for (const key of keys) {
    if (key.length < 16) throw new FactsiftError('E_CONFIG', 'every key in FACTSIFT_API_KEYS must be at least 16 characters long')
  }
  return keys
}

/** The key a request presents, if any. */
export function presentedKey(request: FastifyRequest): string | null {
  const header = request.headers['x-api-key']
  if (typeof header === 'string' && header.length > 0) return header
  const authorization = request.headers.authorization
  const match = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null
  return match ? match[1]! : null
}

/**
 * A checker over a fixed set of keys. Keys are hashed first so every comparison is between equal-length digests,
 * and every key is compared on every call, so neither the position of a match nor the key length leaks through timing.
 */
export function createKeyChecker(keys: readonly string[]): (presented: string | null) => boolean {
  const digests = keys.map(digest)
  return (presented) => {
    const candidate = digest(presented ?? '')
    let ok = false
    for (const known of digests) ok = timingSafeEqual(candidate, known) || ok
    return ok && presented !== null
  }
}

/** A stable, non-reversible label for a key (rate limiting by client, logs). */
export function keyLabel(key: string): string {
  return digest(key).subarray(0, 8).toString('hex')
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest()
}
