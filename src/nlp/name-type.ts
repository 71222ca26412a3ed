// Typing one proper name from the evidence around it: gazetteers, cues, titles, first names, context.

import { DEMONYMS, FIRST_NAMES, ORGANIZATIONS, OTHER_CUES, OTHER_HEADS, PLACE_CUES, PLACES } from './gazetteer.js'
import { isOnlyCommonWord } from './common-words.js'
import { ACRONYM, CAMEL_CASE, COMPASS, NOT_ACRONYMS, PARTICLES } from './name-words.js'

export type NameType = 'person' | 'organization' | 'place' | 'other'

/** What is known about one candidate name when it is typed. */
export interface NameEvidence {
  /** Lower-cased text without a leading "the". */
  key: string
  /** Lower-cased first and last words, and the number of tokens. */
  first: string
  last: string
  words: number
  surface: string
  inHeadline: boolean
  hasOrgCue: boolean
  /** A title before it ("President Trump", "Democrat Ruben Gallego"). */
  titleBefore: boolean
  /** A speech verb after it ("Brennan said"). */
  speechAfter: boolean
  /** A capitalized "The" before it inside a sentence ("in The Lancet"). */
  afterThe: boolean
  /** "in Riverton", "near Sarasota". */
  placePrepositionBefore: boolean
  /** Whether its first words are a known place ("Seattle Reign"); computed only when needed. */
  placePrefix: () => boolean
}

/**
 * Evidence in order of strength: gazetteers, acronyms, organization cues, law/event cues, titles, first names, place
 * cues, a speech verb after, "The" before, a place as first word, the multi-word default (person), brand-like
 * camel case, a place preposition. null: a name of unknown type; undefined: not a name at all.
 */
export function typeOfName(e: NameEvidence): NameType | null | undefined {
  const single = e.words === 1
  if (PLACES.has(e.key)) return 'place'
  if (ORGANIZATIONS.has(e.key)) return 'organization'
  if (DEMONYMS.has(e.key)) return 'other'
  if (single && ACRONYM.test(e.surface)) return NOT_ACRONYMS.has(e.key) || e.inHeadline ? undefined : 'organization'
  if (e.hasOrgCue && !(e.titleBefore && e.words <= 3 && FIRST_NAMES.has(e.first))) return 'organization'
  if (!single && (OTHER_CUES.has(e.last) || OTHER_HEADS.has(e.first))) return 'other'
  if (e.titleBefore) return 'person'
  if (!single && FIRST_NAMES.has(e.first)) return 'person'
  if (!single && (PLACE_CUES.has(e.last) || (e.words === 2 && COMPASS.has(e.first)))) return 'place'
  // "Brightline Energy", "Northwind Air": a person's name does not end in a word that is only ever a common noun.
  if (!single && e.words <= 4 && isOnlyCommonWord(e.last) && !hasParticle(e.key)) return 'organization'
  if (e.speechAfter) return 'person'
  if (e.afterThe) return 'organization'
  if (!single && e.placePrefix()) return 'organization'
  if (!single && e.words <= 4) return 'person'
  // "NetChoice", "PayPal": a capital inside a word is a brand.
  if (single && CAMEL_CASE.test(e.surface)) return 'organization'
  if (single && e.placePrepositionBefore) return 'place'
  return null
}

// "Usama bin Laden", "Ursula von der Leyen": a particle inside marks a person's name.
function hasParticle(key: string): boolean {
  const words = key.split(' ')
  for (let i = 1; i < words.length - 1; i++) if (PARTICLES.has(words[i])) return true
  return false
}
