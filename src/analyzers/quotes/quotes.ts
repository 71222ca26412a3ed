// Quotations with their speaker (canonical entity), the speaker's span, the speech verb and the medium.
import { defineAnalyzer } from '../types.js'
import type { AnnotatedDocument } from '../../document/types.js'
import type { CoreferenceOutput } from '../coreference/types.js'
import type { IgnoredQuote, QuoteFinding, QuotesOutput } from './types.js'
import { quoteRegions, type QuoteRegion } from '../shared/quote-marks.js'
import { tokenAtOrAfter, tokenEndingBy } from '../shared/doc-index.js'
import { looksLikeTitle, quoteForm, titleCase } from './classify.js'
import { speakerAfter, speakerBefore, speakerFromPrevious, type QuoteTokens, type SpeakerHit } from './speaker.js'

/** Finds the quotations of a document and their speakers (coreference output gives canonical names). */
export function findQuotes(doc: AnnotatedDocument, coref: CoreferenceOutput): QuotesOutput {
  const regions = quoteRegions(doc)
  const top = regions.filter((r) => r.depth === 0)
  const quotedToken = markQuotedTokens(doc, top)
  const quoted = (i: number) => quotedToken[i] === 1
  const quotes: QuoteFinding[] = []
  const ignored: IgnoredQuote[] = []
  const byRegion = new Map<QuoteRegion, QuoteFinding>()
  for (const r of regions) {
    if (r.depth > 0) {
      ignored.push({ start: r.start, end: r.end, reason: 'nested' })
      continue
    }
    if (!/[\p{L}\p{N}]{2}/u.test(doc.text.slice(r.start, r.end))) {
      ignored.push({ start: r.start, end: r.end, reason: 'too-short' })
      continue
    }
    const openTok = tokenEndingBy(doc.tokens, r.open + 1)
    const closeTok = r.close >= 0 ? tokenAtOrAfter(doc.tokens, r.close) : -1
    if (openTok < 0) continue
    const sentence = doc.tokens[openTok]!.sentence
    const floor = doc.sentences[sentence]?.tokenStart ?? 0
    const form = quoteForm(doc, r, openTok, floor)
    if (looksLikeTitle(doc, openTok, floor)) {
      ignored.push({ start: r.start, end: r.end, reason: 'title' })
      continue
    }
    const q: QuoteTokens = { openTok, closeTok, quoted }
    let found: SpeakerHit | null = speakerAfter(doc, coref, q) ?? speakerBefore(doc, coref, q, floor, form === 'partial')
    const opensSentence = openTok <= floor
    if (!found && opensSentence && !r.continued) found = speakerFromPrevious(doc, coref, sentence, quoted)
    if (!found) {
      const inner = doc.text.slice(r.start, r.end)
      // Without a speaker, a phrase inside a sentence is a scare quote, and a short Title Case one is a title.
      if (form === 'partial') {
        ignored.push({ start: r.start, end: r.end, reason: titleCase(inner) ? 'title' : 'scare' })
        continue
      }
      if (!r.continued && !r.runsOn && titleCase(inner.replace(/[,.]$/, '')) && inner.split(/\s+/).length <= 6 && !opensSentence) {
        ignored.push({ start: r.start, end: r.end, reason: 'title' })
        continue
      }
    }
    const finding: QuoteFinding = {
      start: r.start,
      end: r.end,
      text: doc.text.slice(r.start, r.end),
      speaker: found?.phrase.name ?? null,
      speakerStart: found?.phrase.start ?? null,
      speakerEnd: found?.phrase.end ?? null,
      speakerEntity: found?.phrase.entity ?? null,
      speakerKind: found?.kind ?? null,
      clause: found?.clause ?? null,
      verb: found && found.verb.lemma !== ':' ? doc.text.slice(doc.tokens[found.verb.first]!.start, doc.tokens[found.verb.last]!.end).toLowerCase() : null,
      medium: found?.medium ?? null,
      cue: found?.cue ?? 'none',
      form,
      sentence,
      outer: { start: r.open, end: r.close >= 0 ? r.close + 1 : r.end },
    }
    quotes.push(finding)
    byRegion.set(r, finding)
  }
  shareAcrossRunOns(top, byRegion)
  return { quotes, ignored }
}

// A quotation running over paragraphs is one utterance: its speaker is the one the attribution of any piece names
// (an "after" or "before" cue outranks a guess from the sentence before).
function shareAcrossRunOns(top: QuoteRegion[], byRegion: Map<QuoteRegion, QuoteFinding>): void {
  let chain: QuoteFinding[] = []
  const flush = () => {
    if (chain.length > 1) {
      const source = chain.find((f) => f.cue === 'after' || f.cue === 'before') ?? chain.find((f) => f.speaker !== null)
      if (source) {
        for (const f of chain) {
          if (f === source || f.cue === 'after' || f.cue === 'before') continue
          Object.assign(f, { speaker: source.speaker, speakerStart: source.speakerStart, speakerEnd: source.speakerEnd, speakerEntity: source.speakerEntity, speakerKind: source.speakerKind, clause: source.clause, verb: source.verb, medium: source.medium, cue: 'continued' })
        }
      }
    }
    chain = []
  }
  for (const r of top) {
    const f = byRegion.get(r)
    if (!r.continued) flush()
    if (f) chain.push(f)
    if (!r.runsOn) flush()
  }
  flush()
}

function markQuotedTokens(doc: AnnotatedDocument, top: readonly QuoteRegion[]): Uint8Array {
  const marks = new Uint8Array(doc.tokens.length)
  for (const r of top) {
    const first = tokenAtOrAfter(doc.tokens, r.open)
    const last = r.close >= 0 ? tokenEndingBy(doc.tokens, r.close + 1) : tokenEndingBy(doc.tokens, r.end)
    if (last >= first) marks.fill(1, first, last + 1)
  }
  return marks
}

export default defineAnalyzer<QuotesOutput>({
  id: 'quotes',
  // Language-neutral: quotations are found by their quotation marks (also „…“ and «…»); speaker and verb come from
  // English patterns, so in another language a quote keeps speaker and verb null.
  meta: { version: 1, description: 'Quotations with speaker, speech verb and medium', requires: ['coreference'], appliesTo: { languages: 'any' } },
  analyze(doc, ctx) {
    return findQuotes(doc, ctx.get<CoreferenceOutput>('coreference'))
  },
  contribute(out, report) {
    report.quotes = out.quotes.map((q) => ({
      text: q.text,
      start: q.start,
      end: q.end,
      speaker: q.speaker,
      speakerStart: q.speakerStart,
      speakerEnd: q.speakerEnd,
      verb: q.verb,
      medium: q.medium,
    }))
  },
})
