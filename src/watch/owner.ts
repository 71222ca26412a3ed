// Who holds a claim: host, process id and start time. A watcher (or queue worker) starting on this host releases the
// claims of its dead processes at once (a kill -9 leaves them); claims of other hosts end with their lease.
import { hostname } from 'node:os'

/** This process's start, base 36: an owner with our pid but another start was an earlier process that reused the pid. */
const STARTED = Date.now().toString(36)
let created = 0

/**
 * A claim owner unique within the process too: several watchers or feed workers in one process (tests, a worker with
 * several roles) get `host:pid:start`, `host:pid:start.1`, …, so none mistakes another's claims for its own.
 */
export function ownerId(): string {
  const n = created++
  return `${hostname()}:${process.pid}:${STARTED}${n === 0 ? '' : `.${n}`}`
}

/** The owners in `owners` that were processes of this host and are no longer running. */
export function deadLocalOwners(owners: readonly string[], self: string): string[] {
  const host = hostname()
  return owners.filter((owner) => {
    if (owner === self) return false
    const [ownerHost, pid, start] = owner.split(':')
    if (ownerHost !== host || !/^\d+$/.test(pid ?? '')) return false
    // Our pid: this very process (another owner in it: alive) or an earlier one that had the same pid (gone).
    if (Number(pid) === process.pid) return (start ?? '').split('.')[0] !== STARTED
    try {
      process.kill(Number(pid), 0)
      return false
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ESRCH'
    }
  })
}
