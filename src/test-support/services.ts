// Test helpers for suites that need PostgreSQL or Redis: skip with a clear message when absent, fail in CI.
import { connect } from 'node:net'
import { withDefaultUser } from '../store/postgres/connection-url.js'

export const TEST_POSTGRES_URL = withDefaultUser(process.env.FACTSIFT_TEST_POSTGRES_URL ?? 'postgres://127.0.0.1:5432/test')
export const TEST_REDIS_URL = process.env.FACTSIFT_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

export type ServiceName = 'postgres' | 'redis'

/**
 * `false` when the service answers (run the tests), else a skip message for node:test's `skip` option.
 * With FACTSIFT_REQUIRE_SERVICES=1 (set by .ci/run) an absent service throws instead, failing the suite.
 */
export async function serviceSkip(service: ServiceName): Promise<string | false> {
  const problem = service === 'postgres' ? await probePostgres(TEST_POSTGRES_URL) : await probeRedis(TEST_REDIS_URL)
  if (problem === null) return false
  const message = `${service} is not reachable (${problem}); start it or set FACTSIFT_TEST_${service.toUpperCase()}_URL`
  if (process.env.FACTSIFT_REQUIRE_SERVICES === '1') throw new Error(`FACTSIFT_REQUIRE_SERVICES=1 but ${message}`)
  return `skipped: ${message}`
}

async function probePostgres(url: string): Promise<string | null> {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return null
  } catch (error) {
    return (error as Error).message || String(error)
  } finally {
    await client.end().catch(() => {})
  }
}

function probeRedis(url: string): Promise<string | null> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) })
    const done = (problem: string | null) => {
      socket.destroy()
      resolve(problem)
    }
    socket.setTimeout(2000, () => done('timeout'))
    socket.once('error', (error) => done(error.message))
    socket.once('connect', () => socket.write('PING\r\n'))
    socket.once('data', (data) => done(data.toString().startsWith('+PONG') ? null : `unexpected reply ${data.toString().trim()}`))
  })
}

/** Runs `body` with a connected client to the test database, and closes it whatever happens. */
export async function withPostgres<T>(body: (client: import('pg').Client) => Promise<T>): Promise<T> {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL })
  await client.connect()
  try {
    return await body(client)
  } finally {
    await client.end()
  }
}

/** Deletes a test's BullMQ keys (`<prefix>:*`) from the test Redis. */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const { Redis } = await import('ioredis')
  const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null })
  try {
    const keys = await connection.keys(`${prefix}:*`)
    if (keys.length > 0) await connection.del(...keys)
  } finally {
    connection.disconnect()
  }
}
