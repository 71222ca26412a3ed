// The page's only way to the server: small typed wrappers over the /v1 JSON API, errors as ApiError.
import type { Report } from '../report/types.js'
import type { ArticleInput } from '../ingest/article-input.js'
import type { StoredReportSummary as ReportSummary } from '../store/report-repository.js'

// Shapes shared with the server, imported as types only (nothing from the server code reaches the bundle).
export type { ArticleInput } from '../ingest/article-input.js'
export type { StoredReportSummary as ReportSummary } from '../store/report-repository.js'

/** A failed call, with the server's stable error code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

const KEY_STORAGE = 'factsift.apiKey'

/** The API key the user entered for this tab (sessionStorage: gone when the tab closes). */
export function getApiKey(): string {
  try {
    return sessionStorage.getItem(KEY_STORAGE) ?? ''
  } catch {
    return ''
  }
}

export function setApiKey(key: string): void {
  try {
    if (key) sessionStorage.setItem(KEY_STORAGE, key)
    else sessionStorage.removeItem(KEY_STORAGE)
  } catch {
    // storage disabled: the key lasts only until reload
  }
}

/** Fired on window when the server answers 401: the shell opens the key form (once; the key is then kept for the tab). */
export const UNAUTHORIZED_EVENT = 'factsift:unauthorized'

async function call<T>(path: string, init: RequestInit = {}): Promise<{ body: T; response: Response }> {
  const headers = new Headers(init.headers)
  const key = getApiKey()
  // With FACTSIFT_API_KEYS set, reads need a key too: send it on every call.
  if (key) headers.set('authorization', `Bearer ${key}`)
  let response: Response
  try {
    response = await fetch(path, { ...init, headers, credentials: 'same-origin' })
  } catch {
    throw new ApiError(0, 'E_NETWORK', 'The server did not answer. Is `factsift serve` still running?')
  }
  const text = await response.text()
  let body: unknown = null
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    throw new ApiError(response.status, 'E_INTERNAL', `Unexpected answer from the server (HTTP ${response.status}).`)
  }
  if (!response.ok) {
    if (response.status === 401) dispatchEvent(new Event(UNAUTHORIZED_EVENT))
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error
    throw new ApiError(response.status, error?.code ?? 'E_INTERNAL', error?.message ?? `HTTP ${response.status}`)
  }
  return { body: body as T, response }
}

/** Analyzes one article; `stored` tells whether the server kept it (so it has a page and an HTML export). */
export async function analyzeArticle(input: ArticleInput, signal?: AbortSignal): Promise<{ report: Report; stored: boolean }> {
  const { body, response } = await call<Report>('/v1/analyze', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
    ...(signal ? { signal } : {}),
  })
  return { report: body, stored: response.headers.has('location') }
}

export async function getReport(id: string): Promise<Report> {
  return (await call<Report>(`/v1/reports/${encodeURIComponent(id)}`)).body
}

export async function listReports(query: { q?: string; cursor?: string | null; limit?: number }) {
  const params = new URLSearchParams()
  if (query.q) params.set('q', query.q)
  if (query.cursor) params.set('cursor', query.cursor)
  params.set('limit', String(query.limit ?? 20))
  return (await call<{ items: ReportSummary[]; nextCursor: string | null }>(`/v1/reports?${params}`)).body
}

/** Where the server's standalone HTML rendering of a stored report downloads from. */
export function reportHtmlUrl(id: string): string {
  return `/v1/reports/${encodeURIComponent(id)}?format=html&download=true`
}

/** The standalone HTML as text, fetched with the API key (a plain link cannot send one). */
export async function fetchReportHtml(id: string): Promise<string> {
  const response = await fetch(reportHtmlUrl(id), { headers: { authorization: `Bearer ${getApiKey()}` }, credentials: 'same-origin' })
  if (response.status === 401) dispatchEvent(new Event(UNAUTHORIZED_EVENT))
  if (!response.ok) throw new ApiError(response.status, 'E_DOWNLOAD', `HTTP ${response.status}`)
  return response.text()
}

// ---- watching the news flow ----

export interface ClusterView {
  id: string
  representative: string
  score: number
  articleCount: number
  outletCount: number
  outlets: string[]
  knownFalse: boolean
  contradicted: boolean
  firstSeenAt: string
  lastSeenAt: string
  factchecks: { url: string; rating: string; factChecker: string; claim: string }[]
  stance: { agree: number; disagree: number; discuss: number }
}
export interface ClusterClaimView {
  id: string
  reportId: string
  text: string
  articleUrl: string | null
  articleTitle: string | null
  outlet: string | null
  speaker: string | null
  publishedAt: string | null
  seenAt: string
  verdict: string | null
  similarity: number
  factchecks: { url: string; rating: string; factChecker: string }[]
}
export interface AlertView {
  id: string
  kind: string
  clusterId: string
  message: string
  createdAt: string
  deliveries: { webhook: string; deliveredAt: number | null; attempts: number }[]
}
export interface FeedView {
  id: string
  url: string
  name: string | null
  title: string | null
  itemCount?: number
  errorCode: string | null
  errorMessage: string | null
  lastOkAt: string | null
}

export async function listClusters(query: { since?: string; outlet?: string; knownFalse?: boolean }) {
  const params = new URLSearchParams()
  if (query.since) params.set('since', query.since)
  if (query.outlet) params.set('outlet', query.outlet)
  if (query.knownFalse) params.set('knownFalse', 'true')
  return (await call<{ items: ClusterView[]; outlets: string[] }>(`/v1/claims?${params}`)).body
}
export async function getCluster(id: string) {
  return (await call<{ cluster: ClusterView; claims: ClusterClaimView[] }>(`/v1/claims/${encodeURIComponent(id)}`)).body
}
export async function listAlerts() {
  return (await call<{ items: AlertView[] }>('/v1/alerts')).body.items
}
export async function listFeeds() {
  return (await call<FeedView[]>('/v1/feeds')).body
}
export async function addFeed(body: { url: string; name?: string; every?: string }) {
  return (await call<{ created: boolean }>('/v1/feeds', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).body
}
export async function removeFeed(id: string) {
  return (await call<{ removed: boolean }>(`/v1/feeds/${encodeURIComponent(id)}`, { method: 'DELETE' })).body
}
