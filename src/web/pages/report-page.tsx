// A stored report by id (links from the history page).
import { useEffect, useState } from 'preact/hooks'
import { ApiError, getReport } from '../api.js'
import type { Report } from '../../report/types.js'
import { ReportView } from '../components/report-view.js'
import { ErrorNotice } from '../components/error-notice.js'

export function ReportPage({ id, known }: { id: string; known: Report | null }) {
  const [report, setReport] = useState<Report | null>(known && known.id === id ? known : null)
  const [error, setError] = useState<ApiError | null>(null)

  useEffect(() => {
    if (report?.id === id) return
    let cancelled = false
    setError(null)
    getReport(id)
      .then((loaded) => !cancelled && setReport(loaded))
      .catch((caught) => !cancelled && setError(caught instanceof ApiError ? caught : new ApiError(0, 'E_INTERNAL', String(caught))))
    return () => {
      cancelled = true
    }
  }, [id])

  if (error) return <ErrorNotice error={error} />
  if (!report) return <p class="muted" role="status">Loading report…</p>
  return (
    <>
      <div class="toolbar">
        <a class="button" href="#/history">
          ← History
        </a>
      </div>
      <ReportView report={report} stored={true} />
    </>
  )
}
