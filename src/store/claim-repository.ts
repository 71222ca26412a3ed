// Claims across articles: every claim shown in a stored report, kept with its article, outlet, speaker and time, grouped
// into claim clusters incrementally; alerts raised by cluster changes and their webhook outbox. Times are epoch ms.

export interface ClusterFactCheck {
  url: string
  rating: string
  /** false | mostly-false | mixed | mostly-true | true | unrated. */
  ratingNormalized: string | null
  factChecker: string
  claim: string
}

export interface StanceMix {
  /** Reference articles agreeing with the coverage's claims (summed over the cluster's claims). */
  agree: number
  disagree: number
  discuss: number
}

/** One claim shown in a report, as the claim store keeps it. */
export interface NewArticleClaim {
  /** Its index in `report.claims` (unique with the report id). */
  claimIndex: number
  text: string
  sentence: number | null
  start: number
  end: number
  articleUrl: string | null
  articleTitle: string | null
  outlet: string | null
  /** Who the article says made the claim (its attribution source), if anyone. */
  speaker: string | null
  /** The article's stated date (as given). */
  publishedAt: string | null
  /** When Factsift saw the article (epoch ms): clusters' first/last seen. */
  seenAt: number
  checkworthiness: number
  verdict: string | null
  factchecks: ClusterFactCheck[]
  stance: StanceMix
}

export interface ArticleClaimRecord extends NewArticleClaim {
  /** `${reportId}#${claimIndex}`. */
  id: string
  reportId: string
  clusterId: string
  /** Similarity to the cluster's representative when it joined (1 for the claim that founded the cluster). */
  similarity: number
}

export interface ClusterRecord {
  id: string
  /** The text of the claim that founded the cluster: what its index terms are. */
  representative: string
  /** Highest check-worthiness of its claims. */
  checkworthiness: number
  firstSeenAt: number
  lastSeenAt: number
  articleCount: number
  outletCount: number
  claimCount: number
  outlets: string[]
  /** A claim of it repeats a fact-check rated false / mostly false. */
  knownFalse: boolean
  /** A claim of it is contradicted by reference coverage. */
  contradicted: boolean
  factchecks: ClusterFactCheck[]
  stance: StanceMix
  /** check-worthiness × spread × known-false (rankScore). */
  score: number
}

/** A BM25 candidate cluster for a new claim, best first. */
export interface ClusterCandidate {
  id: string
  representative: string
  bm25: number
  /** Texts of the cluster's first claims (oldest first, distinct; the representative among them), when the policy asks. */
  members?: string[]
}

export type AlertKind = 'known-false-repeat' | 'contradicted-spread' | 'fast-growth'

export interface NewAlert {
  kind: AlertKind
  /** Unique: an alert with a key already stored is not raised again. */
  idempotencyKey: string
  message: string
}

export interface AlertRecord {
  id: string
  kind: AlertKind
  clusterId: string
  reportId: string | null
  idempotencyKey: string
  message: string
  /** The JSON body a webhook receives. */
  payload: AlertPayload
  createdAt: number
  deliveries: { webhook: string; attempts: number; deliveredAt: number | null; lastError: string | null }[]
}

export interface AlertPayload {
  id: string
  kind: AlertKind
  idempotencyKey: string
  message: string
  createdAt: string
  cluster: Pick<ClusterRecord, 'id' | 'representative' | 'articleCount' | 'outletCount' | 'outlets' | 'knownFalse' | 'contradicted' | 'factchecks'>
  article: { reportId: string; url: string | null; title: string | null; outlet: string | null; sentence: string; publishedAt: string | null } | null
}

/** What a claim did to its cluster: the alert rules read it. */
export interface ClusterChange {
  claim: ArticleClaimRecord
  before: ClusterRecord | null
  after: ClusterRecord
  /** The claim's article is new to the cluster. */
  newArticle: boolean
  /** Articles of the cluster seen within the policy's growth window (this one included). */
  recentArticles: number
}

/** The decisions the store leaves to the caller (src/watch/claims.ts): similarity and alert rules. */
/** The claim store's term statistics at the time a claim is clustered: cluster count and each asked term's DF. */
export interface ClusterTermStats {
  total: number
  df: ReadonlyMap<string, number>
}

