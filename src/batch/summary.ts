// What a batch run adds up to: counts by risk label, errors by code, throughput, and the most flagged articles.
import type { Report, RiskLabel } from '../report/types.js'
import type { ReportDigest } from './worker-protocol.js'

export interface FlaggedArticle {
  id: string
  title: string | null
  score: number
  label: RiskLabel
  reasons: string[]
}

export interface BatchSummary {
  items: number
  analyzed: number
  errors: number
  skipped: number
  byLabel: Record<RiskLabel, number>
  errorsByCode: Record<string, number>
  elapsedMs: number
  itemsPerSecond: number
  /** Risk scores in ten bins of width 0.1. */
  histogram: number[]
  topFlagged: FlaggedArticle[]
}

const TOP = 20

export function createSummary() {
  const summary: BatchSummary = {
    items: 0,
    analyzed: 0,
    errors: 0,
    skipped: 0,
    byLabel: { low: 0, medium: 0, high: 0 },
    errorsByCode: {},
    elapsedMs: 0,
    itemsPerSecond: 0,
    histogram: new Array<number>(10).fill(0),
    topFlagged: [],
  }
  const started = Date.now()
  return {
    summary,
    addReport(id: string, report: Report) {
      this.addDigest(id, digestOf(report))
    },
    addDigest(id: string, digest: ReportDigest) {
      summary.items++
      summary.analyzed++
      summary.byLabel[digest.label]++
      summary.histogram[Math.min(9, Math.floor(digest.score * 10))]!++
      const flagged = summary.topFlagged
      if (flagged.length < TOP || digest.score > flagged[flagged.length - 1]!.score) {
        flagged.push({ id, ...digest })
        flagged.sort((a, b) => b.score - a.score)
        if (flagged.length > TOP) flagged.pop()
      }
    },
    addError(code: string) {
      summary.items++
      summary.errors++
      summary.errorsByCode[code] = (summary.errorsByCode[code] ?? 0) + 1
    },
    addSkipped() {
      summary.skipped++
    },
    finish(): BatchSummary {
      summary.elapsedMs = Date.now() - started
      summary.itemsPerSecond = Math.round((summary.items / Math.max(summary.elapsedMs, 1)) * 100_000) / 100
      return summary
    },
  }
}

/** What the summary keeps of a report. */
export function digestOf(report: Report): ReportDigest {
  return { title: report.document.title, score: report.risk.score, label: report.risk.label, reasons: report.risk.reasons.slice(0, 3).map((r) => r.message) }
}

/** The summary as a few plain lines for the terminal. */
export function formatSummary(summary: BatchSummary): string {
  const codes = Object.entries(summary.errorsByCode).map(([code, n]) => `${code} ${n}`).join(', ')
  const outcome = summary.errors === 0 ? `all ${summary.items} items succeeded` : `${summary.errors} of ${summary.items} items failed`
  return [
    outcome,
    `analyzed ${summary.analyzed}, errors ${summary.errors}${codes ? ` (${codes})` : ''}, skipped ${summary.skipped} already done`,
    `risk: high ${summary.byLabel.high}, medium ${summary.byLabel.medium}, low ${summary.byLabel.low}`,
    `${summary.itemsPerSecond} items/s over ${(summary.elapsedMs / 1000).toFixed(1)} s`,
  ].join('\n')
}
