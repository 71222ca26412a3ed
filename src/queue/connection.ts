// Where the batch queue lives: a redis:// URL, with the queue's name and key prefix as optional query parameters.
import { FactsiftError } from '../errors.js'

export const DEFAULT_QUEUE_NAME = 'factsift-batch'
export const DEFAULT_QUEUE_PREFIX = 'factsift'

export interface QueueLocation {
  /** The Redis URL without our own parameters, for ioredis. */
  redisUrl: string
  /** BullMQ queue name (`?queue=`, default factsift-batch): producers and workers must agree on it. */
  name: string
  /** Redis key prefix (`?prefix=`, default factsift): separates deployments or test runs sharing one Redis. */
  prefix: string
  /** The URL without its password, for messages. */
  display: string
}

const NAME = /^[A-Za-z0-9_.-]{1,100}$/

/** Parses `redis://[user:pass@]host[:port][/db][?queue=name&prefix=p]` (rediss:// for TLS). */
export function parseQueueLocation(url: string): QueueLocation {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new FactsiftError('E_BAD_ARGUMENT', `--queue must be a redis:// URL, got "${url}"`)
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new FactsiftError('E_BAD_ARGUMENT', `--queue must be a redis:// or rediss:// URL, got "${parsed.protocol}"`)
  }
  const name = parsed.searchParams.get('queue') ?? DEFAULT_QUEUE_NAME
  const prefix = parsed.searchParams.get('prefix') ?? DEFAULT_QUEUE_PREFIX
  for (const [what, value] of [['queue', name], ['prefix', prefix]] as const) {
    // BullMQ joins keys with ':', so neither part may contain one.
    if (!NAME.test(value)) throw new FactsiftError('E_BAD_ARGUMENT', `the ${what} name must be 1-100 letters, digits, '.', '_' or '-': "${value}"`)
  }
  parsed.searchParams.delete('queue')
  parsed.searchParams.delete('prefix')
  const redisUrl = parsed.toString()
  if (parsed.password) parsed.password = '***'
  parsed.searchParams.set('queue', name)
  return { redisUrl, name, prefix, display: parsed.toString() }
}

/** ioredis options for BullMQ: blocking connections must retry forever; `lazyConnect` keeps errors in our hands. */
export async function createRedis(location: QueueLocation) {
  const { Redis } = await import('ioredis')
  return new Redis(location.redisUrl, { maxRetriesPerRequest: null, enableReadyCheck: true })
}

/** Fails fast with E_SERVICE_UNAVAILABLE when Redis does not answer, instead of BullMQ retrying forever. */
export async function checkRedis(location: QueueLocation, timeoutMs = 5000): Promise<void> {
  const { Redis } = await import('ioredis')
  const probe = new Redis(location.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: timeoutMs, retryStrategy: () => null })
  probe.on('error', () => {})
  try {
    await probe.connect()
    await probe.ping()
  } catch (error) {
    throw new FactsiftError('E_SERVICE_UNAVAILABLE', `Redis at ${location.display} is not reachable: ${(error as Error).message}`)
  } finally {
    probe.disconnect()
  }
}

/**
 * A BullMQ job id for an item id. BullMQ refuses ids containing ':' (content-hash ids are `sha256:…`) and ids that look
 * like integers, so '%', ':' and '#' are percent-escaped and integer-like ids get a '#' in front: the mapping is
 * one-to-one, so the same item always gets the same job (re-enqueueing it is a no-op while the job is kept).
 */
export function jobIdFor(itemId: string): string {
  const escaped = itemId.replace(/[%:#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `${Number.parseInt(escaped, 10)}` === escaped ? `#${escaped}` : escaped
}
