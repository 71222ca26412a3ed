// The page shell: header navigation, hash routes (#/, #/history, #/report/<id>) and the API key setting.
import { useEffect, useState } from 'preact/hooks'
import { getApiKey, setApiKey, UNAUTHORIZED_EVENT } from './api.js'
import { AnalyzePage, type Analyzed } from './pages/analyze-page.js'
import { HistoryPage } from './pages/history-page.js'
import { ReportPage } from './pages/report-page.js'
import { AlertsPage, ClusterPage, FeedsPage, TodayPage } from './pages/monitor-pages.js'

type Route = { page: 'analyze' } | { page: 'history' } | { page: 'report'; id: string } | { page: 'today' } | { page: 'cluster'; id: string } | { page: 'alerts' } | { page: 'feeds' }

function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '')
  if (path === '/history') return { page: 'history' }
  if (path === '/today') return { page: 'today' }
  if (path === '/alerts') return { page: 'alerts' }
  if (path === '/feeds') return { page: 'feeds' }
  const cluster = /^\/claims\/(cl-[0-9a-f]{16})$/.exec(path)
  if (cluster) return { page: 'cluster', id: cluster[1]! }
  // "#/report/<id>/claim/<claim id>" (a ClaimReview's url) opens the report too.
  const report = /^\/report\/([A-Za-z0-9_-]{1,128})(?:\/claim\/[A-Za-z0-9_-]{1,128})?$/.exec(path)
  if (report) return { page: 'report', id: report[1]! }
  return { page: 'analyze' }
}

export function App() {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash))
  const [result, setResult] = useState<Analyzed | null>(null)
  const [keyOpen, setKeyOpen] = useState(false)

  useEffect(() => {
    const onHash = () => {
      setRoute(parseRoute(location.hash))
      document.getElementById('main')?.focus({ preventScroll: true })
    }
    addEventListener('hashchange', onHash)
    return () => removeEventListener('hashchange', onHash)
  }, [])

  // Any call answered 401 (reads too, when the server requires keys) opens the key form.
  useEffect(() => {
    const onUnauthorized = () => setKeyOpen(true)
    addEventListener(UNAUTHORIZED_EVENT, onUnauthorized)
    return () => removeEventListener(UNAUTHORIZED_EVENT, onUnauthorized)
  }, [])

  return (
    <>
      <a class="skip-link" href="#main" onClick={(event) => (event.preventDefault(), document.getElementById('main')?.focus())}>
        Skip to content
      </a>
      <header class="site-header">
        <a class="brand" href="#/" onClick={() => setResult(null)}>
          Factsift
        </a>
        <nav aria-label="Main">
          <a href="#/" aria-current={route.page === 'analyze' ? 'page' : undefined}>
            Analyze
          </a>
          <a href="#/history" aria-current={route.page === 'history' ? 'page' : undefined}>
            History
          </a>
          <a href="#/today" aria-current={route.page === 'today' || route.page === 'cluster' ? 'page' : undefined}>
            Today
          </a>
          <a href="#/alerts" aria-current={route.page === 'alerts' ? 'page' : undefined}>
            Alerts
          </a>
          <a href="#/feeds" aria-current={route.page === 'feeds' ? 'page' : undefined}>
            Feeds
          </a>
          <a href="/docs">API docs</a>
        </nav>
        <button type="button" class="link-button key-button" aria-expanded={keyOpen} onClick={() => setKeyOpen(!keyOpen)}>
          API key{getApiKey() ? ' ✓' : ''}
        </button>
      </header>
      {keyOpen && <KeyForm onClose={() => setKeyOpen(false)} />}
      <main id="main" tabIndex={-1}>
        {route.page === 'analyze' && <AnalyzePage result={result} onResult={setResult} onUnauthorized={() => setKeyOpen(true)} />}
        {route.page === 'history' && <HistoryPage />}
        {route.page === 'report' && <ReportPage id={route.id} known={result?.report ?? null} />}
        {route.page === 'today' && <TodayPage />}
        {route.page === 'cluster' && <ClusterPage id={route.id} />}
        {route.page === 'alerts' && <AlertsPage />}
        {route.page === 'feeds' && <FeedsPage onUnauthorized={() => setKeyOpen(true)} />}
      </main>
      <footer class="site-footer muted small">
        Factsift flags what to check; it does not decide what is true. Everything runs on this server, offline.
      </footer>
    </>
  )
}

function KeyForm({ onClose }: { onClose(): void }) {
  const [value, setValue] = useState(getApiKey())
  return (
    <form
      class="key-form card"
      onSubmit={(event) => {
        event.preventDefault()
        setApiKey(value.trim())
        onClose()
      }}
    >
      <label for="api-key">API key (kept for this tab only)</label>
      <input id="api-key" type="password" autoComplete="off" value={value} onInput={(event) => setValue(event.currentTarget.value)} />
      <button type="submit">Save</button>
      <button type="button" onClick={onClose}>
        Cancel
      </button>
    </form>
  )
}