export interface ClusterPolicy {
  /** The cluster a claim joins among its BM25 candidates (best first), or null for a new cluster. */
  choose(text: string, candidates: readonly ClusterCandidate[], stats?: ClusterTermStats): { id: string; similarity: number } | null
  /**
   * Terms whose document frequency (clusters whose representative holds them) `choose` wants as `stats`, e.g. the
   * stems of the claim and of its candidates' members (default: none, and `choose` gets no stats).
   */
  statsTerms?(text: string, candidates: readonly ClusterCandidate[]): string[]
  alerts(change: ClusterChange): NewAlert[]
  /** Window for ClusterChange.recentArticles (default 6 h). */
  growthWindowMs?: number
  /**
   * ClusterChange.recentArticles is counted up to this many (default: no cap). Counting reads one index row per
   * article: a cap past the rules' last level keeps a hot cluster's claims from costing more as it grows.
   */
  recentArticlesCap?: number
  /** Candidates scored per claim (default 10). */
  candidates?: number
  /** Member texts listed with each candidate (ClusterCandidate.members; default 0: the representative only). */
  members?: number
  /**
   * Index the terms of a cluster's first `members` claims too (not only its representative's), so a claim is found
   * through any of them (default false).
   */
  indexMembers?: boolean
}

export interface AddClaimsResult {
  /** False when the report's claims were stored before (the call is idempotent by report id). */
  added: boolean
  claims: ArticleClaimRecord[]
  alerts: AlertRecord[]
}

export interface ClusterQuery {
  /** Clusters last seen at or after this time. */
  since?: number
  knownFalse?: boolean
  outlet?: string
  limit?: number
}

export interface OutboxEntry {
  alert: AlertRecord
  webhook: string
  attempts: number
}

export interface ClaimRepository {
  /**
   * Stores a report's claims and clusters each, in one transaction with the alerts the changes raise and their outbox
   * rows (one per webhook): a crash leaves all or nothing. Idempotent by report id.
   */
  addReportClaims(reportId: string, claims: readonly NewArticleClaim[], policy: ClusterPolicy, options: { webhooks: readonly string[]; now: number }): Promise<AddClaimsResult>
  hasReport(reportId: string): Promise<boolean>
  /** Clusters ranked by score (rankScore), best first. */
  listClusters(query: ClusterQuery): Promise<ClusterRecord[]>
  getCluster(id: string): Promise<{ cluster: ClusterRecord; claims: ArticleClaimRecord[] } | null>
  /** The distinct claim texts of each cluster, oldest first, at most `perCluster` each (clusters without claims absent). */
  clusterMembers(ids: readonly string[], perCluster: number): Promise<Map<string, string[]>>
  /** Newest first. */
  listAlerts(query: { limit?: number; since?: number }): Promise<AlertRecord[]>
  /** Claims up to `limit` undelivered outbox rows due at `now` (a lease of `leaseMs`). */
  claimOutbox(owner: string, now: number, leaseMs: number, limit: number): Promise<OutboxEntry[]>
  /** Marks a delivery done: it is never sent again. */
  completeDelivery(alertId: string, webhook: string, now: number): Promise<void>
  /** Records a failed attempt: due again at `retryAt`, or given up when null. */
  failDelivery(alertId: string, webhook: string, error: string, retryAt: number | null): Promise<void>
  /** Owners holding outbox claims now (a local watcher releases those of its dead processes). */
  outboxOwners(): Promise<string[]>
  /** Releases the outbox claims of these owners (their process is gone): due again at once. */
  releaseOutbox(owners: readonly string[]): Promise<number>
  /** Counts for status and benchmarks. */
  counts(): Promise<{ claims: number; clusters: number; alerts: number; undelivered: number }>
}

/** check-worthiness × spread × known-false: 1 + ln outlets + ½ ln articles; ×2 rated false, ×1.5 contradicted. */
export function rankScore(c: Pick<ClusterRecord, 'checkworthiness' | 'outletCount' | 'articleCount' | 'knownFalse' | 'contradicted'>): number {
  const spread = 1 + Math.log(Math.max(1, c.outletCount)) + 0.5 * Math.log(Math.max(1, c.articleCount))
  const known = c.knownFalse ? 2 : c.contradicted ? 1.5 : 1
  return Math.round(Math.max(0.01, c.checkworthiness) * spread * known * 1000) / 1000
}

export const CLUSTER_LIST_DEFAULT_LIMIT = 50
export const CLUSTER_LIST_MAX_LIMIT = 500

/** next_attempt_at of a delivery given up (never due again; kept undelivered with its last error). */
export const GIVEN_UP = 8_000_000_000_000_000
