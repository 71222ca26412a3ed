// The query and transaction wrappers the PostgreSQL repositories share: driver errors become E_STORE with what failed.
import type pg from 'pg'
import { FactsiftError } from '../../errors.js'

export type StoreQuery = <R extends pg.QueryResultRow>(
  what: string,
  sql: string,
  params?: unknown[],
  client?: pg.Pool | pg.PoolClient,
) => Promise<pg.QueryResult<R>>

export type StoreTransaction = <T>(what: string, work: (client: pg.PoolClient) => Promise<T>) => Promise<T>

/** One statement on `pool` (or the given client); a failure is E_STORE "`what`: driver message". */
export function storeQuery(pool: pg.Pool): StoreQuery {
  return async <R extends pg.QueryResultRow>(what: string, sql: string, params: unknown[] = [], client: pg.Pool | pg.PoolClient = pool) => {
    try {
      return await client.query<R>(sql, params)
    } catch (error) {
      throw new FactsiftError('E_STORE', `${what}: ${(error as Error).message}`)
    }
  }
}

/** `work` inside BEGIN … COMMIT on one pooled client, rolled back on any error; a FactsiftError passes as is, others become E_STORE. */
export function storeTransaction(pool: pg.Pool): StoreTransaction {
  return async <T>(what: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      const result = await work(client)
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      if (error instanceof FactsiftError) throw error
      throw new FactsiftError('E_STORE', `${what}: ${(error as Error).message}`)
    } finally {
      client.release()
    }
  }
}
