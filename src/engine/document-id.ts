// A report's id: a short content hash, so the same article (text and metadata) always gets the same id.
import { createHash, hash } from 'node:crypto'
import type { Document } from '../document/types.js'

// Above this many UTF-16 units the text is hashed in place: joining it to the metadata first would copy a long text
// (16 MB, twice that when it holds a character past Latin-1) only to hash the copy.
const JOIN_LIMIT = 64 * 1024

export function documentId(doc: Document): string {
  // Text, title and URL separated by NULs: the same bytes, and id, whether hashed joined in one shot (faster for a
  // short article) or by updates.
  const title = doc.meta.title ?? ''
  const url = doc.meta.url ?? ''
  if (doc.text.length <= JOIN_LIMIT) return hash('sha256', `${doc.text}\u0000${title}\u0000${url}`, 'hex').slice(0, 20)
  return createHash('sha256').update(doc.text).update(`\u0000${title}\u0000${url}`).digest('hex').slice(0, 20)
}
