// API keys with scopes: compared in constant time, read from `Authorization: Bearer` or `X-API-Key`.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { FactsiftError } from '../errors.js'

/** `read`: GET /v1/*; `write`: POST /v1/* (analyze, import); `admin`: everything, DELETE included. */
export type Scope = 'read' | 'write' | 'admin'

export const SCOPES: readonly Scope[] = ['read', 'write', 'admin']

export interface ApiKey {
  key: string
  scopes: readonly Scope[]
}

/**
 * Keys from FACTSIFT_API_KEYS, comma- or whitespace-separated. Each is `key` (every scope, the original form) or
 * `key:scope` with scopes joined by `+` (`k1:read,k2:read+write,k3:admin`). Empty means the API is open.
 */
export function parseApiKeys(value: string | undefined): ApiKey[] {
  if (!value) return []
  const keys: ApiKey[] = []
  for (const entry of value.split(/[\s,]+/).filter((part) => part.length > 0)) {
    const colon = entry.lastIndexOf(':')
    const key = colon < 0 ? entry : entry.slice(0, colon)
    const scopes = colon < 0 ? [...SCOPES] : entry.slice(colon + 1).split('+')
    for (const scope of scopes) {
      if (!SCOPES.includes(scope as Scope)) {
        throw new FactsiftError('E_CONFIG', `FACTSIFT_API_KEYS: unknown scope "${scope}"; use read, write or admin (e.g. key:read+write)`)
      }
    }
    if (key.length < 16) throw new FactsiftError('E_CONFIG', 'every key in FACTSIFT_API_KEYS must be at least 16 characters long')
    keys.push({ key, scopes: [...new Set(scopes as Scope[])] })
  }
  return keys
}

/** A plain string key (the library's original option) stands for a key with every scope. */
export function toApiKey(key: string | ApiKey): ApiKey {
  return typeof key === 'string' ? { key, scopes: [...SCOPES] } : key
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
 * The scopes of a presented key, or null when it matches none. Keys are hashed first so every comparison is between
 * equal-length digests, and every key is compared on every call, so neither the position of a match nor the key
 * length leaks through timing.
 */
export function createKeyring(keys: readonly (string | ApiKey)[]): (presented: string | null) => ReadonlySet<Scope> | null {
  const entries = keys.map(toApiKey).map((entry) => ({ digest: digest(entry.key), scopes: new Set(entry.scopes) }))
  return (presented) => {
    const candidate = digest(presented ?? '')
    let found: ReadonlySet<Scope> | null = null
    for (const entry of entries) {
      const same = timingSafeEqual(candidate, entry.digest)
      if (same && found === null) found = entry.scopes
    }
    return presented === null ? null : found
  }
}

/** True when the key matches a configured key, whatever its scopes. */
export function createKeyChecker(keys: readonly (string | ApiKey)[]): (presented: string | null) => boolean {
  const scopesOf = createKeyring(keys)
  return (presented) => scopesOf(presented) !== null
}

/** The scope a request needs: reads for GET and HEAD, admin for DELETE, write for the rest. */
export function scopeFor(method: string): Scope {
  if (method === 'GET' || method === 'HEAD') return 'read'
  if (method === 'DELETE') return 'admin'
  return 'write'
}

/** Whether a key's scopes allow `needed`: admin allows everything, otherwise the scope itself. */
export function allows(scopes: ReadonlySet<Scope>, needed: Scope): boolean {
  return scopes.has('admin') || scopes.has(needed)
}

/** A stable, non-reversible label for a key (rate limiting by client, logs). */
export function keyLabel(key: string): string {
  return digest(key).subarray(0, 8).toString('hex')
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest()
}
