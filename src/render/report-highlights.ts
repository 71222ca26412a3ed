// The highlights a report shows over its article text: claims, quotes, vague attributions and style signals.
import type { Report } from '../report/types.js'
import type { Highlight } from './highlight.js'

const SIGNAL_LABELS: Record<string, string> = {
  'vague-attribution': 'Vague attribution',
  misspelling: 'Misspelling',
  hedge: 'Hedge',
  sensational: 'Sensational wording',
  'all-caps': 'Capitals',
  exclamation: 'Exclamation',
}

/** Every span worth marking in the article, with a plain-text note for hover and focus. */
export function reportHighlights(report: Report): Highlight[] {
  const highlights: Highlight[] = []
  for (const claim of report.claims) {
    const attribution = claim.attribution.source ? `${claim.attribution.type}: ${claim.attribution.source}` : claim.attribution.type
    highlights.push({
      start: claim.start,
      end: claim.end,
      kind: 'claim',
      level: claim.checkworthiness,
      note: `Claim ${claim.id}, check-worthiness ${percent(claim.checkworthiness)}, attribution ${attribution}`,
    })
  }
  for (const quote of report.quotes) {
    const verb = quote.verb ? ` (${quote.verb})` : ''
    highlights.push({ start: quote.start, end: quote.end, kind: 'quote', note: `Quote by ${quote.speaker ?? 'unknown speaker'}${verb}` })
  }
  for (const signal of report.signals) {
    if (signal.scope === 'title' || !(signal.id in SIGNAL_LABELS)) continue
    highlights.push({ start: signal.start, end: signal.end, kind: `signal-${signal.id}`, note: signal.message })
  }
  return highlights
}

export function percent(value: number): string {
  return `${Math.round(value * 100)}%`
}
