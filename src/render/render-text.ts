// Renders a report as a readable terminal summary: risk, top claims, quotes with speakers, sources, signals.
import { createColors } from 'picocolors'
import { isAssessed, type Report, type Signal } from '../report/types.js'
import { REASON_WEIGHT_LEGEND, STANCE_VERBS, evidenceSummaryText, percent, ratingBadgeText, reasonWeightText } from './wording.js'
import { signalCatalog } from '../analyzers/signals.js'

export interface TextRenderOptions {
  color?: boolean
  /** How many claims to list (the rest are counted); each is shown in full. Default DEFAULT_MAX_CLAIMS. */
  maxClaims?: number
  /** Columns to wrap to (the terminal's width); default 100. */
  width?: number
}

export const DEFAULT_MAX_CLAIMS = 20
const MIN_WIDTH = 40

/** A plain-text summary of the report; colored when `color` is true. */
export function renderText(report: Report, options: TextRenderOptions = {}): string {
  const c = createColors(options.color ?? false)
  const width = Math.max(MIN_WIDTH, options.width ?? 100)
  const maxClaims = options.maxClaims ?? DEFAULT_MAX_CLAIMS
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

  if (isAssessed(report)) {
    const riskColor = report.risk.label === 'high' ? c.red : report.risk.label === 'medium' ? c.yellow : c.green
    lines.push(`${c.bold('Risk:')} ${riskColor(c.bold(report.risk.label.toUpperCase()))} ${percent(report.risk.score ?? 0)}`)
    for (const reason of report.risk.reasons) {
      const [first, ...rest] = wrap(reason.message, width - 9)
      lines.push(`  ${c.dim(reasonWeightText(reason.weight).padStart(5))}  ${first}`)
      for (const line of rest) lines.push(`         ${line}`)
    }
  } else {
    lines.push(`${c.bold('Risk:')} ${c.yellow(c.bold('NOT ASSESSED'))} (no score)`)
    for (const reason of report.assessment?.reasons ?? []) lines.push(`  ${reason.message}`)
    const skipped = report.assessment?.skipped ?? []
    if (skipped.length > 0) lines.push(c.dim(`  not run: ${skipped.map((s) => s.analyzer).join(', ')}`))
  }
  if (report.risk.reasons.length > 0) for (const line of wrap(REASON_WEIGHT_LEGEND, width - 2)) lines.push(c.dim(`  ${line}`))
  lines.push('')
  const warnings = report.warnings ?? []
  if (warnings.length > 0) {
    lines.push(c.bold(c.yellow(`Warnings (${warnings.length})`)))
    for (const warning of warnings) {
      const [first, ...rest] = wrap(`${warning.code}: ${warning.message}`, width - 4)
      lines.push(c.yellow(`  ! ${first}`))
      for (const line of rest) lines.push(c.yellow(`    ${line}`))
    }
    lines.push('')
  }

  const shown = report.claims.slice(0, maxClaims)
  lines.push(c.bold(`Claims to check (${shown.length < report.claims.length ? `top ${shown.length} of ` : ''}${report.claims.length})`))
  shown.forEach((claim, i) => {
    const attribution = claim.attribution.source ? `${claim.attribution.type}: ${claim.attribution.source}` : claim.attribution.type
    const tag = claim.attribution.type === 'vague' ? c.yellow(`[${attribution}]`) : c.dim(`[${attribution}]`)
    // The whole claim, wrapped under itself: "  1.  89% [none] On Nov. 15, 2019, the …".
    const head = `${String(i + 1).padStart(3)}. ${percent(claim.checkworthiness).padStart(4)} [${attribution}] `
    const [first, ...rest] = wrap(claim.text, width - 7, width - head.length)
    lines.push(`${String(i + 1).padStart(3)}. ${c.bold(percent(claim.checkworthiness).padStart(4))} ${tag} ${first}`)
    for (const line of rest) lines.push(`       ${line}`)
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
  if (shown.length < report.claims.length) {
    lines.push(c.dim(`  … ${report.claims.length - shown.length} more (--max-claims ${report.claims.length} shows them all)`))
  }
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

/**
 * Words of `text` (whitespace collapsed) in lines of at most `max` columns (`firstMax` for the first line); a longer
 * word stands on its own line.
 */
export function wrap(text: string, max: number, firstMax = max): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ')
  const lines: string[] = []
  let line = ''
  for (const word of words) {
    if (line && line.length + 1 + word.length > (lines.length === 0 ? firstMax : max)) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line || lines.length === 0) lines.push(line)
  return lines
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ')
  return flat.length <= max ? flat : `${flat.slice(0, Math.max(1, max - 1))}…`
}
