// A fixed pool of worker threads, each with its own engine; items go to whichever thread is free.
import { Worker } from 'node:worker_threads'
import { FactsiftError } from '../errors.js'
import type { BatchItem } from './items.js'
import type { WorkerResult, WorkerSetup } from './worker-protocol.js'
import { createWriteLockBuffer } from './write-lock.js'
import { isPostgresLocation } from '../store/open-store.js'

interface Slot {
  worker: Worker
  /** Settles when the thread has stopped, also when it died before close() (waiting for an 'exit' then would hang). */
  exited: Promise<void>
  /** Items sent and not yet answered: two per thread, so a thread never idles while the main thread writes. */
  inFlight: number
}

const ITEMS_PER_THREAD = 2

/**
 * One analysis allocates ~2 MB (an allocation profile over 200 generated articles: 1.96 MB each), nearly all of it dead
 * by the end of the article, but the article in flight is alive at every scavenge and gets copied, and what survives
 * twice is promoted and later marked. `npm run bench:young-generation` runs two settings side by side on the same articles
 * (this VM's speed drifts too much for runs one after the other): 96 MB vs 128 MB, 63–64 vs 32 collections per 1,000
 * articles, GC pauses 0.58–1.05 vs 0.29–0.46 ms per article, thread CPU 5–46% lower (median 15%, six runs); 192 MB as
 * good as 128. Peak RSS is no higher, since less is promoted into the old generation: two threads of bare analysis
 * peaked at 628–630 MiB with 128 MB and 695–729 MiB with 96.
 */
export const YOUNG_GENERATION_MB = 128

/** Starts `threads` workers and waits until they are ready; `run(item)` resolves with the worker's result. Call `close()` when done. */
export async function createWorkerPool(threads: number, setup: WorkerSetup) {
  const pool = startWorkerPool(threads, setup)
  await pool.ready
  return pool
}

/**
 * Starts `threads` workers without waiting: `ready` settles when they are, items sent before wait for the first, and
 * `addThreads(n)` starts more later, each taking items as soon as it is ready (batch: one thread loads while the input
 * is counted, the others once its size says they pay for their start).
 */
