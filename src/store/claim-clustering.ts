// The claim store's one algorithm, shared by SQLite (run synchronously inside a transaction) and PostgreSQL (awaited
// inside a transaction): a generator that yields the storage operations it needs, so the steps are written once.
import { createHash } from 'node:crypto'
import { bm25Idf, bm25TermScore } from '../search/bm25.js'
import { indexTerms } from '../search/terms.js'
import { chooseWithinPostings } from '../search/term-selection.js'
import type {
  AddClaimsResult,
  AlertPayload,
  AlertRecord,
  ArticleClaimRecord,
  ClusterCandidate,
  ClusterFactCheck,
  ClusterPolicy,
  ClusterRecord,
  ClusterTermStats,
  NewArticleClaim,
} from './claim-repository.js'
import { rankScore } from './claim-repository.js'

export interface StoredCluster extends ClusterRecord {
  termCount: number
}

/** The storage operations of one backend, each inside the caller's transaction. */
export interface ClaimOps {
  reportSeen(reportId: string): boolean
  markReport(reportId: string, now: number): void
  clusterCount(): number
  /** Document frequency (clusters) of each term; absent terms 0. */
  termDf(terms: readonly string[]): Map<string, number>
  postings(terms: readonly string[]): { clusterId: string; term: string }[]
  clusters(ids: readonly string[]): Map<string, StoredCluster>
  /** The representative and its term count of each cluster (what candidate scoring reads; PostgreSQL locks the rows). */
  representatives(ids: readonly string[]): Map<string, { representative: string; termCount: number }>
  /**
   * Distinct claim texts of each cluster, oldest first, at most `perCluster` each, among the cluster's first
   * MEMBER_SCAN_ROWS claims (membersSql's order): a cluster repeated word for word costs no more as it grows.
   */
  members(ids: readonly string[], perCluster: number): Map<string, string[]>
  /** Inserts the cluster and its index terms (updating document frequencies and the cluster count). */
  insertCluster(cluster: StoredCluster, terms: readonly string[]): void
  updateCluster(cluster: StoredCluster): void
  /** Adds index terms to a cluster (document frequencies of the terms new to it bumped). */
  addClusterTerms(clusterId: string, terms: readonly string[]): void
  hasArticle(clusterId: string, reportId: string): boolean
  /** True when the outlet is new to the cluster. */
  addOutlet(clusterId: string, outlet: string): boolean
  insertClaim(claim: ArticleClaimRecord): void
  /** Distinct articles of the cluster seen at or after `since`, counted up to `cap` (each costs an index row). */
  recentArticles(clusterId: string, since: number, cap: number): number
  /** False when an alert with that idempotency key exists. */
  insertAlert(alert: AlertRecord): boolean
  insertOutbox(alertId: string, webhook: string, now: number): void
}

type Op = { [K in keyof ClaimOps]: { name: K; args: Parameters<ClaimOps[K]> } }[keyof ClaimOps]
type Step<T> = Generator<Op, T, unknown>

function* call<K extends keyof ClaimOps>(name: K, ...args: Parameters<ClaimOps[K]>): Step<ReturnType<ClaimOps[K]>> {
  return (yield { name, args } as Op) as ReturnType<ClaimOps[K]>
}

/** Runs the algorithm over synchronous operations (SQLite). */
export function runSync<T>(steps: Step<T>, ops: ClaimOps): T {
  let next = steps.next()
  while (!next.done) {
    const op = next.value
    next = steps.next((ops[op.name] as (...a: unknown[]) => unknown)(...op.args))
  }
  return next.value
}

/** Runs the algorithm over asynchronous operations (PostgreSQL). */
export async function runAsync<T>(steps: Step<T>, ops: { [K in keyof ClaimOps]: (...a: Parameters<ClaimOps[K]>) => Promise<ReturnType<ClaimOps[K]>> }): Promise<T> {
  let next = steps.next()
  while (!next.done) {
    const op = next.value
    next = steps.next(await (ops[op.name] as (...a: unknown[]) => Promise<unknown>)(...op.args))
  }
  return next.value
}

const hash = (text: string, n: number) => createHash('sha256').update(text).digest('hex').slice(0, n)
export const clusterIdOf = (claimId: string) => `cl-${hash(claimId, 16)}`
export const alertIdOf = (key: string) => `al-${hash(key, 16)}`
export const claimIdOf = (reportId: string, index: number) => `${reportId}#${index}`

