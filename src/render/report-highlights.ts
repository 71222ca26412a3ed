// The one highlight table: which findings of a report are marked over its article text, in which layer, with which
// note. The text and HTML renderers and the web UI (src/web, bundled by vite) all read it; signal layers come from the
// analyzers' declarations (meta.signals → src/analyzers/signals.ts), so a new signal in an existing layer needs no
// change here.
import type { Report } from '../report/types.js'
import type { SignalDeclaration, SignalLayer } from '../report/signals.js'
import { BUILTIN_SIGNALS } from '../analyzers/signals.js'
import type { Highlight } from './highlight.js'
import { percent } from './wording.js'

export type Layer = 'claim' | 'quote' | SignalLayer

export interface LayerSpec {
  id: Layer
  /** The web UI's legend and signal-group heading. */
  label: string
  /** The HTML report's legend word. */
  short: string
  /** CSS text-decoration of the HTML report's signal marks (claims and quotes have their own rules). */
  decoration?: string
}

const SIGNAL_LAYERS: Record<SignalLayer, Omit<LayerSpec, 'id'>> = {
  vague: { label: 'Vague attributions', short: 'vague source', decoration: 'underline wavy #c2410c' },
  misspelling: { label: 'Misspellings', short: 'misspelling', decoration: 'underline wavy #dc2626' },
  hedge: { label: 'Hedges', short: 'hedge', decoration: 'underline dotted #7c3aed' },
  style: { label: 'Sensational style', short: 'sensational style', decoration: 'underline dashed #be123c' },
}

/** Every layer in legend order. */
export const LAYERS: readonly LayerSpec[] = [
  { id: 'claim', label: 'Claims (darker = more check-worthy)', short: 'claim' },
  { id: 'quote', label: 'Quotes', short: 'quote' },
  ...(Object.keys(SIGNAL_LAYERS) as SignalLayer[]).map((id) => ({ id, ...SIGNAL_LAYERS[id] })),
]

/** A highlight that remembers where it came from, so a segment can say which claim, quote or signal it belongs to. */
export interface Mark extends Highlight {
  layer: Layer
  /** Index into report.claims / report.quotes / report.signals. */
  index: number
}

/** The layer a signal id is drawn in, if it is marked in the text. */
export function layerOfSignal(id: string, declarations: readonly SignalDeclaration[] = BUILTIN_SIGNALS): SignalLayer | undefined {
  return declarations.find((declaration) => declaration.id === id)?.layer
}

/**
 * Every mark of the report on its text, with a plain-text note for hover and focus. Signals about the title only are
 * left out (they have no span in the text), and so are signals whose declaration names no layer.
 */
export function reportMarks(report: Report, declarations: readonly SignalDeclaration[] = BUILTIN_SIGNALS): Mark[] {
  const layers = new Map(declarations.flatMap((d) => (d.layer ? [[d.id, d.layer] as const] : [])))
  const marks: Mark[] = []
  report.claims.forEach((claim, index) => {
    const attribution = claim.attribution.source ? `${claim.attribution.type}: ${claim.attribution.source}` : claim.attribution.type
    marks.push({
      start: claim.start,
      end: claim.end,
      kind: 'claim',
      layer: 'claim',
      index,
      level: claim.checkworthiness,
      note: `Claim ${claim.id}, check-worthiness ${percent(claim.checkworthiness)}, attribution ${attribution}`,
    })
  })
  report.quotes.forEach((quote, index) => {
    const verb = quote.verb ? ` (${quote.verb})` : ''
    marks.push({ start: quote.start, end: quote.end, kind: 'quote', layer: 'quote', index, note: `Quote by ${quote.speaker ?? 'unknown speaker'}${verb}` })
  })
  report.signals.forEach((signal, index) => {
    const layer = layers.get(signal.id)
    if (!layer || signal.scope === 'title') return
    marks.push({ start: signal.start, end: signal.end, kind: `signal-${signal.id}`, layer, index, note: signal.message })
  })
  return marks
}

/** Every span worth marking in the article (the HTML report's view of reportMarks). */
export function reportHighlights(report: Report, declarations: readonly SignalDeclaration[] = BUILTIN_SIGNALS): Highlight[] {
  return reportMarks(report, declarations).map(({ start, end, kind, note, level }) => (level === undefined ? { start, end, kind, note } : { start, end, kind, note, level }))
}

/** The HTML report's CSS for signal marks: one rule per layer naming the classes of the signals drawn in it. */
export function signalMarkCss(declarations: readonly SignalDeclaration[] = BUILTIN_SIGNALS): string {
  return LAYERS.flatMap((layer) => {
    const ids = declarations.filter((d) => d.layer === layer.id).map((d) => `.mark.signal-${d.id}`)
    return layer.decoration && ids.length > 0 ? [`${ids.join(', ')} { text-decoration: ${layer.decoration}; }`] : []
  }).join('\n')
}

/** The HTML report's legend: one sample per layer that has marks (claims, quotes and each signal layer). */
export function legendSamples(declarations: readonly SignalDeclaration[] = BUILTIN_SIGNALS): { kind: string; text: string }[] {
  return LAYERS.flatMap((layer) => {
    if (layer.id === 'claim' || layer.id === 'quote') return [{ kind: layer.id, text: layer.short }]
    const first = declarations.find((d) => d.layer === layer.id)
    return first ? [{ kind: `signal-${first.id}`, text: layer.short }] : []
  })
}
