// Watching the news flow: Today (claim clusters with filters), one cluster (its articles and a timeline), alerts, feeds.
// Every feed and article string is rendered as text (Preact escapes it); links only for http(s) URLs.
import { useEffect, useState } from 'preact/hooks'
import { addFeed, ApiError, getCluster, listAlerts, listClusters, listFeeds, removeFeed, type AlertView, type ClusterClaimView, type ClusterView, type FeedView } from '../api.js'
import { ErrorNotice } from '../components/error-notice.js'

const asError = (caught: unknown) => (caught instanceof ApiError ? caught : new ApiError(0, 'E_INTERNAL', String(caught)))
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '')

/** An http(s) link, or the text alone (javascript:, data:, file: never become links). */
function SafeLink({ href, children }: { href: string | null; children: string }) {
  if (href && /^https?:\/\//i.test(href)) return <a href={href} rel="noopener noreferrer nofollow" target="_blank">{children}</a>
  return <span>{children}</span>
}

function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; error: ApiError | null; reload(): void } {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [tick, setTick] = useState(0)
  useEffect(() => {
    let live = true
    setError(null)
    load().then((d) => live && setData(d), (e) => live && setError(asError(e)))
    return () => void (live = false)
  }, [...deps, tick])
  return { data, error, reload: () => setTick((t) => t + 1) }
}

export function TodayPage() {
  const [since, setSince] = useState('24h')
  const [outlet, setOutlet] = useState('')
  const [knownFalse, setKnownFalse] = useState(false)
  const { data, error } = useLoad(() => listClusters({ ...(since ? { since } : {}), ...(outlet ? { outlet } : {}), knownFalse }), [since, outlet, knownFalse])
  return (
    <section class="card today" aria-labelledby="today-heading">
      <h1 id="today-heading">Today</h1>
      <p class="muted small">Claims told across the watched feeds, grouped when they say the same thing; ranked by check-worthiness × spread × known-false.</p>
      <div class="filters" role="group" aria-label="Filters">
        <label for="today-since">Seen within</label>
        <select id="today-since" value={since} onChange={(e) => setSince(e.currentTarget.value)}>
          <option value="6h">6 hours</option>
          <option value="24h">24 hours</option>
          <option value="7d">7 days</option>
          <option value="">any time</option>
        </select>
        <label for="today-outlet">Outlet</label>
        <select id="today-outlet" value={outlet} onChange={(e) => setOutlet(e.currentTarget.value)}>
          <option value="">all outlets</option>
          {(data?.outlets ?? []).map((o) => (
            <option value={o}>{o}</option>
          ))}
        </select>
        <label>
          <input type="checkbox" id="today-known-false" checked={knownFalse} onChange={(e) => setKnownFalse(e.currentTarget.checked)} /> Known false only
        </label>
      </div>
      {error && <ErrorNotice error={error} />}
      {data && data.items.length === 0 && <p class="muted">No claim clusters yet: `factsift watch` fills them from the feeds.</p>}
      <ol class="cluster-list">
        {(data?.items ?? []).map((c) => (
          <ClusterItem cluster={c} />
        ))}
      </ol>
    </section>
  )
}

function ClusterItem({ cluster: c }: { cluster: ClusterView }) {
  return (
    <li class="cluster-item" data-testid="cluster">
      <a class="cluster-link" href={`#/claims/${c.id}`}>
        {c.representative}
      </a>
      <div class="small">
        {c.knownFalse && <span class="badge badge-false">Rated false</span>} {c.contradicted && <span class="badge badge-contradicted">Contradicted</span>}{' '}
        <span class="cluster-spread">
          {c.articleCount} article{c.articleCount === 1 ? '' : 's'}, {c.outletCount} outlet{c.outletCount === 1 ? '' : 's'}
        </span>{' '}
        · <span class="cluster-outlets">{c.outlets.join(', ')}</span> · last seen {when(c.lastSeenAt)} · score {c.score.toFixed(2)}
      </div>
    </li>
  )
}

export function ClusterPage({ id }: { id: string }) {
  const { data, error } = useLoad(() => getCluster(id), [id])
  if (error) return <section class="card"><ErrorNotice error={error} /></section>
  if (!data) return <section class="card"><p class="muted">Loading…</p></section>
  const c = data.cluster
  const byTime = [...data.claims].sort((a, b) => (a.publishedAt ?? a.seenAt).localeCompare(b.publishedAt ?? b.seenAt))
  return (
    <section class="card cluster-page" aria-labelledby="cluster-heading">
      <p class="small"><a href="#/today">← Today</a></p>
      <h1 id="cluster-heading">{c.representative}</h1>
      <p>
        {c.knownFalse && <span class="badge badge-false">Rated false</span>} {c.contradicted && <span class="badge badge-contradicted">Contradicted by coverage</span>}{' '}
        {c.articleCount} articles from {c.outletCount} outlets; first seen {when(c.firstSeenAt)}, last {when(c.lastSeenAt)}. Coverage stance: {c.stance.agree} agree,{' '}
        {c.stance.disagree} disagree, {c.stance.discuss} discuss.
      </p>
      {c.factchecks.length > 0 && (
        <ul class="factchecks">
          {c.factchecks.map((f) => (
            <li>
              <SafeLink href={f.url}>{`${f.factChecker}: ${f.rating}`}</SafeLink> — {f.claim}
            </li>
          ))}
        </ul>
      )}
      <h2>Timeline</h2>
      <ol class="timeline" aria-label="Timeline">
        {byTime.map((a) => (
          <li>
            <time>{a.publishedAt ?? when(a.seenAt)}</time> {a.outlet ?? 'unknown outlet'}
          </li>
        ))}
      </ol>
      <h2>Articles</h2>
      <table class="cluster-articles">
        <thead>
          <tr>
            <th scope="col">Outlet</th>
            <th scope="col">Sentence</th>
            <th scope="col">Time</th>
            <th scope="col">Fact-check</th>
          </tr>
        </thead>
        <tbody>
          {data.claims.map((a) => (
            <ClaimRow claim={a} />
          ))}
        </tbody>
      </table>
    </section>
  )
}

