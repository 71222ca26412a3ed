// Finds who speaks a quote: the attribution after it ("…," she said), before it (the president tweeted: "…"), in the
// sentence that introduces it (Trump asked on Twitter. "…"), or the quote it continues.
import type { AnnotatedDocument, Span } from '../../document/types.js'
import type { SourceKind } from '../../report/types.js'
import { judgeSource } from '../coreference/source-phrase.js'
import { outletTable } from '../../nlp/outlets.js'
import type { CoreferenceOutput } from '../coreference/types.js'
import { mediumIn, negatedBefore, participleSubject, phraseStartingAt, subjectBefore, verbAt, withAppositiveName, type NounPhrase, type VerbHit } from '../shared/speech.js'
import { firstOverlapping, tokenAtOrAfter, tokenEndingBy } from '../shared/doc-index.js'
import { resolvePhrase, type ResolvedPhrase } from '../coreference/resolve-phrase.js'
import type { VerbClass } from '../shared/lexicon.js'

export interface SpeakerHit {
  phrase: ResolvedPhrase
  verb: VerbHit
  kind: SourceKind
  /** Speaker phrase through the verb, as a character span. */
  clause: Span
  cue: 'after' | 'before' | 'previous-sentence' | 'naming'
  medium: string | null
}

export interface QuoteTokens {
  /** Token index of the opening mark. */
  openTok: number
  /** Token index of the closing mark, or -1. */
  closeTok: number
  /** True when the token lies inside some top-level quote. */
  quoted: (tokenIndex: number) => boolean
}

const LEAD_PUNCT = new Set([',', '—', '–', '-', '('])
const INTRO_END = new Set([',', ':', 'that', '—', '–'])
// An object or a prepositional phrase between the verb and the quote: "told reporters:", "wrote on Twitter:".
const MAX_OBJECT = 7
// After the verb of a bare attribution: the sentence end, or when/where it was said.
const BARE_AFTER = new Set(['.', '!', '?', ',', 'on', 'in', 'at', 'to', 'during', 'after', 'before', 'from', 'with', 'via', 'outside', 'yesterday', 'today', 'later', 'earlier', 'again'])

// "Hale is reported to be considering …", "She was said to be furious": a passive reporting verb starts a new report,
// it does not attribute the quote before it.
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being'])
function passiveVerb(doc: AnnotatedDocument, v: number): boolean {
  return v > 0 && BE_FORMS.has(doc.tokens[v - 1]!.lower)
}

function bareAttribution(doc: AnnotatedDocument, i: number): boolean {
  const t = doc.tokens[i]
  return !t || BARE_AFTER.has(t.lower)
}

/** The speaker written after the closing mark: "…," said Smith / "…," Smith said / "…," according to Smith. */
export function speakerAfter(doc: AnnotatedDocument, coref: CoreferenceOutput, q: QuoteTokens): SpeakerHit | null {
  if (q.closeTok < 0) return null
  const { tokens } = doc
  let k = q.closeTok + 1
  while (k < tokens.length && LEAD_PUNCT.has(tokens[k]!.lower)) k++
  const ceiling = boundAfter(doc, k, q)
  if (k >= ceiling) return null
  const according = accordingTo(doc, k, ceiling)
  if (according) return hit(doc, coref, according.np, according.verb, 'after')
  const inverted = verbAt(doc, k, ceiling)
  if (inverted && introduces(inverted)) {
    const np = phraseStartingAt(doc, inverted.last + 1, ceiling)
    if (np) return hit(doc, coref, withAppositiveName(doc, np, ceiling), inverted, 'after')
  }
  // "…," Smith said / "…," Jane Doe, the mayor, said: the first speech verb, whose subject starts right after the quote.
  for (let i = k + 1; i < ceiling; i++) {
    const verb = verbAt(doc, i, ceiling)
    if (!verb || !introduces(verb)) continue
    const subject = subjectBefore(doc, verb.first, k)
    if (!subject || subject.first !== k) return null
    // "“…schools.” Reeves later told the Dispatch that …": across a sentence end only a bare "Smith said." attributes.
    if (tokens[k]!.sentence !== tokens[q.closeTok]!.sentence && (!bareAttribution(doc, verb.last + 1) || passiveVerb(doc, verb.first))) return null
    return hit(doc, coref, subject, verb, 'after')
  }
  return null
}

