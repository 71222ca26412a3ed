// The attribution cues of one sentence: reporting verbs with their subjects, "according to", and vague wording.
import type { AnnotatedDocument } from '../../document/types.js'
import type { CoreferenceOutput } from '../coreference/types.js'
import type { QuoteFinding } from '../quotes/types.js'
import type { OutletTable } from '../../nlp/outlets.js'
import { negatedBefore, participleSubject, phraseEndingAt, phraseStartingAt, subjectBefore, verbAt, type NounPhrase } from '../shared/speech.js'
import { lexicon } from '../shared/lexicon.js'
import { judgeSource, type SourceJudgement } from '../coreference/source-phrase.js'
import { createTokenPhraseMatcher, phraseWords, type TokenPhraseMatcher } from '../shared/token-phrases.js'
import vagueCues from './vague-cues.json' with { type: 'json' }

export interface Cue {
  start: number
  end: number
  vague: boolean
  /** For named cues, who; for vague cues, the label of the unnamed source ("analysts", "reports"). */
  source: SourceJudgement
}

export interface CueContext {
  doc: AnnotatedDocument
  coref: CoreferenceOutput | undefined
  outlets: OutletTable
  /** True when the token lies inside a quotation (its words are the speaker's, not the article's). */
  quoted: (token: number) => boolean
  /** Named source of the previous sentence, for "It said" / "They added". */
  previous: SourceJudgement | null
}

let matcher: TokenPhraseMatcher | undefined
const LABELS = vagueCues.phrases as Record<string, string>

function vagueMatcher(): TokenPhraseMatcher {
  matcher ??= createTokenPhraseMatcher(Object.keys(LABELS), vagueCues.skippable)
  return matcher
}

let startWords: Set<string> | undefined

/**
 * Words a cue can start with: a vague phrase's first word, a reporting verb or the first word of a verb phrase, and
 * "according". Every other token is passed over with this one lookup instead of three.
 */
function cueStartWords(): Set<string> {
  if (!startWords) {
    const lex = lexicon()
    startWords = new Set(['according', ...lex.verbs.keys(), ...lex.verbPhrases.keys()])
    for (const phrase of Object.keys(LABELS)) {
      const first = phraseWords(phrase)[0]
      if (first !== undefined) startWords.add(first)
    }
  }
  return startWords
}

const BE = new Set(['is', 'are', 'was', 'were', 'been', 'being', 'be', "'s", "'re"])
const ADVERBS = new Set(['also', 'widely', 'long', 'often', 'repeatedly', 'previously', 'now', 'not', "n't", 'never', 'recently', 'first'])
const OBJECT_OF = new Set(['on', 'in', 'at', 'of', 'for', 'with', 'by', 'to', 'from', 'about', 'into', 'than'])
const LOCATIVE = new Set(['in', 'inside', 'within', 'at', 'across', 'around', 'near'])
const NOBODY = new Set(['neither', 'no', 'none', 'nobody', 'nor'])
const SELF = new Set(['i', 'we', 'you', 'me', 'us'])
const ANAPHORS = new Set(['it', 'they'])

