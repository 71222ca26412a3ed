// A report's id: a short content hash, so the same article (text and metadata) always gets the same id.
import { createHash } from 'node:crypto'
import type { Document } from '../document/types.js'

export function documentId(doc: Document): string {
  const hash = createHash('sha256')
  hash.update(doc.text)
  hash.update('\u0000')
  hash.update(doc.meta.title ?? '')
  hash.update('\u0000')
  hash.update(doc.meta.url ?? '')
  return hash.digest('hex').slice(0, 20)
}
