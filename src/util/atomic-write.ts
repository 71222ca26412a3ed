// Output files appear whole or not at all: write to a temp file beside the target, fsync, then rename over it.
import { openSync, writeSync, fsyncSync, closeSync, renameSync, unlinkSync } from 'node:fs'
import { dirname, basename, join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { FactsiftError } from '../errors.js'

/** Writes `content` to `path` atomically; on any failure the target is untouched and no temp file remains. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  let fd: number | undefined
  try {
    fd = openSync(temp, 'wx', 0o644)
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content)
    fsyncSync(fd)
    closeSync(fd)
    fd = undefined
    renameSync(temp, path)
  } catch (error) {
    if (fd !== undefined) closeSync(fd)
    try {
      unlinkSync(temp)
    } catch {
      // the temp file was never created or is already gone
    }
    throw new FactsiftError('E_BAD_ARGUMENT', `cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
}
