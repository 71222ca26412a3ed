// Reporting verbs and the noun phrases around them: who said, wrote, tweeted or found something, read off the tokens.
import type { AnnotatedDocument, Token } from '../../document/types.js'
import { isAllCaps, isCapitalized } from './doc-index.js'
import { lexicon, type VerbClass, type VerbPhrase } from './lexicon.js'

export interface VerbHit {
  first: number
  last: number
  lemma: string
  classes: ReadonlySet<VerbClass>
}

/** A noun phrase as token indices [first, last]; `head` ends the part that names the source ("Jane Doe" in "Jane Doe, 54,"). */
export interface NounPhrase {
  first: number
  last: number
  headFirst: number
  headLast: number
  /** The part to show as the source's name when no entity stands for it (default [first, last]). */
  nameFirst?: number
  nameLast?: number
}

const NOT_BEFORE_VERB = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your', "'s", 'new',
  'latest', 'recent', 'first', 'last', 'whose', 'no', 'any', 'every', 'such', 'one', 'of', 'in', 'on', 'for', 'to', 'by',
  'with', 'from', 'at', 'about', 'into', 'and', 'or', 'annual', 'final', 'official', 'police', 'news', 'press', 'media',
  'twitter', 'facebook', 'blog', 'research', 'court', 'some', 'many', 'several', 'two', 'three', 'further', 'other',
  // "in another state", "each report", "the same claim": a determiner makes the next word a noun.
  'another', 'each', 'same',
])

const NO_PHRASES: readonly VerbPhrase[] = []
const PARTICIPLE_NEXT = new Set(['“', '"', '‘', "'", ':', 'that'])

/** The reporting verb (one token, or a phrase like "pointed out") starting at token i, or null. */
export function verbAt(doc: AnnotatedDocument, i: number, end: number): VerbHit | null {
  const { tokens, text } = doc
  const token = tokens[i]!
  const lex = lexicon()
  for (const phrase of lex.verbPhrases.get(token.lower) ?? NO_PHRASES) {
    if (i + phrase.words.length > end) continue
    let ok = true
    for (let k = 1; ok && k < phrase.words.length; k++) ok = tokens[i + k]!.lower === phrase.words[k]
    if (ok) return { first: i, last: i + phrase.words.length - 1, lemma: phrase.lemma, classes: phrase.classes }
  }
  const info = lex.verbs.get(token.lower)
  if (!info) return null
  if (info.ambiguous) {
    // "the report", "a claim", "United States": nouns, not verbs.
    const sentenceStart = doc.sentences[token.sentence]?.tokenStart ?? 0
    if (i === sentenceStart || isCapitalized(text, token)) return null
    const prev = tokens[i - 1]!
    // ", saying “…”", ", warning that …": a participle after a comma that introduces a quote or a clause is a verb.
    const participle = prev.lower === ',' && token.lower.endsWith('ing') && PARTICIPLE_NEXT.has(tokens[i + 1]?.lower ?? '')
    if (!participle && (NOT_BEFORE_VERB.has(prev.lower) || prev.kind === 'punctuation' || prev.kind === 'number')) return null
    if (token.pos === 'NOUN' && (prev.pos === 'ADJ' || prev.pos === 'NUM')) return null
    // "the inspection report": a bare form right after a singular noun is a compound noun ("officials report" is a verb).
    if (!token.lower.endsWith('s') && prev.pos === 'NOUN' && !prev.lower.endsWith('s')) return null
  }
  return { first: i, last: i, lemma: info.lemma, classes: info.classes }
}


