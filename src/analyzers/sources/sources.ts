// Cited sources: outlets (Source: lines, "according to", "X reported", "told X", links), people, organizations,
// documents and unnamed sources, with names normalized through the outlet alias table and a citation count.
import { defineAnalyzer, type Analyzer } from '../types.js'
import type { AnnotatedDocument, Span } from '../../document/types.js'
import type { SourceKind } from '../../report/types.js'
import type { AttributionOutput } from '../attribution/types.js'
import type { CitedSource, SourcesOutput } from './types.js'
import type { CoreferenceOutput } from '../coreference/types.js'
import type { QuotesOutput } from '../quotes/types.js'
import { sentenceAt } from '../../document/spans.js'
import { foldOutletName, knownOutlet, outletOfDomain, outletTable, type OutletAliasesSource, type OutletTable } from '../../nlp/outlets.js'
import { quoteRegions } from '../shared/quote-marks.js'
import { insideSorted, isCapitalized, tokenAtOrAfter } from '../shared/doc-index.js'
import { lexicon } from '../shared/lexicon.js'

export interface SourcesOptions {
  /** Extra outlet aliases: a JSON file path or a table, merged over data/outlet-aliases.json (see README.md). */
  outletAliases?: OutletAliasesSource
}

// Words before an outlet name that make it a place where a statement appeared: "told CNN", "in an interview with".
const OUTLET_CONTEXT = new Set(['told', 'to', 'with', 'by', 'in', 'on', 'via', 'from', 'tells', 'according'])
// Words that may stand between the context and the name: "in the journal Nature", "told the newspaper Le Monde".
const OUTLET_DESCRIPTORS = new Set(['the', 'journal', 'newspaper', 'magazine', 'broadcaster', 'network', 'channel', 'station', 'website', 'paper', 'daily', 'weekly', 'outlet', 'agency'])
const KIND_ORDER: Record<SourceKind, number> = { outlet: 0, person: 1, organization: 2, document: 3, unnamed: 4 }

interface Tally extends CitedSource {
  seen: Set<number>
}

/** Collects the cited sources of a document from the attribution, quotes and coreference outputs. */
export function collectSources(
  doc: AnnotatedDocument,
  attribution: AttributionOutput | undefined,
  quotes: QuotesOutput | undefined,
  coref: CoreferenceOutput | undefined,
  outlets: OutletTable = outletTable(),
): SourcesOutput {
  const tallies = new Map<string, Tally>()
  const cite = (name: string, kind: SourceKind, span: Span) => {
    const key = `${kind}|${foldOutletName(name) || name.toLowerCase()}`
    let tally = tallies.get(key)
    if (!tally) {
      tally = { name, kind, mentions: 0, spans: [], seen: new Set() }
      tallies.set(key, tally)
    }
    // One citation per sentence: a "Source:" line and the sentence it credits, or a quote and its intro, count once.
    const sentence = sentenceAt(doc, span.start)?.index ?? -1
    if (tally.seen.has(sentence)) return
    tally.seen.add(sentence)
    tally.mentions++
    tally.spans.push({ start: span.start, end: span.end })
  }
  for (const line of doc.sourceLines) {
    cite(knownOutlet(outlets, line.name) ?? line.name, 'outlet', { start: line.nameStart, end: line.nameEnd })
  }
  for (const s of attribution?.sentences ?? []) {
    if (s.type === 'none' || s.sourceLine || !s.source) continue
    const kind: SourceKind = s.type === 'vague' ? 'unnamed' : s.sourceKind ?? 'person'
    cite(kind === 'outlet' ? knownOutlet(outlets, s.source) ?? s.source : s.source, kind, s.cue ?? s)
    if (s.type !== 'vague') {
      for (const v of s.vague) cite(labelOf(v.text), 'unnamed', v)
    }
  }
  for (const q of quotes?.quotes ?? []) {
    if (q.speaker === null) continue
    cite(q.speaker, q.speakerKind ?? 'person', { start: q.speakerStart ?? q.start, end: q.speakerEnd ?? q.end })
  }
  citeOutletMentions(doc, coref, outlets, cite)
  citeLinks(doc, outlets, cite)
  const sources: CitedSource[] = [...tallies.values()].map(({ seen: _seen, ...rest }) => rest)
  sources.sort((a, b) => b.mentions - a.mentions || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name))
  return { sources }
}

function labelOf(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ')
}

/** An entity's name as a known outlet, and as a name that looks like an outlet's (for entities typed neither person nor place). */
interface EntityOutlet {
  named: string | null
  looksLike: string | null
}

