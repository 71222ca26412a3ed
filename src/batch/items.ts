// One unit of batch work: an article input with a stable id and where it came from in the input.
import { createHash } from 'node:crypto'
import type { ArticleInput } from '../ingest/types.js'

export interface BatchItem {
  /** Position in the input, from 0: output order and progress count follow it. */
  seq: number
  /** The id given in the input, else a content hash: the key for resume and queue idempotency. */
  id: string
  /** 1-based line (JSONL, CSV) or the file name (directory input), for error messages. */
  where: string
  input: ArticleInput
  /** A file to read instead of `input` (directory input): ingest's file reading, size limits and sniffing apply. */
  file?: string
  /** With the pool's output 'json' (the server): save the report to the thread's store. */
  store?: boolean
}

/** An input row that could not become an item; it is reported and the batch goes on. */
export interface BatchInputError {
  seq: number
  id: string
  where: string
  error: { code: string; message: string }
}

export type BatchEntry = ({ kind: 'item' } & BatchItem) | ({ kind: 'error' } & BatchInputError)

/** A content hash id for inputs without one: the same article always gets the same id. */
export function contentId(input: ArticleInput): string {
  const hash = createHash('sha256')
  for (const part of [input.text, input.html, input.url, input.title]) hash.update(`${part ?? ''}\u0000`)
  return `sha256:${hash.digest('hex').slice(0, 24)}`
}

/**
 * Ids seen in one input, with a hash of their content: `check` answers null for a new id (and remembers it), 'same'
 * for an id seen with the same content (skip it), or where the id was first seen when the content differs.
 */
export function createIdTracker() {
  const seen = new Map<string, { hash: string; where: string }>()
  return {
    check(entry: BatchEntry): 'same' | string | null {
      const hash = entry.kind === 'item' ? (entry.file ?? contentId(entry.input)) : `error:${entry.error.message}`
      const earlier = seen.get(entry.id)
      if (!earlier) {
        seen.set(entry.id, { hash, where: entry.where })
        return null
      }
      return earlier.hash === hash ? 'same' : earlier.where
    },
  }
}
