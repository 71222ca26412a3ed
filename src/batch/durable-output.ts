// Append-only JSONL output that survives `kill -9`: every line is written whole with one write call (here, or by the
// batch's analysis threads through their own O_APPEND descriptors), the file is fdatasync'ed at least every
// `syncIntervalMs`, and on resume a torn last line is cut off and the done ids re-read.
import { openSync, writeSync, fdatasyncSync, fdatasync, closeSync, existsSync, ftruncateSync, statSync, readSync, createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { FactsiftError } from '../errors.js'

export interface DurableAppender {
  append(record: object): void
  /** Another writer appended to the file: it is synced with the next round like this appender's own lines. */
  appendedElsewhere(): void
  /** Waits for the last sync and closes the file. */
  close(): Promise<void>
}

/** Opens `path` for appending (`resume`) or creates it fresh (refusing to overwrite unless `overwrite`). */
export function openAppender(path: string, options: { resume: boolean; overwrite: boolean; syncIntervalMs?: number }): DurableAppender {
  if (!options.resume && !options.overwrite && existsSync(path) && statSync(path).size > 0) {
    throw new FactsiftError('E_BAD_ARGUMENT', `${path} already exists; pass --resume to continue it or --overwrite to replace it`)
  }
  let fd: number
  try {
    // O_APPEND even for a fresh file: other writers append to it too, and every write must land at the end.
    fd = openSync(path, 'a')
    if (!options.resume) ftruncateSync(fd, 0)
  } catch (error) {
    throw new FactsiftError('E_BAD_ARGUMENT', `cannot write ${path}: ${(error as NodeJS.ErrnoException).code}`)
  }
  const interval = options.syncIntervalMs ?? 100
  let lastSync = Date.now()
  let dirty = false
  // One asynchronous fdatasync at a time: the main thread keeps feeding workers while the disk catches up.
  let syncing: Promise<void> | null = null
  const syncSoon = () => {
    dirty = true
    if (!syncing && Date.now() - lastSync >= interval) {
      dirty = false
      lastSync = Date.now()
      syncing = new Promise<void>((resolve) => fdatasync(fd, () => resolve())).then(() => {
        syncing = null
      })
    }
  }
  const writeLine = (line: string) => {
    // One write call per whole line: a killed process leaves at most a torn last line, which resume cuts off.
    const bytes = Buffer.from(line)
    // A regular file takes the whole buffer in one call; the loop covers the rare short write.
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written)
    syncSoon()
  }
  return {
    append: (record) => writeLine(`${JSON.stringify(record)}\n`),
    appendedElsewhere: syncSoon,
    async close() {
      await syncing
      if (dirty) fdatasyncSync(fd)
      closeSync(fd)
    },
  }
}

/**
 * Ids already recorded in an output file (lines starting with `{"id":`), after cutting off a torn last line left by a
 * crash. Streams the file: outputs of many thousand reports are never loaded whole. Empty when the file is absent.
 */
export async function recoverDoneIds(path: string): Promise<Set<string>> {
  const done = new Set<string>()
  if (!existsSync(path)) return done
  cutTornTail(path)
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity })
  for await (const line of lines) {
    const match = /^\{"id":("(?:[^"\\]|\\.)*")/.exec(line)
    if (match) done.add(JSON.parse(match[1]!) as string)
  }
  return done
}

/** Truncates the file after its last newline, dropping a line that a killed process left half-written. */
function cutTornTail(path: string): void {
  const size = statSync(path).size
  if (size === 0) return
  const fd = openSync(path, 'r+')
  try {
    const chunk = Buffer.alloc(64 * 1024)
    let position = size
    let keep = 0
    while (position > 0) {
      const length = Math.min(chunk.length, position)
      position -= length
      readSync(fd, chunk, 0, length, position)
      const newline = chunk.subarray(0, length).lastIndexOf(0x0a)
      if (newline >= 0) {
        keep = position + newline + 1
        break
      }
    }
    if (keep < size) ftruncateSync(fd, keep)
  } finally {
    closeSync(fd)
  }
}
