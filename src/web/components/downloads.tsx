// Downloads: the report as JSON, as the server's standalone HTML, and ClaimReview JSON-LD for the claims rated here.
import type { Report } from '../../report/types.js'
import { fetchReportHtml, getApiKey, reportHtmlUrl } from '../api.js'
import { buildClaimReviews, today, type Verdict } from '../claimreview.js'
import { downloadText, fileStem } from '../download.js'

interface Props {
  report: Report
  stored: boolean
  verdicts: Record<string, Verdict>
  reviewer: string
  onReviewer(name: string): void
}

export function Downloads({ report, stored, verdicts, reviewer, onReviewer }: Props) {
  const stem = fileStem(report.document.title, report.id)
  const rated = Object.keys(verdicts).length
  return (
    <section class="card downloads" aria-labelledby="downloads-heading">
      <h2 id="downloads-heading">Download</h2>
      <div class="button-row">
        <button type="button" onClick={() => downloadText(`${stem}.json`, `${JSON.stringify(report, null, 2)}\n`, 'application/json')}>
          Report JSON
        </button>
        {stored && report.id ? (
          <a
            class="button"
            href={reportHtmlUrl(report.id)}
            download={`${stem}.html`}
            onClick={(event) => {
              // With a key, fetch with it and save the text: the plain link would be refused (401).
              if (!getApiKey()) return
              event.preventDefault()
              const id = report.id!
              void fetchReportHtml(id).then((html) => downloadText(`${stem}.html`, html, 'text/html'), () => undefined)
            }}
          >
            Standalone HTML
          </a>
        ) : (
          <button type="button" disabled title="Only stored reports can be exported as HTML">
            Standalone HTML
          </button>
        )}
        <button
          type="button"
          disabled={rated === 0}
          onClick={() => {
            // A stored report has a page of its own: the review's url until it is published elsewhere.
            const reportUrl = stored && report.id ? new URL(`#/report/${encodeURIComponent(report.id)}`, location.href).href : undefined
            const reviews = buildClaimReviews(report, { verdicts, reviewer, date: today(), ...(reportUrl ? { reportUrl } : {}) })
            downloadText(`${stem}.claimreview.jsonld`, `${JSON.stringify(reviews, null, 2)}\n`, 'application/ld+json')
          }}
        >
          ClaimReview ({rated} rated)
        </button>
      </div>
      <label class="reviewer">
        Reviewed by{' '}
        <input type="text" value={reviewer} placeholder="Your organization" onInput={(e) => onReviewer(e.currentTarget.value)} />
      </label>
      {rated === 0 && <p class="muted small">Give a verdict on a claim below to export it as ClaimReview.</p>}
    </section>
  )
}
