// Renders a report as a readable terminal summary: risk, top claims, quotes with speakers, sources, signals.
import { createColors } from 'picocolors'
import type { Report, Signal } from '../report/types.js'
import { STANCE_VERBS, evidenceSummaryText, percent, ratingBadgeText, reasonWeightText } from './wording.js'
import { signalCatalog } from '../analyzers/signals.js'

export interface TextRenderOptions {
  color?: boolean
  /** How many claims to list (the rest are counted). */
  maxClaims?: number
  width?: number
}

/** A plain-text summary of the report; colored when `color` is true. */
export function renderText(report: Report, options: TextRenderOptions = {}): string {
  const c = createColors(options.color ?? false)
  const width = options.width ?? 100
  const maxClaims = options.maxClaims ?? 8
  const lines: string[] = []
  const doc = report.document
  lines.push(c.bold(doc.title ?? 'Untitled article'))
  lines.push(c.dim([doc.outlet, doc.byline, doc.publishedAt, doc.url, `${doc.wordCount} words`].filter(Boolean).join(' · ')))
  const publisher = doc.publisher
  if (publisher) {
    const who = `${publisher.name ?? publisher.domain}${publisher.domain && publisher.domain !== publisher.name ? ` (${publisher.domain})` : ''}`
    lines.push(`${c.bold('Publisher:')} ${who} — ${ratingBadgeText(publisher.rating)}`)
  }
  lines.push('')

  const riskColor = report.risk.label === 'high' ? c.red : report.risk.label === 'medium' ? c.yellow : c.green
  lines.push(`${c.bold('Risk:')} ${riskColor(c.bold(report.risk.label.toUpperCase()))} ${percent(report.risk.score)}`)
  for (const reason of report.risk.reasons) {
    lines.push(`  ${c.dim(reasonWeightText(reason.weight).padStart(5))}  ${reason.message}`)
  }
  lines.push('')

  const shown = report.claims.slice(0, maxClaims)
  lines.push(c.bold(`Claims to check (${shown.length < report.claims.length ? `top ${shown.length} of ` : ''}${report.claims.length})`))
  shown.forEach((claim, i) => {
    const attribution = claim.attribution.source ? `${claim.attribution.type}: ${claim.attribution.source}` : claim.attribution.type
    const tag = claim.attribution.type === 'vague' ? c.yellow(`[${attribution}]`) : c.dim(`[${attribution}]`)
    lines.push(`${String(i + 1).padStart(3)}. ${c.bold(percent(claim.checkworthiness).padStart(4))} ${tag} ${truncate(claim.text, width)}`)
    for (const match of claim.matches) {
      lines.push(`       ${c.magenta('fact-check')} ${match.factChecker}: ${c.bold(match.rating)} — ${truncate(match.claim, 60)} ${c.dim(match.url)}`)
    }
    const summary = claim.evidenceSummary
    if (summary && claim.evidence.length > 0) {
      lines.push(`       ${c.cyan('coverage')} ${evidenceSummaryText(summary)}`)
    }
    for (const ev of claim.evidence) {
      const verb = STANCE_VERBS[ev.stance]
      const stance = ev.stance === 'disagree' ? c.red(verb) : ev.stance === 'agree' ? c.green(verb) : verb
      lines.push(`         ${ev.outlet || 'unknown outlet'} ${stance} — ${truncate(ev.title, 60)} ${c.dim(ev.url)}`)
    }
  })
  if (report.claims.length === 0) lines.push('  none found')
  lines.push('')

  if (report.quotes.length > 0) {
    lines.push(c.bold(`Quotes (${report.quotes.length})`))
    for (const quote of report.quotes) {
      const verb = quote.verb ? c.dim(` (${quote.verb})`) : ''
      lines.push(`  “${truncate(quote.text, width - 30)}” — ${quote.speaker ?? c.dim('unknown speaker')}${verb}`)
    }
    lines.push('')
  }
  if (report.sources.length > 0) {
    lines.push(`${c.bold('Sources:')} ${report.sources.map((s) => `${s.name} (${s.kind}${s.mentions > 1 ? `, ${s.mentions}×` : ''}${s.rating ? `; ${ratingBadgeText(s.rating)}` : ''})`).join('; ')}`)
  }
  const people = report.entities.filter((e) => e.type === 'person' || e.type === 'organization').slice(0, 12)
  if (people.length > 0) lines.push(`${c.bold('People and organizations:')} ${people.map((e) => e.name).join(', ')}`)
  const signalSummary = summarizeSignals(report)
  if (signalSummary) lines.push(`${c.bold('Signals:')} ${signalSummary}`)
  for (const error of report.errors) lines.push(c.red(`Analyzer ${error.analyzer} failed: ${error.code} ${error.message}`))
  for (const warning of report.warnings ?? []) lines.push(c.yellow(`Warning: ${warning.code} ${warning.message}`))
  return `${lines.join('\n')}\n`
}

/** "3 hedge (it seems, reportedly); 1 misspelling (goverment)": each kind by its declared label, the id if undeclared. */
function summarizeSignals(report: Report): string {
  const catalog = signalCatalog()
  const groups = new Map<string, Signal[]>()
  for (const signal of report.signals) groups.set(signal.id, [...(groups.get(signal.id) ?? []), signal])
  return [...groups]
    .map(([id, signals]) => {
      const examples = [...new Set(signals.map((s) => exampleOf(report, s)).filter(Boolean))].slice(0, 3)
      const label = catalog.get(id)?.label
      const name = label ? label[0]!.toLowerCase() + label.slice(1) : id
      return `${signals.length} ${name}${examples.length ? ` (${examples.join(', ')})` : ''}`
    })
    .join('; ')
}

function exampleOf(report: Report, signal: Signal): string {
  if (signal.scope === 'title' || signal.end - signal.start > 40) return ''
  return report.document.text.slice(signal.start, signal.end)
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ')
  return flat.length <= max ? flat : `${flat.slice(0, Math.max(1, max - 1))}…`
}
