// Whether another connection wrote to the database since the last look: caches kept beside a connection use it.
import type Database from 'better-sqlite3'

/**
 * Returns a check that is true when another connection (another thread's or process's: the server's analysis threads
 * each hold their own) has committed to the database since the previous call. `PRAGMA data_version` changes only for
 * commits made elsewhere; this connection's own writes clear its caches where they are made. One cheap pragma per call.
 */
export function watchOtherWriters(db: Database.Database): () => boolean {
  const read = db.prepare('PRAGMA data_version').pluck()
  let seen = read.get() as number
  return () => {
    const now = read.get() as number
    if (now === seen) return false
    seen = now
    return true
  }
}
