// Atomic claims: a compound sentence split at coordinated clauses ("…, and many people are saying …"), and each clause's
// reporting frame ("Some residents say", "Reports emerged that", "It has been said that") set apart from what is claimed.
import type { AnnotatedDocument, Sentence, Span, Token } from '../../document/types.js'
import { lexicon } from '../shared/lexicon.js'

/** One claim-sized unit of a sentence. */
export interface AtomicUnit extends Sentence {
  /** What is claimed: the clause without its frame and closing comma (a span inside the sentence). */
  core: Span
  /** The reporting frame before the claim, when there is one ("Some residents say"). */
  frame: (Span & { vague: boolean; source: string }) | null
}

/** Words that join two independent clauses after a comma or semicolon. */
const COORDINATORS = new Set(['and', 'but', 'while', 'whereas', 'yet', 'although', 'though'])
/** Tokens that can head a clause's subject. */
const SUBJECT_POS = new Set(['NOUN', 'PROPN', 'PRON', 'DET', 'NUM', 'ADJ'])
const VERB_POS = new Set(['VERB', 'AUX'])
/** Report nouns that make an impersonal frame vague: "Reports emerged that", "Rumours say". */
const REPORT_NOUNS = new Set(['reports', 'report', 'rumors', 'rumours', 'rumor', 'rumour', 'claims', 'speculation', 'word'])
/** Words an impersonal frame may contain before "that": "It has been said that", "It is widely believed that". */
const IMPERSONAL = new Set(['it', 'has', 'have', 'had', 'is', 'was', 'been', 'being', 'be', 'widely', 'often', 'also', 'long', 'now'])
/** The longest subject a frame may have ("The White House Communication Director" is 5 tokens). */
const MAX_SUBJECT = 7
/** A clause needs this many word tokens, and a verb, to stand as a claim on its own. */
const MIN_CLAUSE_WORDS = 4

function isWord(t: Token): boolean {
  return t.kind === 'word' || t.kind === 'number'
}

function words(tokens: readonly Token[], from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) if (isWord(tokens[i]!)) n++
  return n
}

function hasVerb(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (VERB_POS.has(tokens[i]!.pos)) return true
  return false
}

/** A speech, cognition or finding verb form ("say", "are saying", "reported", "believe"). */
function isReportingVerb(token: Token): boolean {
  const info = lexicon().verbs.get(token.lower)
  if (!info) return false
  return info.classes.has('speech') || info.classes.has('cognition') || info.classes.has('finding') || info.classes.has('stance')
}

/** A verb whose object can be what is claimed without "that" ("say", "believe", "found"). */
function isContentVerb(token: Token): boolean {
  const classes = lexicon().verbs.get(token.lower)?.classes
  return !!classes && (classes.has('speech') || classes.has('cognition') || classes.has('finding'))
}

/** True when the clause starting at `from` opens with its own subject before its first verb. */
function opensWithSubject(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to && i < from + MAX_SUBJECT; i++) {
    const t = tokens[i]!
    if (VERB_POS.has(t.pos)) return i > from
    // "patients now have to drive": an adverb may sit between the subject and its verb, not open the clause.
    if (!SUBJECT_POS.has(t.pos) && t.pos !== 'ADP' && t.pos !== 'PART' && !(t.pos === 'ADV' && i > from)) return false
  }
  return false
}

/** Token ranges of the independent clauses of a sentence (one range when it does not split). */
function clauseRanges(doc: AnnotatedDocument, s: Sentence, quoted: (start: number) => boolean): [number, number][] {
  const { tokens } = doc
  const ranges: [number, number][] = []
  let from = s.tokenStart
  for (let i = s.tokenStart + 1; i + 1 < s.tokenEnd; i++) {
    const mark = tokens[i]!
    if (mark.lower !== ',' && mark.lower !== ';') continue
    if (quoted(mark.start)) continue
    const joined = COORDINATORS.has(tokens[i + 1]!.lower)
    if (!joined && mark.lower !== ';') continue
    const next = joined ? i + 2 : i + 1
    const left = words(tokens, from, i) >= MIN_CLAUSE_WORDS && hasVerb(tokens, from, i)
    const right = words(tokens, next, s.tokenEnd) >= MIN_CLAUSE_WORDS && opensWithSubject(tokens, next, s.tokenEnd)
    if (!left || !right) continue
    ranges.push([from, i])
    from = next
  }
  ranges.push([from, s.tokenEnd])
  return ranges
}