/** Postings read per claim at most (the rarest term always): bounds the cost as the store grows. */
const POSTINGS_BUDGET = 4000
const MAX_QUERY_TERMS = 32
/** Typical index-term count of a representative, for BM25 length normalization. */
const AVERAGE_TERMS = 10

/** Texts whose terms claimTerms keeps (a few MB at most); past it the memo starts over. */
const TERMS_MEMO_MAX = 20_000
const termsMemo = new Map<string, readonly string[]>()

/**
 * Distinct index terms of a claim, in order. Memoized: a claim's terms are asked for up to three times in its step, and
 * each candidate's representative's for every claim that finds it (the popular clusters' again and again).
 */
export function claimTerms(text: string): readonly string[] {
  let terms = termsMemo.get(text)
  if (terms === undefined) {
    if (termsMemo.size >= TERMS_MEMO_MAX) termsMemo.clear()
    termsMemo.set(text, (terms = Object.freeze([...new Set(indexTerms(text))])))
  }
  return terms
}

/** The BM25 candidates of a claim: rarest terms within a postings budget, best `depth` by BM25. */
function* candidatesOf(text: string, depth: number, members = 0): Step<ClusterCandidate[]> {
  const terms = claimTerms(text)
  if (terms.length === 0) return []
  const df = yield* call('termDf', terms)
  const total = yield* call('clusterCount')
  const chosen = chooseWithinPostings(
    terms.map((term) => ({ term, n: df.get(term) ?? 0 })),
    POSTINGS_BUDGET,
    MAX_QUERY_TERMS,
  )
  if (chosen.length === 0) return []
  const idf = new Map(chosen.map((t) => [t, bm25Idf(total, df.get(t) ?? 0)]))
  const sums = new Map<string, number>()
  const postingRows = yield* call('postings', chosen)
  for (const { clusterId, term } of postingRows) sums.set(clusterId, (sums.get(clusterId) ?? 0) + idf.get(term)!)
  const top = [...sums].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, depth * 3)
  if (top.length === 0) return []
  const rows = yield* call(
    'representatives',
    top.map(([id]) => id),
  )
  // Terms a cluster matched in the index (its representative's, or a member's when members are indexed).
  const matched = new Map<string, Set<string>>()
  for (const { clusterId, term } of postingRows) matched.set(clusterId, (matched.get(clusterId) ?? new Set()).add(term))
  const scored: ClusterCandidate[] = []
  for (const [id] of top) {
    const row = rows.get(id)
    if (!row) continue
    const own = new Set([...claimTerms(row.representative), ...(matched.get(id) ?? [])])
    let bm25 = 0
    for (const t of terms) if (own.has(t)) bm25 += bm25TermScore(idf.get(t) ?? bm25Idf(total, df.get(t) ?? 0), 1, row.termCount, AVERAGE_TERMS)
    scored.push({ id, representative: row.representative, bm25 })
  }
  const best = scored.sort((a, b) => b.bm25 - a.bm25 || (a.id < b.id ? -1 : 1)).slice(0, depth)
  if (members <= 0 || best.length === 0) return best
  const texts = yield* call(
    'members',
    best.map((c) => c.id),
    members,
  )
  return best.map((c) => ({ ...c, members: texts.get(c.id) ?? [c.representative] }))
}

/** Claims of a candidate cluster read for its member texts at most (oldest first). */
export const MEMBER_SCAN_ROWS = 200

/**
 * The distinct claim texts of clusters, oldest first, at most `limit` each: one query for all candidates (served by the
 * article_claims (cluster_id, seen_at) index). `ids` and `limit` are the backend's placeholders.
 */
export function membersSql(ids: string, limit: string): string {
  return `SELECT cluster_id AS "clusterId", text FROM (
    SELECT cluster_id, text, ROW_NUMBER() OVER (PARTITION BY cluster_id ORDER BY first_seen, text) AS n
    FROM (SELECT cluster_id, text, min(seen_at) AS first_seen FROM article_claims WHERE cluster_id ${ids} GROUP BY cluster_id, text) d
  ) m WHERE n <= ${limit} ORDER BY cluster_id, n`
}

/**
 * PostgreSQL: membersSql over each cluster's first `scan` claims (MEMBER_SCAN_ROWS), for the clustering step.
 * `$1` the ids, `$2` the texts per cluster, `$3` the rows read per cluster.
 */
