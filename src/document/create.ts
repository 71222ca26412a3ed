// Build a Document from plain text (tests, benches, library users who already have clean text).

import { normalizeText } from './normalize.js'
import type { Document, DocumentMeta } from './types.js'

/** A Document whose text is `normalizeText(text)`; metadata fields default to null and language to 'en'. */
export function documentFromText(text: string, meta: Partial<DocumentMeta> = {}): Document {
  return {
    text: normalizeText(text),
    meta: { title: null, url: null, outlet: null, publishedAt: null, byline: null, language: 'en', ...meta },
    warnings: [],
  }
}
