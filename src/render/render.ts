// One place that maps an output format name to its renderer.
import type { Report } from '../report/types.js'
import { renderText } from './render-text.js'
import { renderHtml } from './render-html.js'
import { FactsiftError } from '../errors.js'

export const REPORT_FORMATS = ['text', 'json', 'html'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

export interface RenderOptions {
  color?: boolean
  /** Text: how many claims to list (default 20) and the columns to wrap to (default 100). */
  maxClaims?: number
  width?: number
}

export function renderReport(report: Report, format: ReportFormat, options: RenderOptions = {}): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`
    case 'html':
      return renderHtml(report)
    case 'text':
      return renderText(report, {
        color: options.color ?? false,
        ...(options.maxClaims !== undefined ? { maxClaims: options.maxClaims } : {}),
        ...(options.width !== undefined ? { width: options.width } : {}),
      })
  }
}

export function parseReportFormat(value: string): ReportFormat {
  if ((REPORT_FORMATS as readonly string[]).includes(value)) return value as ReportFormat
  throw new FactsiftError('E_BAD_ARGUMENT', `unknown format "${value}"; use one of ${REPORT_FORMATS.join(', ')}`)
}
