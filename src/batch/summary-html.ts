// A small standalone page for a batch: histogram of risk scores and the most flagged articles. All text escaped.
import { escapeHtml } from '../render/escape-html.js'
import { notAssessedText, type BatchSummary } from './summary.js'

export function renderSummaryHtml(summary: BatchSummary, title = 'Factsift batch summary'): string {
  const max = Math.max(1, ...summary.histogram)
  const bars = summary.histogram
    .map((count, i) => {
      const height = Math.round((count / max) * 160)
      return `<div class="bar"><span class="count">${count}</span><div class="fill" style="height:${height}px"></div><span class="bin">${(i / 10).toFixed(1)}</span></div>`
    })
    .join('')
  const rows = summary.topFlagged
    .map((a) => `<tr><td>${(a.score * 100).toFixed(0)}%</td><td>${escapeHtml(a.label)}</td><td>${escapeHtml(a.title ?? a.id)}<br><small>${escapeHtml(a.id)}</small></td><td>${a.reasons.map(escapeHtml).join('<br>')}</td></tr>`)
    .join('')
  const codes = Object.entries(summary.errorsByCode).map(([code, n]) => `<li>${escapeHtml(code)}: ${n}</li>`).join('')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1d232a; }
.hist { display: flex; align-items: flex-end; gap: 6px; height: 210px; margin: 1rem 0 2rem; }
.bar { display: flex; flex-direction: column; align-items: center; justify-content: flex-end; width: 48px; height: 100%; }
.fill { width: 100%; background: #f59e0b; border-radius: 3px 3px 0 0; }
.bin, .count { font-size: .8rem; color: #555; }
table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid #ddd; padding: .4rem; text-align: left; vertical-align: top; }
</style></head><body>
<h1>${escapeHtml(title)}</h1>
<p>${summary.analyzed} analyzed · ${summary.errors} errors · ${summary.skipped} skipped · high ${summary.byLabel.high}, medium ${summary.byLabel.medium}, low ${summary.byLabel.low} · not assessed (no score) ${summary.notAssessed ?? 0}${escapeHtml(notAssessedText(summary))} · ${summary.itemsPerSecond} items/s</p>
<h2>Risk scores</h2>
<div class="hist" role="img" aria-label="Histogram of risk scores">${bars}</div>
<h2>Most flagged articles</h2>
<table><thead><tr><th>Risk</th><th>Label</th><th>Article</th><th>Top reasons</th></tr></thead><tbody>${rows}</tbody></table>
${codes ? `<h2>Errors by code</h2><ul>${codes}</ul>` : ''}
</body></html>
`
}