/** The speaker in the same sentence before the opening mark: `the president tweeted: "…"`, `what he called "…"`. */
export function speakerBefore(doc: AnnotatedDocument, coref: CoreferenceOutput, q: QuoteTokens, floor: number, partial: boolean): SpeakerHit | null {
  const { tokens } = doc
  let e = q.openTok - 1
  while (e >= floor && INTRO_END.has(tokens[e]!.lower)) e--
  if (e < floor) return null
  // Nearest verb first, with only an object or phrase between it and the quote.
  for (let v = e; v >= floor && v >= e - MAX_OBJECT; v--) {
    if (q.quoted(v)) break
    if (tokens[v]!.lower === 'to' && tokens[v - 1]?.lower === 'according') {
      const np = phraseStartingAt(doc, v + 1, e + 1)
      if (np) return hit(doc, coref, np, { first: v - 1, last: v, lemma: 'according to', classes: SPEECH }, 'before')
    }
    const verb = verbAt(doc, v, e + 1)
    // "praised the film's “patience and tenderness”": a phrase quoted as the object of a stance verb is the subject's.
    const stance = verb !== null && verb.classes.has('stance') && (partial || objectQuote(doc, q))
    if (!verb || !(introduces(verb) || verb.classes.has('naming') || stance)) continue
    const cue = introduces(verb) || stance ? 'before' : 'naming'
    const subject = participleSubject(doc, verb, floor) ?? subjectBefore(doc, verb.first, floor) ?? (invertible(doc, verb.first, floor) ? invertedSubject(doc, verb, e + 1) : null)
    if (subject) return hit(doc, coref, subject, verb, cue)
    // "As Smith put it", "what he called": a verb without a subject we can read is no evidence; look no further back.
    break
  }
  if (!partial) return null
  // A phrase quoted inside a reported sentence: "Smith said the plan was "a disaster"".
  for (let v = e; v >= floor; v--) {
    if (q.quoted(v)) continue
    const verb = verbAt(doc, v, e + 1)
    if (!verb || !verb.classes.has('speech')) continue
    const subject = subjectBefore(doc, verb.first, floor)
    if (subject) return hit(doc, coref, subject, verb, 'before')
  }
  return null
}

/** The speaker from the sentence before, when it introduces the quote: "Trump asked on Twitter." / "She wrote:". */
export function speakerFromPrevious(doc: AnnotatedDocument, coref: CoreferenceOutput, sentence: number, quoted: (i: number) => boolean): SpeakerHit | null {
  const prev = doc.sentences[sentence - 1]
  const own = doc.sentences[sentence]
  if (!prev || !own || own.paragraph - prev.paragraph > 1) return null
  if (firstOverlapping(doc.sourceLines, prev.start, prev.end)) return null
  const { tokens } = doc
  let e = prev.tokenEnd - 1
  while (e >= prev.tokenStart && tokens[e]!.kind === 'punctuation' && !quoted(e)) e--
  for (let v = e; v >= prev.tokenStart && v >= e - MAX_OBJECT; v--) {
    if (quoted(v)) break
    const verb = verbAt(doc, v, e + 1)
    if (!verb || !introduces(verb)) continue
    const subject = subjectBefore(doc, verb.first, prev.tokenStart) ?? (invertible(doc, verb.first, prev.tokenStart) ? invertedSubject(doc, verb, e + 1) : null)
    if (subject) return hit(doc, coref, subject, verb, 'previous-sentence')
    break
  }
  // "Huang told them the company had made a mistake." ⏎ "“We got it wrong.”": a sentence that is nothing but a quote,
  // right after a sentence of the same paragraph that reports someone's speech, continues that person's words.
  if (own.paragraph === prev.paragraph && wholeSentenceQuoted(doc, own, quoted) && tokens[prev.tokenEnd - 1]?.lower !== ':') {
    const reporter = reportedSpeechSubject(doc, prev, quoted)
    if (reporter) return hit(doc, coref, reporter.subject, reporter.verb, 'previous-sentence')
  }
  // "In her speech, the mayor, Helen Ortiz, laid out three promises:": an intro ending in a colon gives the quote to the
  // first person or organization it names.
  if (tokens[prev.tokenEnd - 1]?.lower === ':' && coref) {
    const m = coref.mentions.find((x) => x.start >= prev.start && x.end <= prev.end && x.kind !== 'pronoun' && coref.entities[x.entity]!.type !== 'date' && coref.entities[x.entity]!.type !== 'place' && !quoted(tokenAtOrAfter(tokens, x.start)))
    if (m) {
      const first = tokenAtOrAfter(tokens, m.start)
      const last = tokenEndingBy(tokens, m.end)
      const colon = { first: prev.tokenEnd - 1, last: prev.tokenEnd - 1, lemma: ':', classes: new Set<VerbClass>(['speech']) }
      return hit(doc, coref, { first, last, headFirst: first, headLast: last }, colon, 'previous-sentence')
    }
  }
  return null
}

function wholeSentenceQuoted(doc: AnnotatedDocument, s: { tokenStart: number; tokenEnd: number }, quoted: (i: number) => boolean): boolean {
  let words = 0
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const t = doc.tokens[i]!
    if (t.kind === 'punctuation') continue
    if (!quoted(i)) return false
    words++
  }
  return words > 0
}

