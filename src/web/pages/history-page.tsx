// Stored reports, newest first, searchable, one page at a time.
import { useEffect, useState } from 'preact/hooks'
import { ApiError, listReports, type ReportSummary } from '../api.js'
import { percent } from '../highlights.js'
import { ErrorNotice } from '../components/error-notice.js'

export function HistoryPage() {
  const [q, setQ] = useState('')
  const [items, setItems] = useState<ReportSummary[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<ApiError | null>(null)

  const load = async (query: string, after: string | null, append: boolean) => {
    setLoading(true)
    setError(null)
    try {
      const page = await listReports({ q: query, cursor: after })
      setItems((previous) => (append ? [...previous, ...page.items] : page.items))
      setCursor(page.nextCursor)
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'E_INTERNAL', String(caught)))
    } finally {
      setLoading(false)
    }
  }

  // Search as the user types, after a short pause.
  useEffect(() => {
    const timer = setTimeout(() => void load(q.trim(), null, false), q ? 250 : 0)
    return () => clearTimeout(timer)
  }, [q])

  return (
    <section class="card history" aria-labelledby="history-heading">
      <h1 id="history-heading">History</h1>
      <label for="history-search">Search titles and text</label>
      <input id="history-search" type="search" value={q} onInput={(event) => setQ(event.currentTarget.value)} />
      {error && <ErrorNotice error={error} />}
      <table class="history-table">
        <caption class="visually-hidden">Stored reports, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Article</th>
            <th scope="col">Outlet</th>
            <th scope="col">Risk</th>
            <th scope="col">Claims</th>
            <th scope="col">Analyzed</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>
                <a href={`#/report/${encodeURIComponent(item.id)}`}>{item.title ?? 'Untitled article'}</a>
              </td>
              <td>{item.outlet ?? '—'}</td>
              <td>
                {item.riskScore === null || item.riskLabel === 'not-assessed' ? (
                  <span class="risk-chip risk-not-assessed">not assessed</span>
                ) : (
                  <span class={`risk-chip risk-${item.riskLabel}`}>
                    {item.riskLabel} {percent(item.riskScore)}
                  </span>
                )}
              </td>
              <td>{item.claimCount ?? '—'}</td>
              <td>
                <time dateTime={item.createdAt}>{new Date(item.createdAt).toLocaleString()}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!loading && items.length === 0 && !error && <p class="muted">{q ? 'No report matches.' : 'No reports yet.'}</p>}
      {loading && <p class="muted" role="status">Loading…</p>}
      {cursor && !loading && (
        <button type="button" onClick={() => void load(q.trim(), cursor, true)}>
          Load more
        </button>
      )}
    </section>
  )
}
