// Sentence-initial capitals: "Police said …", "Unions say …" and "Forecasters expect …" are common nouns, not names.
import type { AnnotatedDocument } from '../../document/types.js'
import { isCommonWord } from '../../nlp/common-words.js'
import { isAllCaps, isCapitalized } from './doc-index.js'
import { lexicon } from './lexicon.js'
import { FIRST_NAMES } from '../../nlp/gazetteer.js'

/**
 * "Economist Jane Doe said", "Goalkeeper Ali Khan", "Nurse Maria Lopez": a sentence's first word that is a dictionary
 * word and no given name, directly before a person's name of two or more words that starts with a given name (a known
 * one, or a word the dictionary does not know), is a descriptor (a role or occupation), not part of the name. Words are
 * lower case; the caller checks that the name is a person's and has at least two words.
 */
export function roleWordBeforeGivenName(word: string, next: string): boolean {
  return isCommonWord(word) && !FIRST_NAMES.has(word) && (FIRST_NAMES.has(next) || !isCommonWord(next))
}

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
