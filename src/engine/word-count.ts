// Word count for the report: word and number tokens, the way editors count words.
import type { AnnotatedDocument } from '../document/types.js'

export function countWords(doc: AnnotatedDocument): number {
  let words = 0
  for (const token of doc.tokens) if (token.kind === 'word' || token.kind === 'number') words++
  return words
}
