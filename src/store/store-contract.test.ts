// The shared store suite against both implementations: SQLite in memory, and PostgreSQL in a throwaway schema per test.
import { after } from 'node:test'
import { randomBytes } from 'node:crypto'
import { storeContract } from './test-support/store-contract.js'
import { openSqliteStore } from './sqlite/sqlite-store.js'
import { serviceSkip, TEST_POSTGRES_URL } from '../test-support/services.js'

storeContract('sqlite', { open: async () => openSqliteStore(':memory:') })

const postgresSkip = await serviceSkip('postgres')
const schemas: string[] = []

storeContract('postgres', {
  skip: postgresSkip,
  open: async () => {
    const { openPostgresStore } = await import('./postgres/postgres-store.js')
    const schema = `factsift_test_${randomBytes(6).toString('hex')}`
    schemas.push(schema)
    const url = new URL(TEST_POSTGRES_URL)
    url.searchParams.set('schema', schema)
    return openPostgresStore(url.toString())
  },
})

after(async () => {
  if (schemas.length === 0) return
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL })
  await client.connect()
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  } finally {
    await client.end()
  }
})
