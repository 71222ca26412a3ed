// Who vouches for each sentence: a named source, a vague one, the sentence is a quote, or nobody (none).
import { defineAnalyzer, type Analyzer } from '../types.js'
import type { AnnotatedDocument } from '../../document/types.js'
import { signalOf, type SignalDraft } from '../../report/signals.js'
import { ATTRIBUTION_SIGNALS, VAGUE_ATTRIBUTION } from './signals.js'
import type { AttributionOutput, SentenceAttribution } from './types.js'
import type { CoreferenceOutput } from '../coreference/types.js'
import type { QuoteFinding, QuotesOutput } from '../quotes/types.js'
import { outletTable, knownOutlet, type OutletAliasesSource, type OutletTable } from '../../nlp/outlets.js'
import { quoteRegions } from '../shared/quote-marks.js'
import { firstOverlapping, tokenAtOrAfter, tokenEndingBy } from '../shared/doc-index.js'
import { quoteCues, sentenceCues, type Cue, type CueContext } from './cues.js'
import { onlyAttribution } from './quote-sentence.js'

export interface AttributionOptions {
  /** Extra outlet aliases (JSON path or table) used to name outlets. */
  outletAliases?: OutletAliasesSource
}

// A sentence is a quote when quotations cover at least this share of its letters.
const QUOTE_SHARE = 0.5
// Most sentences hold no quote and no cue: they share these instead of allocating empty arrays (only read).
const NO_QUOTES: readonly QuoteFinding[] = Object.freeze([])
const NO_CUES: readonly Cue[] = Object.freeze([])
const byStart = (a: Cue, b: Cue): number => a.start - b.start

/** Attributes every sentence of the document. */
export function attributeSentences(
  doc: AnnotatedDocument,
  coref: CoreferenceOutput | undefined,
  quotes: QuotesOutput | undefined,
  outlets: OutletTable = outletTable(),
): AttributionOutput {
  const quoted = quotedTokens(doc)
  const quoteList = quotes?.quotes ?? []
  const ctx: CueContext = { doc, coref, outlets, quoted: (i) => quoted[i] === 1, previous: null }
  const sentences: SentenceAttribution[] = []
  let q = 0
  for (const s of doc.sentences) {
    while (q < quoteList.length && quoteList[q]!.end <= s.start) q++
    let inSentence = NO_QUOTES
    if (q < quoteList.length && quoteList[q]!.start < s.end) {
      const found: QuoteFinding[] = []
      for (let k = q; k < quoteList.length && quoteList[k]!.start < s.end; k++) found.push(quoteList[k]!)
      inSentence = found
    }
    const line = firstOverlapping(doc.sourceLines, s.start, s.end)
    if (line) {
      const name = knownOutlet(outlets, line.name) ?? line.name
      sentences.push({ start: s.start, end: s.end, sentence: s.index, type: 'named', source: name, sourceKind: 'outlet', cue: { start: line.nameStart, end: line.nameEnd, text: line.name }, vague: [], sourceLine: true })
      continue
    }
    const cues = sentenceCues(ctx, s.tokenStart, s.tokenEnd)
    const fromQuotes = inSentence.length > 0 ? quoteCues(inSentence, cues) : NO_CUES
    // sentenceCues' array is this sentence's own: sorted in place when nothing is added to it (the same stable order).
    const all = fromQuotes.length > 0 ? [...cues, ...fromQuotes].sort(byStart) : cues.length > 1 ? cues.sort(byStart) : cues
    const named = all.length > 0 ? all.filter((c) => !c.vague) : NO_CUES
    const vague = all.length > 0 ? all.filter((c) => c.vague) : NO_CUES
    const share = quoteShare(doc, s, inSentence)
    let entry: SentenceAttribution
    if (share >= QUOTE_SHARE || onlyAttribution(doc, s, inSentence)) {
      const main = inSentence.reduce((a, b) => (overlap(b, s) > overlap(a, s) ? b : a))
      const speakerCue = main.speakerStart !== null && main.speakerStart >= s.start && main.speakerEnd! <= s.end
      entry = base(s, 'quote', main.speaker, main.speakerKind, speakerCue ? span(doc, main.speakerStart!, main.speakerEnd!) : null)
    } else if (named.length > 0) {
      const cue = named[0]!
      entry = base(s, 'named', cue.source.name, cue.source.kind, span(doc, cue.start, cue.end))
      ctx.previous = cue.source
    } else if (vague.length > 0) {
      const cue = vague[0]!
      entry = base(s, 'vague', cue.source.name, 'unnamed', span(doc, cue.start, cue.end))
    } else {
      entry = base(s, 'none', null, null, null)
    }
    if (entry.type !== 'named') ctx.previous = entry.type === 'quote' ? ctx.previous : null
    if (vague.length > 0) entry.vague = vague.map((c) => span(doc, c.start, c.end))
    sentences.push(entry)
  }
  creditSourceLines(doc, sentences, outlets)
  creditColonIntros(doc, sentences, quoteList)
  return { sentences }
}

