// The page's view of the one highlight table (src/render/report-highlights.ts): segments of the text for the layers
// that are switched on, claim shades and counts per layer for the legend.
import type { Report } from '../report/types.js'
import { segmentText, type Segment } from '../render/highlight.js'
import { LAYERS, reportMarks, type Layer, type Mark } from '../render/report-highlights.js'

export { LAYERS, layerOfSignal, reportMarks, type Layer, type Mark } from '../render/report-highlights.js'
export { percent } from '../render/wording.js'

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

/** Counts per layer, for the legend. */
export function layerCounts(report: Report): Record<Layer, number> {
  const counts = Object.fromEntries(LAYERS.map((layer) => [layer.id, 0])) as Record<Layer, number>
  for (const mark of reportMarks(report)) counts[mark.layer]++
  return counts
}
