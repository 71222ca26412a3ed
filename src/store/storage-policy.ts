// What of a report the server keeps: the whole report, or one without the article's text, and nothing past a size cap.
import type { Report } from '../report/types.js'
import type { ReportRepository } from './report-repository.js'

export interface StoragePolicy {
  /** Keep `document.text` in the stored copy (default true). Without it, search finds reports by title only. */
  storeText: boolean
  /** A report whose stored JSON is larger than this is not saved (the client still gets it, with a warning). */
  maxReportBytes: number
}

/** 8 MB of JSON: a report is ~6× its article's text, so articles up to ~1.3 MB of text are kept. */
export const DEFAULT_MAX_REPORT_BYTES = 8 * 1024 * 1024

export const DEFAULT_STORAGE_POLICY: StoragePolicy = { storeText: true, maxReportBytes: DEFAULT_MAX_REPORT_BYTES }

export interface SaveOutcome {
  /** The stored id, or null when the report was not saved. */
  id: string | null
  /** The report as the client gets it: its id set, and a W_NOT_STORED / W_TEXT_NOT_STORED warning when one applies. */
  report: Report
}

/**
 * Saves `report` under the policy. The stored copy without text has `document.text` = "" and a W_TEXT_NOT_STORED
 * warning (the claims, quotes and signals keep their own sentences and offsets); a report over the cap is not saved and
 * the returned report carries W_NOT_STORED.
 */
export async function saveWithPolicy(reports: ReportRepository, report: Report, policy: StoragePolicy): Promise<SaveOutcome> {
  const stored: Report = policy.storeText
    ? report
    : {
        ...report,
        document: { ...report.document, text: '' },
        warnings: [...(report.warnings ?? []), { code: 'W_TEXT_NOT_STORED', message: 'the server keeps reports without the article text' }],
      }
  // UTF-16 length is a lower bound of the UTF-8 size and 3× an upper bound; the exact size only matters near the cap.
  const json = JSON.stringify(stored)
  const bytes = json.length * 3 <= policy.maxReportBytes ? json.length : Buffer.byteLength(json, 'utf8')
  if (bytes > policy.maxReportBytes) {
    const warning = {
      code: 'W_NOT_STORED',
      message: `the report (${megabytes(bytes)}) is larger than the server stores (${megabytes(policy.maxReportBytes)}); it was not saved`,
    }
    return { id: null, report: { ...report, warnings: [...(report.warnings ?? []), warning] } }
  }
  const id = await reports.save(stored)
  return { id, report: { ...report, id } }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}