const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'you'])
/** Words allowed between a subject and its verb: "Smith also said", "she has repeatedly claimed". */
const BETWEEN = new Set([
  'also', 'later', 'then', 'has', 'had', 'have', 'once', 'previously', 'repeatedly', 'recently', 'simply', 'just',
  'further', 'again', 'quickly', 'flatly', 'publicly', 'privately', 'would', 'will', 'did', 'does', 'do', 'never',
  'only', 'already', 'even', 'often', 'frequently', 'earlier', 'first', 'initially', 'finally', 'subsequently',
  'separately', 'angrily', 'calmly', 'bluntly', 'openly', 'explicitly', 'directly', 'falsely', 'wrongly', 'correctly',
  'has', 'himself', 'herself', 'themselves', 'herself', 'was', 'were', 'is', 'are', 'be', 'been', 'not', "n't", 'yet',
  'still', 'now', 'today', 'yesterday', 'since', 'always', 'ultimately', 'reportedly', 'allegedly', 'apparently',
])
const PP_INSIDE = new Set(['of', 'for', 'at', 'from', 'to', 'with'])
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'one', 'another', 'some', 'several', 'many', 'most', 'two', 'three', 'four', 'five', 'other', 'certain', 'no'])
const STOP = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'and', 'or', 'but', 'if', 'when', 'while', 'because', 'as', 'than', 'in',
  'on', 'by', 'after', 'before', 'during', 'about', 'into', 'over', 'under', 'since', 'until', 'via', 'per', 'what',
  'where', 'why', 'how', 'whether', 'so', 'not', "n't", 'there', 'here', 'also', 'then',
])
const LEADING_DROP = new Set([...PP_INSIDE, 'on', 'in', 'by', 'and', 'but', 'so', 'yet', 'as'])
/** "a report by the agency", "data from the census": prepositions kept inside a phrase after a document noun. */
const DOCUMENT_PP = new Set(['by', 'from'])
// Nouns the tagger often reads as verbs in front of another noun ("court documents", "police report").
const NOUN_MODIFIERS = new Set(['court', 'police', 'state', 'city', 'press', 'news', 'party', 'border', 'campaign', 'budget', 'census', 'trial'])
const NEGATIONS = new Set(['not', "n't", 'never', 'no longer'])

/** True for a token that can sit inside a subject noun phrase. */
function nounish(doc: AnnotatedDocument, t: Token): boolean {
  if (t.lower === "'s" || t.lower === '-' || t.lower === '&' || NOUN_MODIFIERS.has(t.lower)) return true
  if (t.kind !== 'word' && t.kind !== 'number') return false
  if (isAllCaps(doc.text, t)) return true // "The WHO warned": an acronym, not the pronoun
  if (STOP.has(t.lower) || BETWEEN_VERBS.has(t.lower)) return false
  if (isCapitalized(doc.text, t)) return true
  if (lexicon().verbs.has(t.lower) && t.pos !== 'NOUN' && t.pos !== 'ADJ') return false
  return t.pos !== 'VERB' && t.pos !== 'AUX' && t.pos !== 'ADV' && t.pos !== 'ADP' && t.pos !== 'SCONJ' && t.pos !== 'CCONJ' && t.pos !== 'PRON' && t.pos !== 'PART'
    || DETERMINERS.has(t.lower) || PP_INSIDE.has(t.lower)
}
const BETWEEN_VERBS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'did', 'does', 'do', 'could', 'should', 'may', 'might', 'must', 'can'])

/**
 * The subject noun phrase ending just before verb token v (skipping "also", "has", …), within tokens ≥ `floor`.
 * Handles pronouns, names with titles, "the"/"a" + role ("a spokesman for the ministry"), appositives ("Jane Doe, the
 * mayor, said") and a parenthesis after a name ("Sen. Doe (D-Calif.) said").
 */
export function subjectBefore(doc: AnnotatedDocument, v: number, floor: number): NounPhrase | null {
  const { tokens } = doc
  let j = v - 1
  let skipped = 0
  while (j >= floor && BETWEEN.has(tokens[j]!.lower) && skipped < 3) {
    j--
    skipped++
  }
  if (j < floor) return null
  const last = tokens[j]!
  if (SUBJECT_PRONOUNS.has(last.lower)) return { first: j, last: j, headFirst: j, headLast: j }
  if (last.lower === ')') {
    let k = j - 1
    while (k >= floor && k > j - 12 && tokens[k]!.lower !== '(') k--
    if (k <= floor || tokens[k]!.lower !== '(') return null
    const inner = phraseEndingAt(doc, k - 1, floor)
    return inner ? { first: inner.first, last: j, headFirst: inner.headFirst, headLast: inner.headLast } : null
  }
  if (last.lower === ',') {
    // "Jane Doe, the mayor, said", "Smith, 54, said", "His lawyer, Nina Patel, said", "Dr. Chen, who leads the study, said"
    let k = j - 1
    while (k >= floor && k > j - 15 && tokens[k]!.lower !== ',') k--
    if (k <= floor || tokens[k]!.lower !== ',') return null
    const head = phraseEndingAt(doc, k - 1, floor)
    if (!head) return null
    const appos = phraseEndingAt(doc, j - 1, k + 1)
    if (appos && appos.first === k + 1 && isName(doc, appos) && !isProperName(doc, head)) {
      return { first: head.first, last: j - 1, headFirst: appos.headFirst, headLast: appos.headLast, nameFirst: appos.first, nameLast: appos.last }
    }
    return { first: head.first, last: j - 1, headFirst: head.headFirst, headLast: head.headLast, nameFirst: head.first, nameLast: head.last }
  }
  return phraseEndingAt(doc, j, floor)
}

