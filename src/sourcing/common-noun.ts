// Sentence-initial capitals: "Police said …" and "Unions say …" are common nouns, not names.
import type { AnnotatedDocument } from '../document/types.js'
import { isAllCaps } from './doc-index.js'
import { lexicon } from './lexicon.js'

/** True for a sentence's first word when it is a common noun written with a capital only for that reason. */
export function sentenceInitialCommonNoun(doc: AnnotatedDocument, i: number): boolean {
  const t = doc.tokens[i]!
  if (doc.sentences[t.sentence]?.tokenStart !== i || isAllCaps(doc.text, t)) return false
  const lex = lexicon()
  const w = t.lower
  const singular = w.endsWith('s') ? w.slice(0, -1) : w
  return t.pos === 'NOUN' || [w, singular].some((x) => lex.organizationHeads.has(x) || lex.personRoleHeads.has(x) || lex.documentHeads.has(x) || lex.vaguePlural.has(x) || lex.vagueSingular.has(x))
}
