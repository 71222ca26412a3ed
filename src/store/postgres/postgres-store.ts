// The shared store for many processes and machines: PostgreSQL (its own full-text search), one repository per area.
import pg from 'pg'
import { withDefaultUser } from './connection-url.js'
import type { Store } from '../types.js'
import { FactsiftError } from '../../errors.js'
import { migrateArea } from './migrate.js'
import * as factchecks from './factchecks.js'
import * as corpus from './corpus.js'
import * as reports from './reports.js'
import * as feeds from './feeds.js'
import * as sourceRatings from './source-ratings.js'
import * as claims from './claims.js'

export interface PostgresStore extends Store {
  readonly kind: 'postgres'
  /** The schema holding the tables. */
  readonly schema: string
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/

/**
 * Opens the store at a `postgres://` URL, creating the tables when absent (migrations per area, serialized by an
 * advisory lock so that workers starting together do not race). `?schema=name` keeps the tables in that schema
 * (created when absent), e.g. one schema per test run; otherwise they go to the connection's default (`public`).
 */
export async function openPostgresStore(url: string): Promise<PostgresStore> {
  const { connectionString, schema } = parseLocation(url)
  const pool = new pg.Pool({
    // As libpq does: without a user in the URL or the environment, connect as the operating-system user.
    connectionString: withDefaultUser(connectionString),
    max: Number(process.env.FACTSIFT_PG_POOL_SIZE ?? 4),
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 10_000,
    // Every connection of the pool works in the chosen schema.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  })
  // An idle client losing its connection (server restart) must not crash the process: the next query reconnects.
  pool.on('error', () => {})
  try {
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`).catch(ignoreDuplicateSchema)
    await migrateArea(pool, factchecks.area, factchecks.migrations)
    await migrateArea(pool, corpus.area, corpus.migrations)
    await migrateArea(pool, reports.area, reports.migrations)
    await migrateArea(pool, feeds.area, feeds.migrations)
    await migrateArea(pool, sourceRatings.area, sourceRatings.migrations)
    await migrateArea(pool, claims.area, claims.migrations)
  } catch (error) {
    await pool.end().catch(() => {})
    if (error instanceof FactsiftError) throw error
    const message = (error as Error).message || String(error)
    const unreachable = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|timeout|terminat/i.test(message)
    throw new FactsiftError(unreachable ? 'E_SERVICE_UNAVAILABLE' : 'E_STORE', `cannot open PostgreSQL store at ${redact(url)}: ${message}`)
  }
  return {
    kind: 'postgres',
    location: redact(url),
    schema: schema ?? 'public',
    factchecks: factchecks.createRepository(pool),
    corpus: corpus.createRepository(pool),
    reports: reports.createRepository(pool),
    feeds: feeds.createRepository(pool),
    sourceRatings: sourceRatings.createRepository(pool),
    claims: claims.createRepository(pool),
    async ping() {
      try {
        await pool.query('SELECT 1')
        return true
      } catch {
        return false
      }
    },
    async close() {
      await pool.end()
    },
  }
}

/** Splits our own `schema` parameter off the URL; everything else goes to the driver as given. */
function parseLocation(url: string): { connectionString: string; schema: string | null } {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new FactsiftError('E_CONFIG', `not a valid PostgreSQL URL: ${redact(url)}`)
  }
  const schema = parsed.searchParams.get('schema')
  if (schema === null) return { connectionString: url, schema: null }
  if (!SCHEMA_NAME.test(schema)) {
    throw new FactsiftError('E_CONFIG', `schema must be lower-case letters, digits and underscores: ${schema}`)
  }
  parsed.searchParams.delete('schema')
  return { connectionString: parsed.toString(), schema }
}

/** Two processes creating the same schema at once: the loser's unique violation means it exists, which is the goal. */
function ignoreDuplicateSchema(error: { code?: string }): void {
  if (error.code !== '23505' && error.code !== '42P06') throw error
}

/** The URL without its password, for messages and `store.location`. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')
  }
}