/** Cues in tokens [from, to), in text order. Words inside quotations are skipped. */
export function sentenceCues(ctx: CueContext, from: number, to: number): Cue[] {
  const { doc, coref, outlets, quoted } = ctx
  const { tokens } = doc
  const cues: Cue[] = []
  const vague = vagueMatcher()
  const starts = cueStartWords()
  for (let i = from; i < to; i++) {
    if (quoted(i) || !starts.has(tokens[i]!.lower)) continue
    const phrase = vague.matchAt(tokens, i, to)
    if (phrase) {
      const start = tokens[phrase.first]!.start
      const end = tokens[phrase.last]!.end
      cues.push({ start, end, vague: true, source: { vague: true, name: LABELS[phrase.phrase] ?? 'unattributed', kind: 'unnamed', start, end, entity: null } })
      i = phrase.last
      continue
    }
    const t = tokens[i]!
    if (t.lower === 'according' && tokens[i + 1]?.lower === 'to') {
      const np = phraseStartingAt(doc, i + 2, to)
      if (np) {
        const source = judgeSource(doc, coref, outlets, np)
        cues.push({ start: t.start, end: tokens[np.last]!.end, vague: source.vague, source })
        i = np.last
      }
      continue
    }
    const verb = verbAt(doc, i, to)
    if (!verb) continue
    const stanceOnly = verb.classes.has('stance') && !verb.classes.has('speech')
    const reporting = verb.classes.has('speech') || verb.classes.has('cognition') || verb.classes.has('finding') || stanceOnly
    // "has not responded", "will announce": nothing was said (yet).
    if (!reporting || negatedBefore(doc, verb.first, from) || modalBefore(doc, verb.first, from)) continue
    // "criticized the bank" reports an act, not a statement; "accused X of lying", "urged X to resign" carry content.
    if (stanceOnly && !hasComplement(doc, verb.last + 1, to, quoted)) continue
    if (isPassive(doc, verb.first, from)) {
      // "was reported by the Post" names its source; other passives ("was confirmed") attribute nothing.
      if (tokens[verb.last + 1]?.lower === 'by') {
        const np = phraseStartingAt(doc, verb.last + 2, to)
        if (np && (!stanceOnly || hasComplement(doc, np.last + 1, to, quoted))) {
          const source = judgeSource(doc, coref, outlets, np)
          cues.push({ start: t.start, end: tokens[np.last]!.end, vague: source.vague, source })
          i = np.last
        }
      }
      continue
    }
    // "Police arrested him, saying that …": a participle clause has the main clause's subject.
    let np = participleSubject(doc, verb, from) ?? subjectBefore(doc, verb.first, from)
    // "Sources inside the company say", "Many people in the town are saying": a place phrase after the subject.
    if (np && np.first - 2 >= from && LOCATIVE.has(tokens[np.first - 1]!.lower)) {
      const outer = phraseEndingAt(doc, np.first - 2, from)
      if (outer && (outer.first === from || tokens[outer.first - 1]!.lower === ',')) np = outer
    }
    // "on record criticizing": the object of a preposition is no subject.
    if (np && (quoted(np.first) || (np.first > from && OBJECT_OF.has(tokens[np.first - 1]!.lower)))) np = null
    if (!np && i > from && (tokens[i - 1]!.lower === ',' || quoted(i - 1))) np = phraseStartingAt(doc, verb.last + 1, to)
    if (!np && (verb.classes.has('finding') || verb.classes.has('speech'))) np = documentSubject(doc, from, verb.first)
    if (!np) continue
    const head = tokens[np.headFirst]!
    if (np.first === np.last && SELF.has(head.lower)) continue
    // "Neither bank commented", "No official said": nobody speaks.
    if (NOBODY.has(tokens[np.first]!.lower)) continue
    let source: SourceJudgement
    if (np.first === np.last && ANAPHORS.has(head.lower)) {
      if (!ctx.previous) continue
      source = { ...ctx.previous, start: head.start, end: head.end }
    } else {
      source = judgeSource(doc, coref, outlets, np)
    }
    // "found", "shows": only documents find or show things in the sense of a source.
    const documentHead = lexicon().documentHeads.has(tokens[np.headLast]!.lower)
    if (verb.classes.has('finding') && !verb.classes.has('speech') && !verb.classes.has('cognition') && !stanceOnly && !documentHead && source.kind !== 'document' && !source.vague) continue
    if (!verb.classes.has('speech') && verb.classes.has('cognition') && source.kind === 'document') continue
    const start = Math.min(tokens[np.first]!.start, t.start)
    const end = Math.max(tokens[np.last]!.end, tokens[verb.last]!.end)
    cues.push({ start, end, vague: source.vague, source })
    i = Math.max(i, verb.last)
  }
  return cues
}

