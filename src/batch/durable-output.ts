// Append-only JSONL output that survives `kill -9`: every line is written whole with one write call (here, or by the
// batch's analysis threads through their own O_APPEND descriptors), the file is fdatasync'ed at least every
// `syncIntervalMs`, and on resume what a crash or a failed write left is cut off and the done ids re-read.
// Whole lines rely on a local file system's appends (ext4, XFS: each write takes the file's lock and goes to its end);
// on NFS or FUSE mounts several writers may interleave, and resume then cuts the file at the first broken line.
import { openSync, writeSync, fdatasyncSync, fdatasync, closeSync, existsSync, ftruncateSync, statSync, fstatSync, readSync, createReadStream } from 'node:fs'
import { FactsiftError } from '../errors.js'

export interface DurableAppender {
  append(record: object): void
  /** Another writer appended to the file: it is synced with the next round like this appender's own lines. */
  appendedElsewhere(): void
  /** Waits for the last sync and closes the file. */
  close(): Promise<void>
}

/**
 * Appends `bytes` with one write call. A short write (disk full, file-size limit) is a failure, not retried: the rest
 * would land after other writers' lines and split the record; resume cuts the fragment off instead.
 */
export function appendWhole(fd: number, bytes: Uint8Array, path: string): void {
  let written: number
  try {
    written = writeSync(fd, bytes)
  } catch (error) {
    throw new FactsiftError('E_OUTPUT_FAILED', `cannot write ${path}: ${(error as Error).message}`)
  }
  if (written !== bytes.length) throw new FactsiftError('E_OUTPUT_FAILED', `cannot write ${path}: ${written} of ${bytes.length} bytes written`)
}

/**
 * Opens `path` for appending (`resume`) or creates it fresh (refusing to overwrite unless `overwrite`), O_APPEND, so
 * that other threads may append to the file through their own O_APPEND descriptors.
 */
export function openAppender(path: string, options: { resume: boolean; overwrite: boolean; syncIntervalMs?: number }): DurableAppender {
  if (!options.resume && !options.overwrite && existsSync(path) && statSync(path).size > 0) {
    throw new FactsiftError('E_BAD_ARGUMENT', `${path} already exists; pass --resume to continue it or --overwrite to replace it`)
  }
  let fd: number
  try {
    // O_APPEND even for a fresh file: other writers append to it too, and every write must land at the end.
    fd = openSync(path, 'a')
  } catch (error) {
    throw new FactsiftError('E_BAD_ARGUMENT', `cannot write ${path}: ${(error as NodeJS.ErrnoException).code}`)
  }
  // A pipe, terminal or device would neither keep long lines whole between writers nor take fdatasync.
  if (!fstatSync(fd).isFile()) {
    closeSync(fd)
    throw new FactsiftError('E_BAD_ARGUMENT', `${path} is not a regular file; the output must be one`)
  }
  if (!options.resume) ftruncateSync(fd, 0)
  const interval = options.syncIntervalMs ?? 100
  let lastSync = Date.now()
  // One asynchronous fdatasync at a time: the main thread keeps feeding workers while the disk catches up. A failed
  // sync (EIO) is reported when the file is closed: the batch must not end well after it.
  let syncing: Promise<void> | null = null
  let syncError: Error | null = null
  const syncSoon = () => {
    if (!syncing && Date.now() - lastSync >= interval) {
      lastSync = Date.now()
      syncing = new Promise<void>((resolve) => fdatasync(fd, (error) => {
        syncError ??= error
        resolve()
      })).then(() => {
        syncing = null
      })
    }
  }
  return {
    // One write call per whole line: a killed process leaves at most a torn last line, which resume cuts off.
    append: (record) => {
      appendWhole(fd, Buffer.from(`${JSON.stringify(record)}\n`), path)
      syncSoon()
    },
    appendedElsewhere: syncSoon,
    async close() {
      await syncing
      try {
        fdatasyncSync(fd)
      } catch (error) {
        syncError ??= error as Error
      } finally {
        closeSync(fd)
      }
      if (syncError) throw new FactsiftError('E_OUTPUT_FAILED', `cannot write ${path}: ${syncError.message}`)
    },
  }
}

/**
 * Ids already recorded in an output file, after cutting off what a crash or a failed write left: a torn last line, and
 * from the first line that is not a whole record on (a fragment that a failed write left before other threads' lines
 * went on being appended); the items cut are redone, so each is still recorded once. Streams the file: outputs of many
 * thousand reports are never loaded whole. Empty when the file is absent.
 */
export async function recoverDoneIds(path: string): Promise<Set<string>> {
  const done = new Set<string>()
  if (!existsSync(path)) return done
  cutTornTail(path)
  let cutAt: number | null = null
  for await (const { start, text } of linesWithOffsets(path)) {
    if (text === '') continue
    const id = recordId(text)
    if (id === null) {
      cutAt = start
      break
    }
    done.add(id)
  }
  if (cutAt !== null) truncateTo(path, cutAt)
  return done
}

/** The id of a whole output record (a JSON object with a string id), or null for anything else. */
function recordId(line: string): string | null {
  try {
    const record = JSON.parse(line) as unknown
    return record !== null && typeof record === 'object' && typeof (record as { id?: unknown }).id === 'string' ? (record as { id: string }).id : null
  } catch {
    return null
  }
}

/** The file's newline-terminated lines with the byte offset each starts at. */
async function* linesWithOffsets(path: string): AsyncGenerator<{ start: number; text: string }> {
  let parts: Buffer[] = []
  let lineStart = 0
  let position = 0
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let from = 0
    for (let newline = chunk.indexOf(0x0a); newline >= 0; newline = chunk.indexOf(0x0a, from)) {
      parts.push(chunk.subarray(from, newline))
      const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts)
      yield { start: lineStart, text: bytes.toString('utf8') }
      lineStart = position + newline + 1
      parts = []
      from = newline + 1
    }
    if (from < chunk.length) parts.push(chunk.subarray(from))
    position += chunk.length
  }
}

function truncateTo(path: string, size: number): void {
  const fd = openSync(path, 'r+')
  try {
    ftruncateSync(fd, size)
  } finally {
    closeSync(fd)
  }
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