export const MEMBERS_SCANNED_PG = `SELECT c.id AS "clusterId", m.text FROM unnest($1::text[]) WITH ORDINALITY AS c(id, k) CROSS JOIN LATERAL (
    SELECT text FROM (SELECT text, min(seen_at) AS first_seen FROM (
      SELECT text, seen_at FROM article_claims WHERE cluster_id = c.id ORDER BY seen_at LIMIT $3) r GROUP BY text) d
    ORDER BY first_seen, text LIMIT $2
  ) m ORDER BY c.k`

/** Rows of membersSql as a map, cluster id → texts in order. */
export function membersOf(rows: readonly { clusterId: string; text: string }[]): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const r of rows) out.set(r.clusterId, [...(out.get(r.clusterId) ?? []), r.text])
  return out
}

function mergeFactChecks(a: readonly ClusterFactCheck[], b: readonly ClusterFactCheck[]): ClusterFactCheck[] {
  const byUrl = new Map(a.map((f) => [f.url, f]))
  for (const f of b) if (!byUrl.has(f.url)) byUrl.set(f.url, f)
  return [...byUrl.values()].slice(0, 20)
}

const FALSE_RATINGS = new Set(['false', 'mostly-false'])
export function isKnownFalse(claim: Pick<NewArticleClaim, 'verdict' | 'factchecks'>): boolean {
  return claim.verdict === 'rated-false' || (claim.verdict === null && claim.factchecks.some((f) => FALSE_RATINGS.has(f.ratingNormalized ?? '')))
}

/** The store's cluster count and the document frequency of `terms` (one lookup), for a policy's similarity. */
function* termStatsOf(terms: readonly string[]): Step<ClusterTermStats> {
  const unique = [...new Set(terms)]
  const df = unique.length > 0 ? yield* call('termDf', unique) : new Map<string, number>()
  return { total: yield* call('clusterCount'), df }
}

