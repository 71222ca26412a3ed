// What a batch run adds up to: counts by risk label, documents not assessed (apart, by reason), errors by code,
// throughput, and the most flagged articles.
import { isAssessed, type Report, type RiskLabel } from '../report/types.js'
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
  /** Assessed documents by risk label (not-assessed ones are counted in `notAssessed` only). */
  byLabel: Record<RiskLabel, number>
  /** Documents analyzed but not assessed (another language, too little prose, not prose): no score. */
  notAssessed: number
  /** Not-assessed documents by reason code (a document may have two reasons). */
  notAssessedByReason: Record<string, number>
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
    notAssessed: 0,
    notAssessedByReason: {},
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
      if (digest.score === null || digest.label === 'not-assessed') {
        summary.notAssessed++
        for (const code of digest.notAssessed ?? ['unknown']) summary.notAssessedByReason[code] = (summary.notAssessedByReason[code] ?? 0) + 1
        return
      }
      const score = digest.score
      summary.byLabel[digest.label]++
      summary.histogram[Math.min(9, Math.floor(score * 10))]!++
      const flagged = summary.topFlagged
      if (flagged.length < TOP || score > flagged[flagged.length - 1]!.score) {
        flagged.push({ id, title: digest.title, score, label: digest.label, reasons: digest.reasons })
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
    /** `endedAt` (Date.now() when the last output was closed): a batch's time does not include its threads' exit. */
    finish(endedAt = Date.now()): BatchSummary {
      summary.elapsedMs = endedAt - started
      summary.itemsPerSecond = Math.round((summary.items / Math.max(summary.elapsedMs, 1)) * 100_000) / 100
      return summary
    },
  }
}

/** What the summary keeps of a report. */
export function digestOf(report: Report): ReportDigest {
  if (!isAssessed(report)) {
    const codes = (report.assessment?.reasons ?? []).map((r) => r.code)
    return { title: report.document.title, score: null, label: 'not-assessed', reasons: (report.assessment?.reasons ?? []).map((r) => r.message), notAssessed: codes }
  }
  return { title: report.document.title, score: report.risk.score, label: report.risk.label as RiskLabel, reasons: report.risk.reasons.slice(0, 3).map((r) => r.message) }
}

/** The summary as a few plain lines for the terminal. */
export function formatSummary(summary: BatchSummary): string {
  const codes = Object.entries(summary.errorsByCode).map(([code, n]) => `${code} ${n}`).join(', ')
  const outcome = summary.errors === 0 ? `all ${summary.items} items succeeded` : `${summary.errors} of ${summary.items} items failed`
  return [
    outcome,
    `analyzed ${summary.analyzed}, errors ${summary.errors}${codes ? ` (${codes})` : ''}, skipped ${summary.skipped} already done`,
    `risk: high ${summary.byLabel.high}, medium ${summary.byLabel.medium}, low ${summary.byLabel.low}; not assessed ${summary.notAssessed}${notAssessedText(summary)}`,
    `${summary.itemsPerSecond} items/s over ${(summary.elapsedMs / 1000).toFixed(1)} s`,
  ].join('\n')
}

/** " (language 3, too-little-prose 1)" or "". */
export function notAssessedText(summary: BatchSummary): string {
  const reasons = Object.entries(summary.notAssessedByReason ?? {}).sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ${n}`)
  return reasons.length > 0 ? ` (${reasons.join(', ')})` : ''
}