/** A noun phrase ending at token j (inclusive), scanning left no further than `floor`. */
export function phraseEndingAt(doc: AnnotatedDocument, j: number, floor: number): NounPhrase | null {
  const { tokens } = doc
  if (j < floor) return null
  const t = tokens[j]!
  if (SUBJECT_PRONOUNS.has(t.lower)) return { first: j, last: j, headFirst: j, headLast: j }
  if (LEADING_DROP.has(t.lower) || DETERMINERS.has(t.lower)) return null // "wants the state to declare": no phrase ends in "to"
  let k = j
  while (k >= floor && j - k < 12) {
    const tok = tokens[k]!
    // "National Oceanic and Atmospheric Administration": "and" between capitalized words stays inside a name.
    if (tok.lower === 'and' && k > floor && isCapitalized(doc.text, tokens[k - 1]!) && isCapitalized(doc.text, tokens[k + 1]!)) {
      k--
      continue
    }
    const documentPP = DOCUMENT_PP.has(tok.lower) && k > floor && lexicon().documentHeads.has(tokens[k - 1]!.lower)
    if (!documentPP && !nounish(doc, tok)) break
    if (PP_INSIDE.has(tok.lower) || documentPP) {
      // "a spokesman for the ministry", "a report by the agency": keep the PP only when a noun precedes it.
      if (k - 1 < floor || !nounish(doc, tokens[k - 1]!) || PP_INSIDE.has(tokens[k - 1]!.lower) || DETERMINERS.has(tokens[k - 1]!.lower)) break
    }
    if (DETERMINERS.has(tok.lower)) {
      const before = tokens[k - 1]
      if (!before || k - 1 < floor || !isPrepositionAt(doc, k - 1) || before.lower === 'to') {
        k--
        break
      }
    }
    k--
  }
  let first = k + 1
  while (first <= j && LEADING_DROP.has(tokens[first]!.lower)) first++
  if (first > j) return null
  if (!hasNoun(doc, first, j)) return null
  const head = headOf(doc, first, j)
  return { first, last: j, headFirst: head[0], headLast: head[1] }
}

/** A noun phrase starting at token k (inverted "said Jane Doe", "according to the Post"), ending before `ceiling`. */
export function phraseStartingAt(doc: AnnotatedDocument, k: number, ceiling: number): NounPhrase | null {
  const { tokens } = doc
  if (k >= ceiling) return null
  const t = tokens[k]!
  if (SUBJECT_PRONOUNS.has(t.lower)) return { first: k, last: k, headFirst: k, headLast: k }
  let j = k
  while (j < ceiling && j - k < 12) {
    const tok = tokens[j]!
    if (tok.lower === 'and' && j > k && j + 1 < ceiling && isCapitalized(doc.text, tokens[j - 1]!) && isCapitalized(doc.text, tokens[j + 1]!)) {
      j++
      continue
    }
    const documentPP = DOCUMENT_PP.has(tok.lower) && j > k && lexicon().documentHeads.has(tokens[j - 1]!.lower)
    if (!documentPP && !nounish(doc, tok)) break
    if (PP_INSIDE.has(tok.lower) || documentPP) {
      const next = tokens[j + 1]
      if (j === k || !next || j + 1 >= ceiling || !nounish(doc, next) || tok.lower === 'to') break
    } else if (DETERMINERS.has(tok.lower) && j > k && !isPrepositionAt(doc, j - 1)) {
      break
    }
    j++
  }
  let last = j - 1
  while (last >= k && (PP_INSIDE.has(tokens[last]!.lower) || DETERMINERS.has(tokens[last]!.lower) || tokens[last]!.lower === "'s")) last--
  if (last < k || !hasNoun(doc, k, last)) return null
  const head = headOf(doc, k, last)
  return { first: k, last, headFirst: head[0], headLast: head[1] }
}

// A preposition inside a phrase: "for" in "spokesman for", or "by" right after a document noun ("report by").
function isPrepositionAt(doc: AnnotatedDocument, i: number): boolean {
  const lower = doc.tokens[i]!.lower
  return PP_INSIDE.has(lower) || (DOCUMENT_PP.has(lower) && i > 0 && lexicon().documentHeads.has(doc.tokens[i - 1]!.lower))
}

