// The error wrapper the SQLite repositories share: driver errors become E_STORE with what failed.
import { FactsiftError } from '../../errors.js'

/** Run `work`; a FactsiftError passes as is, any other error becomes E_STORE "`what`: message". */
export function wrap<T>(what: string, work: () => T): T {
  try {
    return work()
  } catch (error) {
    if (error instanceof FactsiftError) throw error
    throw new FactsiftError('E_STORE', `${what}: ${(error as Error).message}`)
  }
}
