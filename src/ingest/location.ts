// ingestLocation(): '-' (stdin), an http(s) URL, or a file path → Document.
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { Document } from '../document/types.js'
import type { Limits } from './limits.js'
import { FactsiftError } from '../errors.js'
import { ingestBytes, ingestUrl } from './ingest.js'
import { readLimited } from './read-limited.js'
import { checkSize } from './size-limit.js'
import { kindFromExtension } from './sniff.js'
import type { IngestIo } from './types.js'

/**
 * Ingest from a location: '-' reads stdin (kind sniffed), 'http://' or 'https://' fetches safely, any other
 * 'scheme://' is E_FETCH_BLOCKED, anything else is a file path (kind from .txt/.md/.html/.htm/.json, else sniffed).
 * Every path stops reading at `limits.maxBytes` (E_INPUT_TOO_LARGE); missing or unreadable files are E_INPUT_NOT_FOUND.
 */
export async function ingestLocation(location: string, limits: Limits, io: IngestIo = {}): Promise<Document> {
  const stated = io.overrides ?? {}
  if (location === '-') {
    const bytes = await readLimited(io.stdin ?? process.stdin, limits.maxBytes, 'stdin')
    return ingestBytes(bytes, { kind: null, stated, limits })
  }
  if (/^https?:\/\//i.test(location)) return ingestUrl(location, limits, stated)
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) {
    throw new FactsiftError('E_FETCH_BLOCKED', `only http and https URLs can be fetched: ${location}`)
  }
  const bytes = await readFile(location, limits.maxBytes)
  return ingestBytes(bytes, { kind: kindFromExtension(location), stated, limits })
}

async function readFile(path: string, maxBytes: number): Promise<Buffer> {
  let size: number
  try {
    const info = await stat(path)
    if (info.isDirectory()) throw new FactsiftError('E_INPUT_NOT_FOUND', `${path} is a directory, not a file`)
    size = info.isFile() ? info.size : 0
  } catch (error) {
    if (error instanceof FactsiftError) throw error
    throw notFound(path, error)
  }
  // Regular files are refused before reading; pipes and devices report no size and are cut off while streaming.
  checkSize(size, maxBytes, path)
  return readLimited(createReadStream(path), maxBytes, path)
}

function notFound(path: string, error: unknown): FactsiftError {
  const code = (error as NodeJS.ErrnoException).code
  const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (code ?? 'cannot read')
  return new FactsiftError('E_INPUT_NOT_FOUND', `cannot read ${path}: ${why}`, { path })
}
