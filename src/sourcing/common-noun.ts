// Sentence-initial capitals: "Police said …", "Unions say …" and "Forecasters expect …" are common nouns, not names.
import type { AnnotatedDocument } from '../document/types.js'
import { isCommonWord } from '../nlp/common-words.js'
import { isAllCaps, isCapitalized } from './doc-index.js'
import { lexicon } from './lexicon.js'

/** True for a sentence's first word when it is a common noun written with a capital only for that reason. */
export function sentenceInitialCommonNoun(doc: AnnotatedDocument, i: number): boolean {
  const t = doc.tokens[i]!
  if (doc.sentences[t.sentence]?.tokenStart !== i || isAllCaps(doc.text, t)) return false
  const lex = lexicon()
  const w = t.lower
  const singular = w.endsWith('s') ? w.slice(0, -1) : w
  if (t.pos === 'NOUN' || [w, singular].some((x) => lex.organizationHeads.has(x) || lex.personRoleHeads.has(x) || lex.documentHeads.has(x) || lex.vaguePlural.has(x) || lex.vagueSingular.has(x))) {
    return true
  }
  // Any other dictionary word standing alone (no capitalized word after it) that the annotator did not take for a
  // name: wink tags most capitalized sentence openers PROPN.
  const next = doc.tokens[i + 1]
  if (next && next.kind === 'word' && isCapitalized(doc.text, next)) return false
  return isCommonWord(w) && !startsEntityMention(doc, t.start)
}

function startsEntityMention(doc: AnnotatedDocument, start: number): boolean {
  for (const entity of doc.entities) for (const m of entity.mentions) if (m.start === start) return true
  return false
}