/** Stores a report's claims, clusters each, and raises the alerts their changes call for. */
export function* addReportClaimsSteps(
  reportId: string,
  claims: readonly NewArticleClaim[],
  policy: ClusterPolicy,
  options: { webhooks: readonly string[]; now: number },
): Step<AddClaimsResult> {
  if (yield* call('reportSeen', reportId)) return { added: false, claims: [], alerts: [] }
  yield* call('markReport', reportId, options.now)
  const stored: ArticleClaimRecord[] = []
  const alerts: AlertRecord[] = []
  const windowMs = policy.growthWindowMs ?? 6 * 3_600_000
  for (const claim of claims) {
    const id = claimIdOf(reportId, claim.claimIndex)
    const candidates = yield* candidatesOf(claim.text, policy.candidates ?? 10, policy.members ?? 0)
    const stats = candidates.length > 0 && policy.statsTerms ? yield* termStatsOf(policy.statsTerms(claim.text, candidates)) : undefined
    const choice = candidates.length > 0 ? policy.choose(claim.text, candidates, stats) : null
    let before: StoredCluster | null = null
    if (choice) before = (yield* call('clusters', [choice.id])).get(choice.id) ?? null
    const record: ArticleClaimRecord = { ...claim, id, reportId, clusterId: before?.id ?? clusterIdOf(id), similarity: before ? choice!.similarity : 1 }
    const newArticle = before ? !(yield* call('hasArticle', before.id, reportId)) : true
    const base: StoredCluster = before ?? {
      id: record.clusterId,
      representative: claim.text,
      checkworthiness: 0,
      firstSeenAt: claim.seenAt,
      lastSeenAt: claim.seenAt,
      articleCount: 0,
      outletCount: 0,
      claimCount: 0,
      outlets: [],
      knownFalse: false,
      contradicted: false,
      factchecks: [],
      stance: { agree: 0, disagree: 0, discuss: 0 },
      score: 0,
      termCount: claimTerms(claim.text).length,
    }
    if (!before) yield* call('insertCluster', base, claimTerms(claim.text))
    else if (policy.indexMembers && base.claimCount < (policy.members ?? 0)) yield* call('addClusterTerms', base.id, claimTerms(claim.text))
    const outletAdded = claim.outlet ? yield* call('addOutlet', base.id, claim.outlet) : false
    const after: StoredCluster = {
      ...base,
      checkworthiness: Math.max(base.checkworthiness, claim.checkworthiness),
      firstSeenAt: Math.min(base.firstSeenAt, claim.seenAt),
      lastSeenAt: Math.max(base.lastSeenAt, claim.seenAt),
      articleCount: base.articleCount + (newArticle ? 1 : 0),
      outletCount: base.outletCount + (outletAdded ? 1 : 0),
      claimCount: base.claimCount + 1,
      outlets: outletAdded && claim.outlet ? [...base.outlets, claim.outlet].sort() : base.outlets,
      knownFalse: base.knownFalse || isKnownFalse(claim),
      contradicted: base.contradicted || claim.verdict === 'contradicted',
      factchecks: mergeFactChecks(base.factchecks, claim.factchecks),
      stance: { agree: base.stance.agree + claim.stance.agree, disagree: base.stance.disagree + claim.stance.disagree, discuss: base.stance.discuss + claim.stance.discuss },
    }
    after.score = rankScore(after)
    yield* call('updateCluster', after)
    yield* call('insertClaim', record)
    stored.push(record)
    const cap = policy.recentArticlesCap ?? Number.MAX_SAFE_INTEGER
    const since = options.now - windowMs
    // A cluster whose every claim is in the window (all seen at or after its first sighting) has articleCount distinct
    // reports there (each report adds 1 when it first joins): no need to count. That includes a cluster just created.
    const recentArticles = after.firstSeenAt >= since ? Math.min(cap, after.articleCount) : yield* call('recentArticles', after.id, since, cap)
    for (const raised of policy.alerts({ claim: record, before, after, newArticle, recentArticles })) {
      const alertId = alertIdOf(raised.idempotencyKey)
      const payload: AlertPayload = {
        id: alertId,
        kind: raised.kind,
        idempotencyKey: raised.idempotencyKey,
        message: raised.message,
        createdAt: new Date(options.now).toISOString(),
        cluster: {
          id: after.id,
          representative: after.representative,
          articleCount: after.articleCount,
          outletCount: after.outletCount,
          outlets: after.outlets,
          knownFalse: after.knownFalse,
          contradicted: after.contradicted,
          factchecks: after.factchecks,
        },
        article: { reportId, url: claim.articleUrl, title: claim.articleTitle, outlet: claim.outlet, sentence: claim.text, publishedAt: claim.publishedAt },
      }
      const alert: AlertRecord = {
        id: alertId,
        kind: raised.kind,
        clusterId: after.id,
        reportId,
        idempotencyKey: raised.idempotencyKey,
        message: raised.message,
        payload,
        createdAt: options.now,
        deliveries: options.webhooks.map((webhook) => ({ webhook, attempts: 0, deliveredAt: null, lastError: null })),
      }
      if (!(yield* call('insertAlert', alert))) continue
      for (const webhook of options.webhooks) yield* call('insertOutbox', alertId, webhook, options.now)
      alerts.push(alert)
    }
  }
  return { added: true, claims: stored, alerts }
}

// ---- rows shared by both backends ----

export interface ClusterRow {
  id: string
  representative: string
  checkworthiness: number
  first_seen_at: number | string
  last_seen_at: number | string
  article_count: number | string
  outlet_count: number | string
  claim_count: number | string
  known_false: number | boolean
  contradicted: number | boolean
  factchecks: string
  stance_agree: number | string
  stance_disagree: number | string
  stance_discuss: number | string
  term_count: number | string
  score: number
  outlets?: string | null
}

export function fromClusterRow(row: ClusterRow): StoredCluster {
  return {
    id: row.id,
    representative: row.representative,
    checkworthiness: Number(row.checkworthiness),
    firstSeenAt: Number(row.first_seen_at),
    lastSeenAt: Number(row.last_seen_at),
    articleCount: Number(row.article_count),
    outletCount: Number(row.outlet_count),
    claimCount: Number(row.claim_count),
    outlets: row.outlets ? (JSON.parse(row.outlets) as (string | null)[]).filter((o): o is string => o !== null).sort() : [],
    knownFalse: Boolean(row.known_false),
    contradicted: Boolean(row.contradicted),
    factchecks: JSON.parse(row.factchecks) as ClusterFactCheck[],
    stance: { agree: Number(row.stance_agree), disagree: Number(row.stance_disagree), discuss: Number(row.stance_discuss) },
    score: Number(row.score),
    termCount: Number(row.term_count),
  }
}

/** The public record (no index bookkeeping). */
export function publicCluster(cluster: StoredCluster): ClusterRecord {
  const { termCount, ...rest } = cluster
  void termCount
  return rest
}

