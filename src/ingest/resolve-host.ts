// Resolve a URL's host once and check every address against the policy; the fetch then connects only there.
import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import type { LookupFunction } from 'node:net'
import { FactsiftError } from '../errors.js'
import { classifyAddress } from './address-policy.js'

/** Every address a name resolves to (the system resolver by default; tests pass their own). */
export type Resolver = (host: string) => Promise<PinnedAddress[]>

const systemResolver: Resolver = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family as 4 | 6 }))

/** An address that passed the policy check, to be used for the connection. */
export interface PinnedAddress {
  address: string
  family: 4 | 6
}

/**
 * Resolve `hostname` (or take it as is when it is an IP literal) and refuse it with E_FETCH_BLOCKED when ANY of its
 * addresses is not public, unless `allowPrivateNetwork`. Unknown hosts are E_FETCH_FAILED. Returns every checked
 * address, in resolver order, for the connection to try.
 */
export async function resolveHost(
  hostname: string,
  allowPrivateNetwork: boolean,
  resolve: Resolver = systemResolver,
): Promise<PinnedAddress[]> {
  const host = hostname.replace(/^\[|\]$/g, '')
  let addresses: PinnedAddress[]
  const literal = isIP(host)
  if (literal) addresses = [{ address: host, family: literal as 4 | 6 }]
  else {
    try {
      addresses = await resolve(host)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error'
      throw new FactsiftError('E_FETCH_FAILED', `cannot resolve host ${host} (${code})`, { host })
    }
  }
  if (addresses.length === 0) throw new FactsiftError('E_FETCH_FAILED', `host ${host} has no addresses`, { host })
  if (!allowPrivateNetwork) {
    for (const a of addresses) {
      const kind = classifyAddress(a.address)
      if (kind !== 'public') {
        throw new FactsiftError(
          'E_FETCH_BLOCKED',
          `refusing to fetch ${host}: it resolves to a ${kind} address (${a.address}); allow with --allow-private-network`,
          { host, address: a.address, kind },
        )
      }
    }
  }
  return addresses
}

/** A `lookup` for http.request that answers only with the already-checked addresses, so DNS cannot change
 * between the check and the connection (DNS rebinding). With `all` (Node's happy-eyeballs), all of them. */
export function pinnedLookup(pinned: PinnedAddress[]): LookupFunction {
  return ((_hostname: string, options: { all?: boolean } | undefined, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, pinned.map((p) => ({ address: p.address, family: p.family })))
    else callback(null, pinned[0].address, pinned[0].family)
  }) as unknown as LookupFunction
}
