// Turns a source noun phrase into a name: the entity it mentions (via coreference), else the phrase as written.
import type { AnnotatedDocument } from '../../document/types.js'
import type { CoreferenceOutput, CorefMention } from './types.js'
import type { NounPhrase } from '../shared/speech.js'
import { isDeterminer } from '../shared/speech.js'
import { firstStartingAt, isCapitalized, tokenEndingBy } from '../shared/doc-index.js'
import { roleWordBeforeGivenName, sentenceInitialCommonNoun } from '../shared/common-noun.js'
import { lexicon } from '../shared/lexicon.js'

export interface ResolvedPhrase {
  /** Canonical entity name, or the phrase as written without its determiner ("White House Communication Director"). */
  name: string
  start: number
  end: number
  /** Index into coreference entities, or null for a role or group no entity stands for. */
  entity: number | null
  np: NounPhrase
}

/** The entity mention that ends the phrase's head, if any (binary search over the sorted mentions). */
export function headMention(doc: AnnotatedDocument, coref: CoreferenceOutput | undefined, np: NounPhrase): CorefMention | null {
  if (!coref) return null
  const start = doc.tokens[np.headFirst]!.start
  const end = doc.tokens[np.headLast]!.end
  const mentions = coref.mentions
  let found: CorefMention | null = null
  for (let i = firstStartingAt(mentions, start); i < mentions.length && mentions[i]!.start < end; i++) {
    const m = mentions[i]!
    if (m.end === end || (m.end === end - 2 && doc.text.slice(m.end, end).toLowerCase() === "'s")) found = m
  }
  return found
}

/** Resolves a phrase to its entity (name and mention span) or to its own words. */
export function resolvePhrase(doc: AnnotatedDocument, coref: CoreferenceOutput | undefined, np: NounPhrase): ResolvedPhrase {
  const mention = headMention(doc, coref, np)
  if (mention && coref && !truncatedName(doc, coref, mention, np)) {
    return { name: coref.entities[mention.entity]!.name, start: mention.start, end: mention.end, entity: mention.entity, np }
  }
  let first = np.nameFirst ?? np.first
  const last = np.nameLast ?? np.last
  while (first < last && isDeterminer(doc.tokens[first]!)) first++
  const start = doc.tokens[first]!.start
  const end = doc.tokens[last]!.end
  let name = doc.text.slice(start, end).replace(/\s+/g, ' ')
  // "Police said …": a common noun capitalized only because it opens the sentence.
  const opener = doc.tokens[first]!
  if (sentenceInitialCommonNoun(doc, first)) {
    name = name.charAt(0).toLowerCase() + name.slice(1)
  }
  return { name, start, end, entity: null, np }
}

// "Brightline Energy admitted", "National Oceanic and Atmospheric Administration": an annotator mention ("Energy",
// "Atmospheric Administration") that capitalized non-title words (or "and"/"of" between them) precede inside the
// phrase is a cut-off name; the phrase's own words name the source better.
function truncatedName(doc: AnnotatedDocument, coref: CoreferenceOutput, mention: CorefMention, np: NounPhrase): boolean {
  const entity = coref.entities[mention.entity]!
  if (entity.known || mention.kind === 'title' || mention.kind === 'pronoun' || mention.kind === 'nominal') return false
  const b = tokenEndingBy(doc.tokens, mention.start)
  if (b < np.headFirst) return false
  const before = doc.tokens[b]!
  const joiner = before.lower === 'and' || before.lower === 'of' || before.lower === '&'
  if (!joiner && (!isCapitalized(doc.text, before) || isDeterminer(before))) return false
  if (joiner && (b - 1 < np.headFirst || !isCapitalized(doc.text, doc.tokens[b - 1]!))) return false
  if (!joiner && roleBeforeGivenName(doc, entity.type, b, mention)) return false
  return joiner || (!titleEndsAt(doc, b, np.headFirst) && !lexicon().honorifics.has(before.lower))
}

// "Economist Jane Doe said", "Goalkeeper Ali Khan": a dictionary word capitalized only because it opens the sentence,
// directly before a person mention that starts with a given name, is a descriptor (a role or occupation), not part
// of the name. Multi-word names the annotator kept whole ("Brightline Energy") never reach here as a shorter mention.
function roleBeforeGivenName(doc: AnnotatedDocument, type: string, b: number, mention: CorefMention): boolean {
  if (type !== 'person') return false
  const before = doc.tokens[b]!
  const first = doc.tokens[b + 1]
  if (doc.sentences[before.sentence]?.tokenStart !== b || first === undefined || first.start !== mention.start || first.end >= mention.end) return false
  return roleWordBeforeGivenName(before.lower, first.lower)
}

// "Chief Executive Laura Kim": the capitalized words before the name are a title, not part of it.
function titleEndsAt(doc: AnnotatedDocument, b: number, floor: number): boolean {
  const index = lexicon().titleIndex
  for (let start = Math.max(floor, b - 3); start <= b; start++) {
    for (const words of index.get(doc.tokens[start]!.lower) ?? []) {
      if (start + words.length - 1 !== b) continue
      let ok = true
      for (let k = 1; ok && k < words.length; k++) ok = doc.tokens[start + k]!.lower === words[k]
      if (ok) return true
    }
  }
  return false
}
