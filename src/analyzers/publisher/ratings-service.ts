// The source-ratings service: the shipped table, loaded once on first use, under the store's user lists. Another
// process's writes are noticed through the store's revision counter, read at most once per `recheckMs`.
import type { SourceRatingsService } from '../../services/types.js'
import type { Store } from '../../store/types.js'
import { createRatingsRegistry, loadRatingsTable, type RatingsRegistry, type RatingsTable } from '../../source-ratings/index.js'

export interface RatingsServiceOptions {
  store?: Store
  /** The shipped table (default: data/source-ratings.json on first use); null for user lists only. */
  table?: RatingsTable | null
  /** How long a loaded registry is trusted before the store's revision is checked again (default 1000 ms). */
  recheckMs?: number
  /** Milliseconds, for the recheck (default Date.now). */
  clock?: () => number
}

interface Loaded {
  registry: RatingsRegistry
  revision: number
}

export function createSourceRatingsService(options: RatingsServiceOptions = {}): SourceRatingsService {
  const { store } = options
  const recheckMs = options.recheckMs ?? 1000
  const clock = options.clock ?? Date.now
  let loaded: Promise<Loaded> | undefined
  let checkedAt = 0

  const load = (): Promise<Loaded> => {
    checkedAt = clock()
    const made = (async () => {
      const table = options.table === undefined ? loadRatingsTable() : options.table
      if (!store) return { registry: createRatingsRegistry({ table }), revision: 0 }
      // Revision first: a write landing between the two reads makes the next check reload, never miss it.
      const revision = await store.sourceRatings.revision()
      const lists = await store.sourceRatings.loadAll()
      return { registry: createRatingsRegistry({ table, lists }), revision }
    })()
    // A failed load (store down) is retried by the next call instead of being remembered.
    made.catch(() => {
      if (loaded === made) loaded = undefined
    })
    return made
  }

  return {
    async registry() {
      if (!loaded) loaded = load()
      else if (store && clock() - checkedAt >= recheckMs) {
        checkedAt = clock()
        const current = await loaded
        if ((await store.sourceRatings.revision()) !== current.revision) loaded = load()
      }
      return (await loaded).registry
    },
    invalidate() {
      loaded = undefined
    },
  }
}