// "told CNN", "in an interview with the BBC": an outlet the article says a statement appeared in.
function citeOutletMentions(doc: AnnotatedDocument, coref: CoreferenceOutput | undefined, outlets: OutletTable, cite: (n: string, k: SourceKind, s: Span) => void): void {
  if (!coref) return
  const top = quoteRegions(doc).filter((r) => r.depth === 0)
  // What each entity's name says, worked out at its first mention rather than at every one.
  const byEntity: (EntityOutlet | undefined)[] = []
  for (const m of coref.mentions) {
    const entity = coref.entities[m.entity]!
    if (entity.type === 'date') continue
    let known = byEntity[m.entity]
    if (known === undefined) {
      // A known outlet's name is the outlet even when the annotator typed it a person or place ("with Al Jazeera").
      const typed = entity.type !== 'person' && entity.type !== 'place'
      known = { named: knownOutlet(outlets, entity.name), looksLike: typed && looksLikeOutlet(entity.name) ? entity.name : null }
      byEntity[m.entity] = known
    }
    const outlet = known.named ?? knownOutlet(outlets, m.text) ?? known.looksLike
    if (!outlet || insideSorted(top, m.start, m.end)) continue
    let k = tokenAtOrAfter(doc.tokens, m.start) - 1
    while (k >= 0 && k > tokenAtOrAfter(doc.tokens, m.start) - 4 && OUTLET_DESCRIPTORS.has(doc.tokens[k]!.lower)) k--
    const before = doc.tokens[k]
    if (before && OUTLET_CONTEXT.has(before.lower)) cite(outlet, 'outlet', m)
  }
  citeOutletObjects(doc, outlets, top, cite)
}

// "told Sky Sports", "in an interview with Al Jazeera": a known outlet's name right after "told" or "interview with",
// found on the tokens, for names the annotator did not mark.
function citeOutletObjects(doc: AnnotatedDocument, outlets: OutletTable, top: readonly Span[], cite: (n: string, k: SourceKind, s: Span) => void): void {
  const { tokens, text } = doc
  for (let i = 0; i < tokens.length; i++) {
    const lower = tokens[i]!.lower
    const interview = lower === 'with' && i > 0 && INTERVIEW_WORDS.has(tokens[i - 1]!.lower)
    if (lower !== 'told' && !interview) continue
    let k = i + 1
    while (k < tokens.length && k < i + 4 && OUTLET_DESCRIPTORS.has(tokens[k]!.lower)) k++
    let last = k
    while (last < tokens.length && last < k + 4 && tokens[last]!.kind === 'word' && isCapitalized(text, tokens[last]!)) last++
    // Longest run first: "Sky Sports News" before "Sky Sports".
    for (let end = last - 1; end >= k; end--) {
      const outlet = knownOutlet(outlets, text.slice(tokens[k]!.start, tokens[end]!.end))
      if (!outlet) continue
      const span = { start: tokens[k]!.start, end: tokens[end]!.end }
      if (!insideSorted(top, span.start, span.end)) cite(outlet, 'outlet', span)
      break
    }
  }
}

const INTERVIEW_WORDS = new Set(['interview', 'interviews', 'conversation', 'podcast', 'appearance'])

// "Columbus Dispatch", "Harbor Times": a multi-word name ending in a newspaper word.
function looksLikeOutlet(name: string): boolean {
  const words = name.toLowerCase().split(' ')
  return words.length >= 2 && lexicon().outletWords.has(words.at(-1)!)
}

function citeLinks(doc: AnnotatedDocument, outlets: OutletTable, cite: (n: string, k: SourceKind, s: Span) => void): void {
  for (const t of doc.tokens) {
    if (t.kind !== 'url') continue
    const host = hostOf(doc.text.slice(t.start, t.end))
    if (!host) continue
    const outlet = outletOfDomain(outlets, host)
    cite(outlet ?? host.replace(/^www\./, ''), outlet ? 'outlet' : 'document', t)
  }
}

function hostOf(url: string): string | null {
  try {
    return new URL(/^[a-z]+:\/\//i.test(url) ? url : `http://${url}`).hostname.toLowerCase()
  } catch {
    return null
  }
}

/** A sources analyzer using extra outlet aliases (see README.md). */
export function createSourcesAnalyzer(options: SourcesOptions = {}): Analyzer<SourcesOutput> {
  return defineAnalyzer<SourcesOutput>({
    id: 'sources',
    // Language-neutral: outlets from "Source:" lines and links, quoted speakers and named entities; its document cues
    // ("a report by") are English and find nothing in another language.
    meta: {
      version: 1,
      description: 'Cited sources (outlets, people, organizations, documents, unnamed) with counts',
      requires: ['coreference', 'quotes', 'attribution'],
      appliesTo: { languages: 'any' },
    },
    analyze(doc, ctx) {
      return collectSources(
        doc,
        ctx.get<AttributionOutput>('attribution'),
        ctx.get<QuotesOutput>('quotes'),
        ctx.get<CoreferenceOutput>('coreference'),
        outletTable(options.outletAliases),
      )
    },
    contribute(out, report) {
      report.sources = out.sources.map(({ name, kind, mentions }) => ({ name, kind, mentions }))
    },
  })
}

export default createSourcesAnalyzer()
