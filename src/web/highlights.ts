// Turns a report into the layers the page marks over the article text, and cuts the text into segments to render.
import type { Report } from '../report/types.js'
import { segmentText, type Highlight, type Segment } from '../render/highlight.js'

export type Layer = 'claim' | 'quote' | 'vague' | 'misspelling' | 'hedge' | 'style'

export const LAYERS: { id: Layer; label: string }[] = [
  { id: 'claim', label: 'Claims (darker = more check-worthy)' },
  { id: 'quote', label: 'Quotes' },
  { id: 'vague', label: 'Vague attributions' },
  { id: 'misspelling', label: 'Misspellings' },
  { id: 'hedge', label: 'Hedges' },
  { id: 'style', label: 'Sensational style' },
]

/** A highlight that remembers where it came from, so a segment can say which claim or quote it belongs to. */
export interface Mark extends Highlight {
  layer: Layer
  /** Index into report.claims / report.quotes / report.signals. */
  index: number
}

const SIGNAL_LAYERS: Record<string, Layer> = {
  'vague-attribution': 'vague',
  misspelling: 'misspelling',
  hedge: 'hedge',
  sensational: 'style',
  'all-caps': 'style',
  exclamation: 'style',
}

/** The layer a signal id is drawn in, if the page marks it. */
export function layerOfSignal(id: string): Layer | undefined {
  return SIGNAL_LAYERS[id]
}

/** Every mark of the report on its text; signals about the title only are left out (they have no span in the text). */
export function reportMarks(report: Report): Mark[] {
  const marks: Mark[] = []
  report.claims.forEach((claim, index) => {
    marks.push({ start: claim.start, end: claim.end, kind: 'claim', layer: 'claim', index, level: claim.checkworthiness, note: '' })
  })
  report.quotes.forEach((quote, index) => {
    marks.push({ start: quote.start, end: quote.end, kind: 'quote', layer: 'quote', index, note: '' })
  })
  report.signals.forEach((signal, index) => {
    const layer = SIGNAL_LAYERS[signal.id]
    if (!layer || signal.scope === 'title') return
    marks.push({ start: signal.start, end: signal.end, kind: signal.id, layer, index, note: signal.message })
  })
  return marks
}

export interface MarkedSegment extends Segment {
  highlights: Mark[]
}

/** Segments of the text for the layers that are switched on. */
export function markedSegments(report: Report, visible: ReadonlySet<Layer>): MarkedSegment[] {
  const marks = reportMarks(report).filter((mark) => visible.has(mark.layer))
  return segmentText(report.document.text.length, marks) as MarkedSegment[]
}

/** Check-worthiness in five shades, as a class name: cw1 (light) … cw5 (dark). */
export function shade(checkworthiness: number): string {
  const level = Math.min(5, Math.max(1, Math.ceil(checkworthiness * 5)))
  return `cw${level}`
}

export function percent(value: number): string {
  return `${Math.round(value * 100)}%`
}

/** Counts per layer, for the legend. */
export function layerCounts(report: Report): Record<Layer, number> {
  const counts: Record<Layer, number> = { claim: 0, quote: 0, vague: 0, misspelling: 0, hedge: 0, style: 0 }
  for (const mark of reportMarks(report)) counts[mark.layer]++
  return counts
}