// The first speech verb of a sentence with its subject, when it reports what someone said ("Smith told them the …",
// "The minister said that …"); negated, modal or passive verbs report nothing.
function reportedSpeechSubject(doc: AnnotatedDocument, s: { tokenStart: number; tokenEnd: number }, quoted: (i: number) => boolean): { subject: NounPhrase; verb: VerbHit } | null {
  const { tokens } = doc
  for (let v = s.tokenStart + 1; v < s.tokenEnd; v++) {
    if (quoted(v)) return null
    const verb = verbAt(doc, v, s.tokenEnd)
    if (!verb) continue
    if (!verb.classes.has('speech')) continue
    const before = tokens[verb.first - 1]!.lower
    if (negatedBefore(doc, verb.first, s.tokenStart) || BE_FORMS.has(before) || MODAL_BEFORE.has(before)) return null
    const subject = subjectBefore(doc, verb.first, s.tokenStart)
    if (!subject || quoted(subject.first)) return null
    // Something must be reported after the verb (not "Smith spoke." on its own).
    return verb.last + 2 < s.tokenEnd ? { subject, verb } : null
  }
  return null
}

// A quote run into the sentence as an object: no comma or colon before it, opening in lower case.
function objectQuote(doc: AnnotatedDocument, q: QuoteTokens): boolean {
  const before = doc.tokens[q.openTok - 1]?.lower
  const first = doc.tokens[q.openTok + 1]
  return before !== ',' && before !== ':' && first !== undefined && first.kind === 'word' && /^\p{Ll}/u.test(doc.text.slice(first.start, first.end))
}

const MODAL_BEFORE = new Set(['will', 'would', 'could', 'may', 'might', 'shall', 'should', 'must', 'can', 'to', "'ll"])

function invertedSubject(doc: AnnotatedDocument, verb: VerbHit, ceiling: number): NounPhrase | null {
  const np = phraseStartingAt(doc, verb.last + 1, ceiling)
  return np ? withAppositiveName(doc, np, ceiling) : null
}

const SPEECH: ReadonlySet<VerbClass> = new Set(['speech'])

/** Verbs that can introduce a quote: speech verbs and "continued"-style ones. */
function introduces(verb: VerbHit): boolean {
  return verb.classes.has('speech') || verb.classes.has('quoteOnly')
}

function hit(doc: AnnotatedDocument, coref: CoreferenceOutput, np: NounPhrase, verb: VerbHit, cue: SpeakerHit['cue']): SpeakerHit {
  const from = Math.min(np.first, verb.first) - 2
  const to = Math.max(np.last, verb.last) + 8
  const sentence = doc.tokens[verb.first]!.sentence
  const s = doc.sentences[sentence]!
  const medium = mediumFromVerb(verb.lemma) ?? mediumIn(doc, Math.max(from, s.tokenStart), Math.min(to, s.tokenEnd))
  const judged = judgeSource(doc, coref, outletTable(), np)
  const clause = { start: doc.tokens[Math.min(np.first, verb.first)]!.start, end: doc.tokens[Math.max(np.last, verb.last)]!.end }
  return { phrase: resolvePhrase(doc, coref, np), verb, cue, medium, kind: judged.vague ? 'unnamed' : judged.kind, clause }
}

function mediumFromVerb(lemma: string): string | null {
  if (lemma === 'tweet' || lemma === 'retweet') return 'tweet'
  if (lemma === 'post' || lemma === 'blog') return 'post'
  if (lemma === 'email') return 'email'
  if (lemma === 'text') return 'text message'
  if (lemma === 'testify') return 'testimony'
  return null
}

function accordingTo(doc: AnnotatedDocument, k: number, ceiling: number): { np: NounPhrase; verb: VerbHit } | null {
  const { tokens } = doc
  if (tokens[k]?.lower !== 'according' || tokens[k + 1]?.lower !== 'to') return null
  const np = phraseStartingAt(doc, k + 2, ceiling)
  return np ? { np, verb: { first: k, last: k + 1, lemma: 'according to', classes: SPEECH } } : null
}

// The attribution after a quote ends at the sentence's end, the next quote, or 14 tokens.
function boundAfter(doc: AnnotatedDocument, k: number, q: QuoteTokens): number {
  const { tokens } = doc
  const paragraph = paragraphOf(doc, q.closeTok)
  let i = k
  while (i < tokens.length && i < k + 14 && !q.quoted(i) && paragraphOf(doc, i) === paragraph) {
    const lower = tokens[i]!.lower
    if (lower === '.' || lower === '!' || lower === '?' || lower === ';' || lower === '“' || lower === '"') break
    i++
  }
  return i
}

function paragraphOf(doc: AnnotatedDocument, token: number): number {
  return doc.sentences[doc.tokens[token]!.sentence]?.paragraph ?? -1
}

// "said Smith" reads as an inversion only at a clause start: after a comma, a quote mark or the sentence start.
function invertible(doc: AnnotatedDocument, v: number, floor: number): boolean {
  if (v <= floor) return true
  const prev = doc.tokens[v - 1]!.lower
  return prev === ',' || prev === '”' || prev === '"' || prev === '’' || prev === "'" || prev === ':'
}