export function startWorkerPool(threads: number, given: WorkerSetup) {
  // Threads sharing one SQLite file take turns to write through a lock word instead of SQLite's sleeping busy handler.
  const sharesSqliteFile = given.db !== undefined && given.db !== ':memory:' && !isPostgresLocation(given.db)
  const setup: WorkerSetup = sharesSqliteFile && !given.writeLock ? { ...given, writeLock: createWriteLockBuffer() } : given
  // Under tsx (tests, benches) the worker is the .ts source; in the built package it is the compiled .js.
  const fromSource = import.meta.url.endsWith('.ts')
  const entry = new URL(fromSource ? './analysis-worker.ts' : './analysis-worker.js', import.meta.url)
  // Node 20 does not carry tsx's loader hooks into worker threads: register them inside the worker first.
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}) })`
  const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB }
  const startThread = (workerData: WorkerSetup) =>
    fromSource ? new Worker(bootstrap, { eval: true, workerData, resourceLimits }) : new Worker(entry, { workerData, resourceLimits })
  const waiting: { item: BatchItem; resolve: (r: WorkerResult) => void; reject: (e: Error) => void }[] = []
  const pending = new Map<number, { resolve: (r: WorkerResult) => void; reject: (e: Error) => void }>()
  const slots: Slot[] = []
  let failure: Error | null = null
  let closing = false

  const dispatch = () => {
    for (const slot of slots) {
      while (slot.inFlight < ITEMS_PER_THREAD && waiting.length > 0) {
        const job = waiting.shift()!
        slot.inFlight++
        pending.set(job.item.seq, job)
        slot.worker.postMessage(job.item)
      }
    }
  }

  /** Every thread started, ready or not: close() waits for all of them. */
  const started: Slot[] = []
  const addThreads = (count: number): Promise<void> => Promise.all(
    Array.from({ length: count }, () => new Promise<void>((resolve, reject) => {
      const worker = startThread(setup)
      const exited = new Promise<void>((resolve) => worker.once('exit', (code) => {
        // A thread can also stop without an 'error' (process.exit in a dependency, an abort): its jobs would wait forever.
        if (!closing) fail(new FactsiftError('E_INTERNAL', `an analysis thread stopped unexpectedly (exit code ${code})`))
        resolve()
      }))
      const slot: Slot = { worker, exited, inFlight: 0 }
      started.push(slot)
      worker.on('message', (message: WorkerResult | { ready: true }) => {
        if ('ready' in message) {
          // Ready after close() began (started late, nothing left for it): told to stop like the others.
          if (closing) worker.postMessage(null)
          else slots.push(slot)
          resolve()
          dispatch()
          return
        }
        slot.inFlight--
        const job = pending.get(message.seq)
        pending.delete(message.seq)
        job?.resolve(message)
        dispatch()
      })
      const fail = (error: Error) => {
        failure ??= error
        reject(error)
        for (const job of pending.values()) job.reject(error)
        pending.clear()
        for (const job of waiting.splice(0)) job.reject(error)
        const index = slots.indexOf(slot)
        if (index >= 0) slots.splice(index, 1)
      }
      worker.on('error', fail)
    })),
  ).then(() => undefined)
  const ready = addThreads(threads)
  ready.catch(() => {}) // the caller awaits it (or sees the failure in run); no unhandled rejection meanwhile

  const alone = new Set<Promise<unknown>>()
  /**
   * One item in a thread started for it and stopped after it (no warm-up): a 4 MB article's ~400 MB of heap and its
   * 26 MB report go back to the system with the thread instead of staying in a pool thread's grown heap, and the pool
   * threads keep analyzing small items meanwhile. A failure of that thread (even running out of memory) fails only
   * this item. Starting a thread costs its engine's loading (~1 s): worth it for inputs that take tens of seconds. The
   * caller bounds how many run at once (the server's admission: one).
   */
  const runAlone = async (item: BatchItem): Promise<WorkerResult> => {
    const worker = startThread({ ...setup, warmUp: false })
    const exited = new Promise<number>((resolve) => worker.once('exit', resolve))
    const done = new Promise<WorkerResult>((resolve, reject) => {
      worker.on('message', (message: WorkerResult | { ready: true }) => {
        if ('ready' in message) worker.postMessage(item)
        else resolve(message)
      })
      worker.once('error', reject)
      void exited.then((code) => reject(new FactsiftError('E_INTERNAL', `an analysis thread stopped unexpectedly (exit code ${code})`)))
    })
    const finished = done.then(
      () => undefined,
      () => undefined,
    )
    alone.add(exited)
    void exited.then(() => alone.delete(exited))
    // Ask it to close its store and stop once it answered; stop it outright if it does not (or when it failed).
    void finished.then(() => {
      worker.postMessage(null)
      const stop = setTimeout(() => void worker.terminate(), 10_000)
      stop.unref()
      void exited.then(() => clearTimeout(stop))
    })
    return await done.catch((error: unknown) => {
      void worker.terminate()
      throw error instanceof FactsiftError ? error : new FactsiftError('E_INTERNAL', `an analysis thread failed: ${(error as Error).message}`)
    })
  }

  return {
    /** Threads started (ready or still loading). */
    get threads() {
      return started.length
    },
    ready,
    addThreads,
    /** `alone`: analyze it in a thread of its own (see runAlone); for the server's large inputs. */
    run(item: BatchItem, options: { alone?: boolean } = {}): Promise<WorkerResult> {
      if (failure) return Promise.reject(failure)
      if (options.alone && !closing) return runAlone(item)
      return new Promise((resolve, reject) => {
        waiting.push({ item, resolve, reject })
        dispatch()
      })
    },
    async close(): Promise<void> {
      closing = true
      for (const slot of slots) slot.worker.postMessage(null)
      await Promise.all([...started.map((slot) => slot.exited), ...alone])
    },
  }
}

export type WorkerPool = ReturnType<typeof startWorkerPool>