export function clusterParams(c: StoredCluster): unknown[] {
  return [
    c.id, c.representative, c.checkworthiness, c.firstSeenAt, c.lastSeenAt, c.articleCount, c.outletCount, c.claimCount,
    c.knownFalse ? 1 : 0, c.contradicted ? 1 : 0, JSON.stringify(c.factchecks), c.stance.agree, c.stance.disagree, c.stance.discuss,
    c.termCount, c.score,
  ]
}

export interface ArticleClaimRow {
  id: string
  report_id: string
  claim_index: number | string
  text: string
  sentence: number | string | null
  start_offset: number | string
  end_offset: number | string
  article_url: string | null
  article_title: string | null
  outlet: string | null
  speaker: string | null
  published_at: string | null
  seen_at: number | string
  checkworthiness: number
  verdict: string | null
  factchecks: string
  stance_agree: number | string
  stance_disagree: number | string
  stance_discuss: number | string
  cluster_id: string
  similarity: number
}

export function fromArticleClaimRow(row: ArticleClaimRow): ArticleClaimRecord {
  return {
    id: row.id,
    reportId: row.report_id,
    claimIndex: Number(row.claim_index),
    text: row.text,
    sentence: row.sentence === null ? null : Number(row.sentence),
    start: Number(row.start_offset),
    end: Number(row.end_offset),
    articleUrl: row.article_url,
    articleTitle: row.article_title,
    outlet: row.outlet,
    speaker: row.speaker,
    publishedAt: row.published_at,
    seenAt: Number(row.seen_at),
    checkworthiness: Number(row.checkworthiness),
    verdict: row.verdict,
    factchecks: JSON.parse(row.factchecks) as ClusterFactCheck[],
    stance: { agree: Number(row.stance_agree), disagree: Number(row.stance_disagree), discuss: Number(row.stance_discuss) },
    clusterId: row.cluster_id,
    similarity: Number(row.similarity),
  }
}

export function claimParams(c: ArticleClaimRecord): unknown[] {
  return [
    c.id, c.reportId, c.claimIndex, c.text, c.sentence, c.start, c.end, c.articleUrl, c.articleTitle, c.outlet, c.speaker,
    c.publishedAt, c.seenAt, c.checkworthiness, c.verdict, JSON.stringify(c.factchecks), c.stance.agree, c.stance.disagree,
    c.stance.discuss, c.clusterId, c.similarity,
  ]
}

export interface AlertRow {
  id: string
  kind: string
  cluster_id: string
  report_id: string | null
  idempotency_key: string
  message: string
  payload: string
  created_at: number | string
  deliveries?: string | null
}

export function fromAlertRow(row: AlertRow): AlertRecord {
  const deliveries = row.deliveries ? (JSON.parse(row.deliveries) as ({ webhook: string; attempts: number; deliveredAt: number | null; lastError: string | null } | null)[]) : []
  return {
    id: row.id,
    kind: row.kind as AlertRecord['kind'],
    clusterId: row.cluster_id,
    reportId: row.report_id,
    idempotencyKey: row.idempotency_key,
    message: row.message,
    payload: JSON.parse(row.payload) as AlertPayload,
    createdAt: Number(row.created_at),
    deliveries: deliveries.filter((d): d is NonNullable<typeof d> => d !== null && d.webhook !== null).map((d) => ({ ...d, attempts: Number(d.attempts), deliveredAt: d.deliveredAt === null ? null : Number(d.deliveredAt) })),
  }
}

export function alertParams(a: AlertRecord): unknown[] {
  return [a.id, a.kind, a.clusterId, a.reportId, a.idempotencyKey, a.message, JSON.stringify(a.payload), a.createdAt]
}

/** The claim store's totals in one row: claims, clusters, alerts and undelivered outbox rows. */
export const CLAIM_COUNTS_SQL = `SELECT (SELECT count(*) FROM article_claims) AS claims, (SELECT count(*) FROM claim_clusters) AS clusters,
  (SELECT count(*) FROM alerts) AS alerts, (SELECT count(*) FROM alert_outbox WHERE delivered_at IS NULL) AS undelivered`

export function claimCounts(row: Record<string, number | string>): { claims: number; clusters: number; alerts: number; undelivered: number } {
  return { claims: Number(row['claims']), clusters: Number(row['clusters']), alerts: Number(row['alerts']), undelivered: Number(row['undelivered']) }
}
