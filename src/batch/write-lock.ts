// One writer at a time among a pool's threads when they share a SQLite file.
//
// SQLite lets one connection write at a time; a connection that finds the file locked sleeps in its busy handler
// (1, 2, 5, 10, 15, 20, 25… ms) and tries again, so two analysis threads saving at once lose whole milliseconds per
// collision and tens of them behind a WAL checkpoint. A lock word in shared memory hands the write over the moment the
// holder is done: the waiting thread sleeps in Atomics.wait and is woken by the release. Other processes (and the main
// thread) still meet SQLite's own lock and busy timeout; this only orders the pool's threads among themselves.

const FREE = 0
const HELD = 1

/** The shared word the pool creates once and hands to every thread (in its setup). */
export function createWriteLockBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)
}

/**
 * Runs `write` while holding the lock; without a buffer (PostgreSQL, in-process) it just runs it. Items of one thread
 * queue on a promise first: a second item of the same thread must never block in Atomics.wait on a lock its own thread
 * holds across an await (it would stop the thread that has to release it).
 */
export function withWriteLock(buffer: SharedArrayBuffer | undefined): <T>(write: () => Promise<T>) => Promise<T> {
  if (!buffer) return (write) => write()
  const word = new Int32Array(buffer)
  let turn: Promise<unknown> = Promise.resolve()
  const holdingLock = async <T>(write: () => Promise<T>): Promise<T> => {
    // Worker threads may block: a thread waiting here has nothing else to do until its report is saved.
    while (Atomics.compareExchange(word, 0, FREE, HELD) !== FREE) Atomics.wait(word, 0, HELD)
    try {
      return await write()
    } finally {
      Atomics.store(word, 0, FREE)
      Atomics.notify(word, 0, 1)
    }
  }
  return <T>(write: () => Promise<T>): Promise<T> => {
    const result = turn.then(() => holdingLock(write))
    turn = result.catch(() => undefined)
    return result
  }
}