/** A named cue for each attributed quote in the sentence that is not already covered by a cue. */
export function quoteCues(quotes: readonly QuoteFinding[], cues: readonly Cue[]): Cue[] {
  const out: Cue[] = []
  for (const q of quotes) {
    if (q.speaker === null || q.speakerStart === null || q.speakerEnd === null) continue
    if (cues.some((c) => c.start <= q.speakerStart! && q.speakerEnd! <= c.end)) continue
    out.push({
      start: q.speakerStart,
      end: q.speakerEnd,
      vague: q.speakerKind === 'unnamed',
      source: { vague: q.speakerKind === 'unnamed', name: q.speaker, kind: q.speakerKind ?? 'person', start: q.speakerStart, end: q.speakerEnd, entity: q.speakerEntity },
    })
  }
  return out
}

const COMPLEMENT = new Set(['that', 'of', 'as'])
// "urged him to resign", "criticized him for failing": a preposition followed by a verb.
const VERBAL_COMPLEMENT = new Set(['to', 'for', 'over'])

function hasComplement(doc: AnnotatedDocument, from: number, to: number, quoted: (i: number) => boolean): boolean {
  let seen = 0
  for (let i = from; i < to && seen < 8; i++) {
    // A title or label in quotes is skipped with its commas: "dismissed its slogan, “Forward Together,” as empty".
    if (quoted(i) || (doc.tokens[i]!.lower === ',' && (quoted(i + 1) || quoted(i - 1)))) continue
    seen++
    const lower = doc.tokens[i]!.lower
    // "recalled 80,000 jars of baby food": "of" after a counted noun is part of the object, not "accused her of lying".
    if (lower === 'of' && i - 2 >= from && doc.tokens[i - 2]!.kind === 'number') continue
    if (COMPLEMENT.has(lower)) return true
    const next = doc.tokens[i + 1]
    if (VERBAL_COMPLEMENT.has(lower) && next && (next.pos === 'VERB' || next.pos === 'AUX' || next.lower.endsWith('ing'))) return true
    if (lower === ',' || lower === '.' || lower === ';') return false
  }
  return false
}

/**
 * "A study published on Tuesday in the journal Nature found …": the subject is the sentence's first phrase, a document,
 * followed by a participle phrase. The whole stretch up to the verb is kept so that the names in it count.
 */
function documentSubject(doc: AnnotatedDocument, from: number, verb: number): NounPhrase | null {
  const np = phraseStartingAt(doc, from, verb)
  if (!np || !lexicon().documentHeads.has(doc.tokens[np.headLast]!.lower)) return null
  const next = doc.tokens[np.last + 1]
  if (!next || next.pos !== 'VERB' || !next.lower.endsWith('ed')) return null
  return { first: np.first, last: verb - 1, headFirst: np.headFirst, headLast: np.headLast, nameFirst: np.first, nameLast: np.last }
}

const MODALS = new Set(['will', 'would', 'could', 'may', 'might', 'shall', 'should', 'must', 'can', "'ll", 'to'])

function modalBefore(doc: AnnotatedDocument, v: number, floor: number): boolean {
  for (let k = v - 1; k >= floor && k >= v - 3; k--) {
    const lower = doc.tokens[k]!.lower
    if (MODALS.has(lower)) return true
    if (!ADVERBS.has(lower) && lower !== 'be' && lower !== 'have') return false
  }
  return false
}

function isPassive(doc: AnnotatedDocument, v: number, floor: number): boolean {
  // "are saying", "is claiming": a progressive, not a passive.
  if (doc.tokens[v]!.lower.endsWith('ing')) return false
  let k = v - 1
  while (k >= floor && ADVERBS.has(doc.tokens[k]!.lower)) k--
  return k >= floor && BE.has(doc.tokens[k]!.lower)
}
