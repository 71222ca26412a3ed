// A report's id: a short content hash, so the same article (text and metadata) always gets the same id.
import { hash } from 'node:crypto'
import type { Document } from '../document/types.js'

export function documentId(doc: Document): string {
  // One-shot hash of text, title and URL separated by NULs (the same bytes, and id, as three hash updates).
  return hash('sha256', `${doc.text}\u0000${doc.meta.title ?? ''}\u0000${doc.meta.url ?? ''}`, 'hex').slice(0, 20)
}
