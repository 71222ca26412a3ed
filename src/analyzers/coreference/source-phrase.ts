// Decides what a source phrase is: named (a person, organization, outlet or document) or vague (unnamed, hedged).
import type { AnnotatedDocument } from '../../document/types.js'
import type { SourceKind } from '../../report/types.js'
import type { CoreferenceOutput } from './types.js'
import { isAllCaps, isCapitalized } from '../shared/doc-index.js'
import { sentenceInitialCommonNoun } from '../shared/common-noun.js'
import { lexicon } from '../shared/lexicon.js'
import { knownOutlet, type OutletTable } from '../../nlp/outlets.js'
import { resolvePhrase, type ResolvedPhrase } from './resolve-phrase.js'
import type { NounPhrase } from '../shared/speech.js'
import { matchTitleWords } from '../shared/title-words.js'

export interface SourceJudgement {
  vague: boolean
  name: string
  kind: SourceKind
  start: number
  end: number
  entity: number | null
}

const GROUP_PRONOUNS = new Set(['they', 'we', 'you', 'it', 'i'])

/** Classifies the subject of a reporting verb or the object of "according to". */
export function judgeSource(doc: AnnotatedDocument, coref: CoreferenceOutput | undefined, outlets: OutletTable, np: NounPhrase): SourceJudgement {
  const { tokens, text } = doc
  const lex = lexicon()
  const resolved = resolvePhrase(doc, coref, np)
  const headLast = tokens[np.headLast]!
  const headWord = headLast.lower
  const first = tokens[np.first]!
  if (resolved.entity !== null && coref) {
    const entity = coref.entities[resolved.entity]!
    const outlet = knownOutlet(outlets, entity.name)
    if (outlet) return judged(resolved, false, outlet, 'outlet')
    return judged(resolved, false, entity.name, entity.type === 'person' ? 'person' : 'organization')
  }
  if (np.first === np.last && GROUP_PRONOUNS.has(first.lower)) {
    return judged(resolved, true, first.lower, 'unnamed')
  }
  let proper = false
  let properAnywhere = false
  for (let i = np.first; i <= np.last; i++) {
    const t = tokens[i]!
    if (t.kind !== 'word' || !isCapitalized(text, t) || (i === np.first && (lex.vagueDeterminers.has(t.lower) || t.lower === 'the'))) continue
    if (sentenceInitialCommonNoun(doc, i)) continue // "Unions say …" is capitalized only because it opens the sentence
    properAnywhere = true
    if (i >= np.headFirst && i <= np.headLast) proper = true
  }
  // Outlet names are proper nouns: "one insider" is not Business Insider.
  const outlet = properAnywhere || isAllCaps(text, headLast) ? knownOutlet(outlets, resolved.name) : null
  if (outlet) return judged(resolved, false, outlet, 'outlet')
  const determiner = first.lower
  if (lex.spokespeople.has(headWord) || (np.headLast > np.headFirst && lex.spokespeople.has(`${tokens[np.headLast - 1]!.lower} ${headWord}`))) {
    return judged(resolved, false, resolved.name, 'person')
  }
  if (lex.documentHeads.has(headWord)) {
    // "data from the National Oceanic and Atmospheric Administration", "a report by the GAO": the author is the source.
    const author = authorOf(doc, coref, np)
    if (author) return author
    let definiteInside = false
    for (let i = np.first + 1; i <= np.last; i++) if (tokens[i]!.lower === 'the') definiteInside = true
    const named = properAnywhere || determiner === 'the' || definiteInside || NAMED_DOCUMENT_MODIFIERS.has(tokens[np.headFirst]!.lower)
    return named ? judged(resolved, false, resolved.name, 'document') : judged(resolved, true, headWord, 'unnamed')
  }
  if (lex.vaguePlural.has(headWord) || lex.vagueSingular.has(headWord)) {
    return judged(resolved, true, headWord, 'unnamed')
  }
  if (matchTitleWords(doc, np) || lex.personRoleHeads.has(headWord)) {
    return judged(resolved, false, resolved.name, 'person')
  }
  if (proper && np.headFirst < np.headLast && hasOutletWord(doc, np)) return judged(resolved, false, resolved.name, 'outlet')
  if (lex.organizationHeads.has(headWord) || proper) return judged(resolved, false, resolved.name, proper && isPersonName(doc, np) ? 'person' : 'organization')
  if (SINGLE_PERSON.has(first.lower)) return judged(resolved, false, resolved.name, 'person')
  // "The defendant denies …": a definite singular role points at someone the story has identified.
  if (DEFINITE.has(determiner) && !headWord.endsWith('s')) return judged(resolved, false, resolved.name, 'person')
  return judged(resolved, true, headWord, 'unnamed')
}

function authorOf(doc: AnnotatedDocument, coref: CoreferenceOutput | undefined, np: NounPhrase): SourceJudgement | null {
  const { tokens } = doc
  for (let i = np.headLast + 1; i < np.last; i++) {
    const lower = tokens[i]!.lower
    if (lower !== 'by' && lower !== 'from') continue
    let first = i + 1
    while (first <= np.last && tokens[first]!.lower === 'the') first++
    if (first > np.last || !isCapitalized(doc.text, tokens[first]!)) return null
    const sub: NounPhrase = { first, last: np.last, headFirst: first, headLast: np.last }
    const resolved = resolvePhrase(doc, coref, sub)
    const entity = resolved.entity !== null && coref ? coref.entities[resolved.entity]! : null
    return judged(resolved, false, entity?.name ?? resolved.name, entity?.type === 'person' ? 'person' : 'organization')
  }
  return null
}

// Built with one fixed shape (an object spread here cost more than the rest of the function).
function judged(resolved: ResolvedPhrase, vague: boolean, name: string, kind: SourceKind): SourceJudgement {
  return { vague, name, kind, start: resolved.start, end: resolved.end, entity: resolved.entity }
}

const SINGLE_PERSON = new Set(['he', 'she'])
const DEFINITE = new Set(['the', 'his', 'her', 'their', 'its', 'this', 'that'])
// "court documents show": an official record, named by its kind.
const NAMED_DOCUMENT_MODIFIERS = new Set(['court', 'police', 'government', 'official', 'federal', 'state', 'public', 'census', 'company', 'internal'])

function hasOutletWord(doc: AnnotatedDocument, np: NounPhrase): boolean {
  const words = lexicon().outletWords
  for (let i = np.headFirst; i <= np.headLast; i++) if (words.has(doc.tokens[i]!.lower)) return true
  return false
}

// Two or three capitalized words with no organization word: most likely a person the annotator did not type.
function isPersonName(doc: AnnotatedDocument, np: NounPhrase): boolean {
  const n = np.headLast - np.headFirst + 1
  if (n < 2 || n > 3) return false
  const orgs = lexicon().organizationHeads
  for (let i = np.headFirst; i <= np.headLast; i++) {
    const t = doc.tokens[i]!
    if (!isCapitalized(doc.text, t) || orgs.has(t.lower)) return false
  }
  return true
}