/**
 * The reporting frame at the start of a clause: a subject and a reporting verb ("Some residents say", "many people are
 * saying", "Analysts note that"), an impersonal frame ("It has been said that", "Reports emerged last week that") or
 * "According to X,". Returns the token index where the claim itself begins, or null when the clause has no frame.
 */
function frameEnd(tokens: readonly Token[], from: number, to: number): { end: number; subjectStart: number; subjectEnd: number; impersonal: boolean } | null {
  const first = tokens[from]!
  if (first.lower === 'according' && tokens[from + 1]?.lower === 'to') {
    for (let i = from + 2; i < to && i < from + 2 + MAX_SUBJECT; i++) {
      if (tokens[i]!.lower === ',') return { end: i + 1, subjectStart: from + 2, subjectEnd: i, impersonal: false }
    }
    return null
  }
  const reportNoun = REPORT_NOUNS.has(first.lower)
  for (let i = from; i < to && i <= from + MAX_SUBJECT; i++) {
    const t = tokens[i]!
    if (t.lower === ',') return null
    if (t.lower === 'that' && i > from) {
      const head = tokens.slice(from, i)
      const impersonal = head.every((h) => IMPERSONAL.has(h.lower) || isReportingVerb(h) || h.pos === 'ADV')
      const reports = REPORT_NOUNS.has(first.lower) && head.some((h) => h.pos === 'VERB')
      if ((impersonal && head.some(isReportingVerb)) || reports) return { end: i + 1, subjectStart: from, subjectEnd: from + 1, impersonal: true }
      return null
    }
    if (reportNoun) continue
    if (isReportingVerb(t) && (VERB_POS.has(t.pos) || i > from)) {
      if (i === from) return null
      // The subject holds no verb other than auxiliaries right before the reporting verb ("are saying").
      let subjectEnd = i
      while (subjectEnd > from && tokens[subjectEnd - 1]!.pos === 'AUX') subjectEnd--
      if (subjectEnd === from || hasVerb(tokens, from, subjectEnd)) return null
      const that = tokens[i + 1]?.lower === 'that'
      // A stance verb reports an act ("urged him to resign"); only with "that" does a claim follow.
      if (!that && !isContentVerb(t)) return null
      const end = that ? i + 2 : i + 1
      const impersonal = subjectEnd === from + 1 && first.lower === 'it'
      // The rest must be a claim of its own: "Trump asked on Twitter." is a report of speech with nothing claimed.
      if (words(tokens, end, to) < MIN_CLAUSE_WORDS - 1 || !hasVerb(tokens, end, to) || !SUBJECT_POS.has(tokens[end]?.pos ?? '')) return null
      return { end, subjectStart: from, subjectEnd, impersonal }
    }
    if (VERB_POS.has(t.pos) && t.pos === 'VERB') return null
  }
  return null
}

function frameIsVague(tokens: readonly Token[], from: number, subjectEnd: number, impersonal: boolean): boolean {
  // "It has been said that", "Reports emerged that": nobody is named.
  if (impersonal) return true
  const lex = lexicon()
  const head = tokens[subjectEnd - 1]
  if (!head) return true
  if (lex.vaguePlural.has(head.lower) || lex.vagueSingular.has(head.lower)) return true
  return tokens.slice(from, subjectEnd).some((t) => lex.vagueDeterminers.has(t.lower)) && head.pos !== 'PROPN'
}

/** The atomic units of one sentence, in order; a sentence that does not split is one unit, possibly with a frame. */
export function atomicUnits(doc: AnnotatedDocument, s: Sentence, quoted: (start: number) => boolean = () => false): AtomicUnit[] {
  const { tokens, text } = doc
  const units: AtomicUnit[] = []
  const ranges = clauseRanges(doc, s, quoted)
  for (const [from, to] of ranges) {
    const start = ranges.length === 1 ? s.start : tokens[from]!.start
    let end = ranges.length === 1 || to === s.tokenEnd ? s.end : tokens[to - 1]!.end
    while (end > start && /\s/.test(text[end - 1]!)) end--
    const frame = frameEnd(tokens, from, to)
    const coreStart = frame ? tokens[frame.end]!.start : start
    units.push({
      index: s.index,
      paragraph: s.paragraph,
      tokenStart: from,
      tokenEnd: to,
      start,
      end,
      core: { start: coreStart, end },
      frame: frame
        ? {
            start,
            end: tokens[frame.end - 1]!.end,
            vague: frameIsVague(tokens, frame.subjectStart, frame.subjectEnd, frame.impersonal),
            source: text.slice(tokens[frame.subjectStart]!.start, tokens[Math.max(frame.subjectStart, frame.subjectEnd - 1)]!.end),
          }
        : null,
    })
  }
  return units
}