function ClaimRow({ claim: a }: { claim: ClusterClaimView }) {
  const check = a.factchecks[0]
  return (
    <tr>
      <td>{a.outlet ?? ''}</td>
      <td>
        <q class="claim-sentence">{a.text}</q>
        <div class="small muted">
          {a.speaker ? `— ${a.speaker} · ` : ''}
          <SafeLink href={a.articleUrl}>{a.articleTitle ?? a.articleUrl ?? 'article'}</SafeLink> · <a href={`#/report/${a.reportId}`}>report</a>
        </div>
      </td>
      <td>{a.publishedAt ?? when(a.seenAt)}</td>
      <td>{check ? <SafeLink href={check.url}>{`${check.factChecker}: ${check.rating}`}</SafeLink> : a.verdict ?? ''}</td>
    </tr>
  )
}

export function AlertsPage() {
  const { data, error } = useLoad<AlertView[]>(() => listAlerts(), [])
  return (
    <section class="card alerts" aria-labelledby="alerts-heading">
      <h1 id="alerts-heading">Alerts</h1>
      {error && <ErrorNotice error={error} />}
      {data && data.length === 0 && <p class="muted">No alerts yet.</p>}
      <ul class="alert-list">
        {(data ?? []).map((a) => (
          <li data-testid="alert" class={`alert alert-${a.kind}`}>
            <strong>{a.kind}</strong> <span class="small muted">{when(a.createdAt)}</span>
            <div>
              <a href={`#/claims/${a.clusterId}`}>{a.message}</a>
            </div>
            <div class="small muted">
              {a.deliveries.length === 0 ? 'no webhook' : a.deliveries.map((d) => `${d.deliveredAt ? 'delivered' : `pending (${d.attempts} attempts)`}`).join('; ')}
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}

export function FeedsPage({ onUnauthorized }: { onUnauthorized(): void }) {
  const { data, error, reload } = useLoad<FeedView[]>(() => listFeeds(), [])
  const [url, setUrl] = useState('')
  const [name, setName] = useState('')
  const [every, setEvery] = useState('15m')
  const [problem, setProblem] = useState<ApiError | null>(null)
  const act = async (work: () => Promise<unknown>) => {
    setProblem(null)
    try {
      await work()
      reload()
    } catch (caught) {
      const e = asError(caught)
      if (e.status === 401) onUnauthorized()
      setProblem(e)
    }
  }
  return (
    <section class="card feeds" aria-labelledby="feeds-heading">
      <h1 id="feeds-heading">Feeds</h1>
      {error && <ErrorNotice error={error} />}
      {problem && <ErrorNotice error={problem} />}
      <table class="feeds-table">
        <thead>
          <tr>
            <th scope="col">Feed</th>
            <th scope="col">Items</th>
            <th scope="col">Status</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {(data ?? []).map((f) => (
            <tr data-testid="feed">
              <td>
                {f.name ?? f.title ?? f.url}
                <div class="small muted">{f.url}</div>
              </td>
              <td>{f.itemCount ?? 0}</td>
              <td>{f.errorCode ? `${f.errorCode}: ${f.errorMessage ?? ''}` : f.lastOkAt ? 'ok' : 'not polled yet'}</td>
              <td>
                <button type="button" class="link-button" onClick={() => void act(() => removeFeed(f.id))} aria-label={`Remove ${f.name ?? f.url}`}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        class="feed-form"
        onSubmit={(event) => {
          event.preventDefault()
          void act(() => addFeed({ url: url.trim(), ...(name.trim() ? { name: name.trim() } : {}), every }))
        }}
      >
        <h2>Add a feed</h2>
        <label for="feed-url">Feed URL (RSS, Atom, JSON Feed, news sitemap)</label>
        <input id="feed-url" type="url" required value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
        <label for="feed-name">Outlet name</label>
        <input id="feed-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <label for="feed-every">Poll every</label>
        <input id="feed-every" value={every} onInput={(e) => setEvery(e.currentTarget.value)} />
        <button type="submit">Add feed</button>
      </form>
    </section>
  )
}
