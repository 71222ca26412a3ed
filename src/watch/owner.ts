// Who holds a claim: host, process id and start time. A watcher starting on this host releases the claims of its
// dead processes at once (a kill -9 leaves them); claims of other hosts end with their lease.
import { hostname } from 'node:os'

export function ownerId(): string {
  return `${hostname()}:${process.pid}:${Date.now().toString(36)}`
}

/** The owners in `owners` that were processes of this host and are no longer running. */
export function deadLocalOwners(owners: readonly string[], self: string): string[] {
  const host = hostname()
  return owners.filter((owner) => {
    if (owner === self) return false
    const [ownerHost, pid] = owner.split(':')
    if (ownerHost !== host || !/^\d+$/.test(pid ?? '')) return false
    if (Number(pid) === process.pid) return true // our pid, an earlier start: that process is gone
    try {
      process.kill(Number(pid), 0)
      return false
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ESRCH'
    }
  })
}