function base(s: { start: number; end: number; index: number }, type: SentenceAttribution['type'], source: string | null, sourceKind: SentenceAttribution['sourceKind'], cue: SentenceAttribution['cue']): SentenceAttribution {
  return { start: s.start, end: s.end, sentence: s.index, type, source, sourceKind, cue, vague: [] }
}

function span(doc: AnnotatedDocument, start: number, end: number): { start: number; end: number; text: string } {
  return { start, end, text: doc.text.slice(start, end) }
}

// "… happened. Source: X" on one line: the line's own sentence is credited to X when nothing else attributes it.
function creditSourceLines(doc: AnnotatedDocument, sentences: SentenceAttribution[], outlets: OutletTable): void {
  // The first source-line sentence whose cue starts at each offset (one pass, not a search per line).
  const byCue = new Map<number, number>()
  sentences.forEach((s, i) => {
    if (s.sourceLine && s.cue && !byCue.has(s.cue.start)) byCue.set(s.cue.start, i)
  })
  for (const line of doc.sourceLines) {
    const at = byCue.get(line.nameStart) ?? -1
    const prev = sentences[at - 1]
    if (at <= 0 || !prev || prev.type !== 'none' || doc.text.slice(prev.end, line.start).includes('\n')) continue
    prev.type = 'named'
    prev.source = knownOutlet(outlets, line.name) ?? line.name
    prev.sourceKind = 'outlet'
    prev.cue = { start: line.nameStart, end: line.nameEnd, text: line.name }
  }
}

// Share of the sentence's words that lie inside quotations.
function quoteShare(doc: AnnotatedDocument, s: { tokenStart: number; tokenEnd: number }, quotes: readonly QuoteFinding[]): number {
  if (quotes.length === 0) return 0
  let words = 0
  let inside = 0
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const t = doc.tokens[i]!
    if (t.kind !== 'word' && t.kind !== 'number') continue
    words++
    if (quotes.some((q) => t.start >= q.start && t.end <= q.end)) inside++
  }
  return words === 0 ? 0 : inside / words
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start))
}

// "The ministry issued a brief statement:" followed by the quote: the intro is attributed to the quote's speaker.
function creditColonIntros(doc: AnnotatedDocument, sentences: SentenceAttribution[], quotes: readonly QuoteFinding[]): void {
  for (const q of quotes) {
    if (q.cue !== 'previous-sentence' || q.speaker === null || q.speakerStart === null) continue
    const intro = firstOverlapping(sentences, q.speakerStart, q.speakerStart + 1)
    if (!intro || intro.type !== 'none' || doc.text[intro.end - 1] !== ':') continue
    intro.type = 'named'
    intro.source = q.speaker
    intro.sourceKind = q.speakerKind
    intro.cue = span(doc, q.speakerStart, q.speakerEnd!)
  }
}

function quotedTokens(doc: AnnotatedDocument): Uint8Array {
  const marks = new Uint8Array(doc.tokens.length)
  for (const r of quoteRegions(doc)) {
    if (r.depth > 0) continue
    const first = tokenAtOrAfter(doc.tokens, r.open)
    const last = r.close >= 0 ? tokenEndingBy(doc.tokens, r.close + 1) : tokenEndingBy(doc.tokens, r.end)
    if (last >= first) marks.fill(1, first, last + 1)
  }
  return marks
}

/** An attribution analyzer using extra outlet aliases (see README.md). */
export function createAttributionAnalyzer(options: AttributionOptions = {}): Analyzer<AttributionOutput> {
  return defineAnalyzer<AttributionOutput>({
    id: 'attribution',
    meta: {
      version: 1,
      description: 'Attribution of every sentence: named, vague, quote or none',
      requires: ['coreference', 'quotes'],
      signals: ATTRIBUTION_SIGNALS,
      // Language-neutral in what it may say: its cues are English phrases and speech verbs, so in another language it
      // finds quote and outlet attributions only ("Fonte: Jornal do Vale", a quoted speaker). Sources needs it.
      appliesTo: { languages: 'any' },
    },
    analyze(doc, ctx) {
      return attributeSentences(doc, ctx.get<CoreferenceOutput>('coreference'), ctx.get<QuotesOutput>('quotes'), outletTable(options.outletAliases))
    },
    contribute(out, report) {
      const signals: SignalDraft[] = []
      for (const s of out.sentences) {
        if (s.type !== 'vague') continue
        for (const v of s.vague) {
          signals.push(signalOf(VAGUE_ATTRIBUTION, v, { cue: v.text.toLowerCase() }))
        }
      }
      for (const signal of signals) report.signals.push(signal)
      for (const claim of report.claims) {
        const s = claim.sentence !== undefined ? out.sentences[claim.sentence] : undefined
        if (s) claim.attribution = { type: s.type, source: s.source }
      }
    },
  })
}

export default createAttributionAnalyzer()
