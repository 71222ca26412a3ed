// Picks the store from one location string: a SQLite file (default ~/.factsift/factsift.db), ':memory:', or postgres://.
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Store } from './types.js'
import { FactsiftError } from '../errors.js'

/** `$FACTSIFT_DB` when set, else `~/.factsift/factsift.db`. */
export function defaultDatabasePath(): string {
  const fromEnv = process.env.FACTSIFT_DB?.trim()
  if (!fromEnv) return join(homedir(), '.factsift', 'factsift.db')
  return fromEnv.startsWith('~/') ? join(homedir(), fromEnv.slice(2)) : fromEnv
}

/** True for connection strings that select the PostgreSQL store. */
export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location)
}

/**
 * Opens the store at `location` (default: `defaultDatabasePath()`): `postgres://…` selects PostgreSQL, ':memory:' a
 * throwaway SQLite store, anything else a SQLite file path (created with its folder when absent).
 */
export async function openStore(location: string = defaultDatabasePath()): Promise<Store> {
  if (isPostgresLocation(location)) {
    // A variable specifier keeps tsc from resolving a module the batch feature has not written yet.
    const specifier = './postgres/postgres-store.js'
    let module: { openPostgresStore?: (url: string) => Promise<Store> | Store }
    try {
      module = (await import(specifier)) as typeof module
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') {
        throw new FactsiftError('E_CONFIG', 'the PostgreSQL store is not available in this build; use a SQLite path instead')
      }
      throw error
    }
    if (typeof module.openPostgresStore !== 'function') {
      throw new FactsiftError('E_CONFIG', 'the PostgreSQL store module does not export openPostgresStore(url)')
    }
    return module.openPostgresStore(location)
  }
  const { openSqliteStore } = await import('./sqlite/sqlite-store.js')
  return openSqliteStore(location === ':memory:' ? location : resolve(location))
}