function hasNoun(doc: AnnotatedDocument, first: number, last: number): boolean {
  for (let i = first; i <= last; i++) {
    const t = doc.tokens[i]!
    if (DETERMINERS.has(t.lower) || PP_INSIDE.has(t.lower) || t.lower === "'s") continue
    if (isCapitalized(doc.text, t) || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM' || t.kind === 'word') return true
  }
  return false
}

// The head is what comes before a trailing prepositional phrase ("spokesman" in "a spokesman for the ministry").
function headOf(doc: AnnotatedDocument, first: number, last: number): [number, number] {
  for (let i = first + 1; i < last; i++) {
    if (PP_INSIDE.has(doc.tokens[i]!.lower) || DOCUMENT_PP.has(doc.tokens[i]!.lower)) return [first, i - 1]
  }
  return [first, last]
}

/**
 * "said the striker, Jonas Berg, after …": a role followed by a comma and a name takes the name as its head.
 * Returns the phrase unchanged when no such name follows.
 */
export function withAppositiveName(doc: AnnotatedDocument, np: NounPhrase, ceiling: number): NounPhrase {
  const { tokens } = doc
  if (isProperName(doc, np) || tokens[np.last + 1]?.lower !== ',') return np
  const name = phraseStartingAt(doc, np.last + 2, ceiling)
  if (!name || !isName(doc, name)) return np
  const after = tokens[name.last + 1]?.lower
  if (after !== undefined && after !== ',' && after !== '.' && name.last + 1 < ceiling) return np
  return { first: np.first, last: name.last, headFirst: name.headFirst, headLast: name.headLast, nameFirst: name.first, nameLast: name.last }
}

/** True when the phrase is a proper name: it starts with a capitalized word that is not a determiner. */
export function isName(doc: AnnotatedDocument, np: NounPhrase): boolean {
  const t = doc.tokens[np.first]!
  return isCapitalized(doc.text, t) && !DETERMINERS.has(t.lower) && t.kind === 'word'
}

/**
 * A name and nothing else: capitalized at its start and at the end of its head. "Lan's neighbour" starts with a name
 * but is a descriptor (a possessive before a common noun), so an appositive name after it is the speaker.
 */
function isProperName(doc: AnnotatedDocument, np: NounPhrase): boolean {
  return isName(doc, np) && isCapitalized(doc.text, doc.tokens[np.headLast]!)
}

/**
 * "Dahl defended the decision, saying “…”": a participle clause after a comma (saying, adding, warning) has the subject
 * of the main clause, the phrase before the clause's first verb.
 */
export function participleSubject(doc: AnnotatedDocument, verb: VerbHit, floor: number): NounPhrase | null {
  const { tokens } = doc
  if (!tokens[verb.first]!.lower.endsWith('ing') || verb.first - 1 <= floor || tokens[verb.first - 1]!.lower !== ',') return null
  for (let v = floor + 1; v < verb.first - 1; v++) {
    const t = tokens[v]!
    if (t.pos !== 'VERB' || t.lower.endsWith('ing')) continue
    const subject = subjectBefore(doc, v, floor)
    return subject && (subject.first === floor || tokens[subject.first - 1]!.lower === ',') ? subject : null
  }
  return null
}

/** True when "not", "n't" or "never" sits between the subject and the verb at token v ("has not responded"). */
export function negatedBefore(doc: AnnotatedDocument, v: number, floor: number): boolean {
  for (let k = v - 1; k >= floor && k >= v - 4; k--) {
    const lower = doc.tokens[k]!.lower
    if (NEGATIONS.has(lower)) return true
    if (!BETWEEN.has(lower) && !BETWEEN_VERBS.has(lower)) return false
  }
  return false
}

/** Trims leading determiners from a phrase span: the part of "the White House spokesman" to show as a name. */
export function withoutDeterminer(doc: AnnotatedDocument, np: { first: number; last: number }): { first: number; last: number } {
  let first = np.first
  while (first < np.last && DETERMINERS.has(doc.tokens[first]!.lower)) first++
  return { first, last: np.last }
}

/** True when the token is a determiner or quantifier word. */
export function isDeterminer(t: Token): boolean {
  return DETERMINERS.has(t.lower)
}

/** The medium named near an attribution ("tweeted", "in a statement", "on Facebook"), from tokens [from, to). */
export function mediumIn(doc: AnnotatedDocument, from: number, to: number, skip?: (t: Token) => boolean): string | null {
  const media = lexicon().media
  const { tokens } = doc
  for (let i = Math.max(0, from); i < to && i < tokens.length; i++) {
    const t = tokens[i]!
    if (skip?.(t)) continue
    const next = tokens[i + 1]
    if (next && i + 1 < to) {
      const two = media.get(`${t.lower} ${next.lower}`)
      if (two) return two
    }
    const one = media.get(t.lower)
    if (one) return one
  }
  return null
}
