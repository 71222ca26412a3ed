// Claims across articles in SQLite: article_claims, claim_clusters (with their term index), alerts and alert_outbox.
// A report's claims, their clusters, alerts and outbox rows are written in one IMMEDIATE transaction (one writer at a
// time across processes: no two processes create the same cluster).
import type Database from 'better-sqlite3'
import type { SqliteMigration } from './migrate.js'
import type { ClaimRepository, ClusterRecord } from '../claim-repository.js'
import { CLUSTER_LIST_DEFAULT_LIMIT, CLUSTER_LIST_MAX_LIMIT, GIVEN_UP } from '../claim-repository.js'
import {
  addReportClaimsSteps,
  alertParams,
  CLAIM_COUNTS_SQL,
  claimCounts,
  claimParams,
  clusterParams,
  fromAlertRow,
  fromArticleClaimRow,
  fromClusterRow,
  publicCluster,
  runSync,
  type AlertRow,
  type ArticleClaimRow,
  type ClaimOps,
  type ClusterRow,
  type StoredCluster,
  MEMBER_SCAN_ROWS,
} from '../claim-clustering.js'
import { wrap } from './store-wrap.js'
import { watchOtherWriters } from './data-version.js'

export const area = 'claims'

export const migrations: SqliteMigration[] = [
  {
    version: 1,
    description: 'article_claims, claim_clusters and their term index, alerts and alert_outbox',
    up: `
      CREATE TABLE claim_reports (report_id TEXT PRIMARY KEY, added_at INTEGER NOT NULL);
      CREATE TABLE claim_clusters (
        id TEXT PRIMARY KEY,
        representative TEXT NOT NULL,
        checkworthiness REAL NOT NULL,
        first_seen_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        article_count INTEGER NOT NULL,
        outlet_count INTEGER NOT NULL,
        claim_count INTEGER NOT NULL,
        known_false INTEGER NOT NULL,
        contradicted INTEGER NOT NULL,
        factchecks TEXT NOT NULL,
        stance_agree INTEGER NOT NULL,
        stance_disagree INTEGER NOT NULL,
        stance_discuss INTEGER NOT NULL,
        term_count INTEGER NOT NULL,
        score REAL NOT NULL
      );
      CREATE INDEX claim_clusters_seen ON claim_clusters (last_seen_at);
      CREATE TABLE claim_cluster_outlets (cluster_id TEXT NOT NULL, outlet TEXT NOT NULL, PRIMARY KEY (cluster_id, outlet)) WITHOUT ROWID;
      CREATE INDEX claim_cluster_outlets_outlet ON claim_cluster_outlets (outlet);
      CREATE TABLE claim_cluster_terms (term TEXT NOT NULL, cluster_id TEXT NOT NULL, PRIMARY KEY (term, cluster_id)) WITHOUT ROWID;
      CREATE TABLE claim_terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE article_claims (
        id TEXT PRIMARY KEY,
        report_id TEXT NOT NULL,
        claim_index INTEGER NOT NULL,
        text TEXT NOT NULL,
        sentence INTEGER,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        article_url TEXT,
        article_title TEXT,
        outlet TEXT,
        speaker TEXT,
        published_at TEXT,
        seen_at INTEGER NOT NULL,
        checkworthiness REAL NOT NULL,
        verdict TEXT,
        factchecks TEXT NOT NULL,
        stance_agree INTEGER NOT NULL,
        stance_disagree INTEGER NOT NULL,
        stance_discuss INTEGER NOT NULL,
        cluster_id TEXT NOT NULL REFERENCES claim_clusters (id),
        similarity REAL NOT NULL,
        UNIQUE (report_id, claim_index)
      );
      CREATE INDEX article_claims_cluster ON article_claims (cluster_id, seen_at);
      CREATE TABLE alerts (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        cluster_id TEXT NOT NULL,
        report_id TEXT,
        idempotency_key TEXT NOT NULL UNIQUE,
        message TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX alerts_created ON alerts (created_at);
      CREATE TABLE alert_outbox (
        alert_id TEXT NOT NULL REFERENCES alerts (id),
        webhook TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        delivered_at INTEGER,
        last_error TEXT,
        claim_owner TEXT,
        claim_until INTEGER,
        PRIMARY KEY (alert_id, webhook)
      );
      CREATE INDEX alert_outbox_due ON alert_outbox (next_attempt_at) WHERE delivered_at IS NULL;
    `,
  },
  {
    version: 2,
    // The growth count (distinct reports of a cluster since a time) read from the index alone: it was the clustering
    // step's costliest query, a table row read per claim of a popular cluster.
    description: 'article_claims cluster index covers report_id',
    up: `
      DROP INDEX article_claims_cluster;
      CREATE INDEX article_claims_cluster ON article_claims (cluster_id, seen_at, report_id);
    `,
  },
]

const CLUSTER_COLUMNS = `c.*, (SELECT json_group_array(outlet) FROM claim_cluster_outlets o WHERE o.cluster_id = c.id) AS outlets`
const ALERT_COLUMNS = `a.*, (SELECT json_group_array(json_object('webhook', webhook, 'attempts', attempts, 'deliveredAt', delivered_at,
  'lastError', last_error)) FROM alert_outbox x WHERE x.alert_id = a.id) AS deliveries`

/** The claim_terms row that counts the clusters. */
const CLUSTER_COUNT_TERM = '#clusters'
/** Terms whose DF this connection keeps (a few MB at most); past it the cache starts over. */
const DF_CACHE_MAX = 200_000

/** Clusters whose representative, and whose member texts, this connection keeps (each); past it that cache starts over. */
const CLUSTER_CACHE_MAX = 20_000

/** Cluster ids in the postings this connection keeps, all terms together; past it the cache starts over. */
const POSTING_CACHE_MAX = 300_000
/**
 * SQLite's BINARY collation: UTF-8 bytes, which is code point order (JS's `<` compares UTF-16 units, which differ past
 * U+FFFF). Compared in place: this sorts every claim's terms, and encoding both strings per comparison allocated.
 */
function byteOrder(a: string, b: string): number {
  if (a === b) return 0
  for (let i = 0; i < a.length && i < b.length;) {
    const x = codePointAsStored(a, i)
    const y = codePointAsStored(b, i)
    if (x !== y) return x - y
    i += x > 0xffff ? 2 : 1
  }
  return a.length - b.length
}

/** The code point at `i`, a lone surrogate read as U+FFFD (as it is encoded to UTF-8). */
function codePointAsStored(text: string, i: number): number {
  const c = text.codePointAt(i)!
  return c >= 0xd800 && c <= 0xdfff ? 0xfffd : c
}

/** `?, ?, …` for n parameters. */
const marks = (n: number) => Array.from({ length: n }, () => '?').join(',')

export function createRepository(db: Database.Database): ClaimRepository {
  // Statements whose SQL depends on the argument count, prepared once per count (a claim has up to 32 query terms).
  const statements = new Map<string, Database.Statement>()
  const prepared = (sql: string) => {
    let statement = statements.get(sql)
    if (!statement) statements.set(sql, (statement = db.prepare(sql)))
    return statement
  }
  const s = {
    reportSeen: db.prepare('SELECT 1 FROM claim_reports WHERE report_id = ?'),
    markReport: db.prepare('INSERT INTO claim_reports (report_id, added_at) VALUES (?, ?)'),
    bumpDf: db.prepare('INSERT INTO claim_terms (term, df) VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET df = df + 1'),
    insertTerm: db.prepare('INSERT OR IGNORE INTO claim_cluster_terms (term, cluster_id) VALUES (?, ?)'),
    insertCluster: db.prepare(`INSERT INTO claim_clusters (id, representative, checkworthiness, first_seen_at, last_seen_at, article_count,
      outlet_count, claim_count, known_false, contradicted, factchecks, stance_agree, stance_disagree, stance_discuss, term_count, score)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    updateCluster: db.prepare(`UPDATE claim_clusters SET checkworthiness = ?, first_seen_at = ?, last_seen_at = ?, article_count = ?,
      outlet_count = ?, claim_count = ?, known_false = ?, contradicted = ?, factchecks = ?, stance_agree = ?,
      stance_disagree = ?, stance_discuss = ?, score = ? WHERE id = ?`),
    // Through the report's own index (+ keeps SQLite off the cluster index, whose rows grow with the cluster).
    hasArticle: db.prepare('SELECT 1 FROM article_claims WHERE report_id = @reportId AND +cluster_id = @clusterId LIMIT 1'),
    addOutlet: db.prepare('INSERT OR IGNORE INTO claim_cluster_outlets (cluster_id, outlet) VALUES (?, ?)'),
    insertClaim: db.prepare(`INSERT INTO article_claims (id, report_id, claim_index, text, sentence, start_offset, end_offset, article_url,
      article_title, outlet, speaker, published_at, seen_at, checkworthiness, verdict, factchecks, stance_agree, stance_disagree,
      stance_discuss, cluster_id, similarity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    recent: db.prepare('SELECT count(*) AS n FROM (SELECT DISTINCT report_id FROM article_claims WHERE cluster_id = ? AND seen_at >= ? LIMIT ?)'),
    memberRows: db.prepare('SELECT text, seen_at FROM article_claims WHERE cluster_id = ? ORDER BY seen_at'),
    representatives: (n: number) => prepared(`SELECT id, representative, term_count FROM claim_clusters WHERE id IN (${marks(n)})`),
    insertAlert: db.prepare(`INSERT INTO alerts (id, kind, cluster_id, report_id, idempotency_key, message, payload, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`),
    insertOutbox: db.prepare('INSERT OR IGNORE INTO alert_outbox (alert_id, webhook, next_attempt_at) VALUES (?, ?, ?)'),
    cluster: db.prepare(`SELECT ${CLUSTER_COLUMNS} FROM claim_clusters c WHERE c.id = ?`),
    clusterClaims: db.prepare('SELECT * FROM article_claims WHERE cluster_id = ? ORDER BY seen_at, report_id, claim_index'),
    dueOutbox: db.prepare(`SELECT alert_id, webhook FROM alert_outbox WHERE delivered_at IS NULL AND next_attempt_at <= @now
      AND (claim_until IS NULL OR claim_until < @now) ORDER BY next_attempt_at, alert_id LIMIT @limit`),
    claimOutbox: db.prepare('UPDATE alert_outbox SET claim_owner = @owner, claim_until = @until, attempts = attempts + 1 WHERE alert_id = @id AND webhook = @webhook RETURNING attempts'),
    alert: db.prepare(`SELECT ${ALERT_COLUMNS} FROM alerts a WHERE a.id = ?`),
    complete: db.prepare('UPDATE alert_outbox SET delivered_at = ?, claim_owner = NULL, claim_until = NULL, last_error = NULL WHERE alert_id = ? AND webhook = ?'),
    fail: db.prepare(`UPDATE alert_outbox SET next_attempt_at = ?, last_error = ?, claim_owner = NULL, claim_until = NULL
      WHERE alert_id = ? AND webhook = ? AND delivered_at IS NULL`),
    counts: db.prepare(CLAIM_COUNTS_SQL),
  }

  // Document frequencies read by this connection (term → df, 0 for an unseen term; '#clusters' the cluster count): each
  // claim asks for its terms twice (candidates, then the similarity's stats) and most terms recur from claim to claim.
  // Kept right by this connection's own bumps; dropped when another connection committed (checked in each write
  // transaction, under the write lock), when a transaction fails (its bumps rolled back) and past DF_CACHE_MAX terms.
  const dfCache = new Map<string, number>()
  const writtenElsewhere = watchOtherWriters(db)
  const bumpDf = (term: string) => {
    s.bumpDf.run(term)
    const known = dfCache.get(term)
    if (known !== undefined) dfCache.set(term, known + 1)
  }
  const cachedDf = (terms: readonly string[]): Map<string, number> => {
    const out = new Map<string, number>()
    const missing: string[] = []
    for (const term of terms) {
      const df = dfCache.get(term)
      if (df === undefined) missing.push(term)
      else out.set(term, df)
    }
    if (missing.length > 0) {
      if (dfCache.size + missing.length > DF_CACHE_MAX) dfCache.clear()
      const rows = prepared(`SELECT term, df FROM claim_terms WHERE term IN (${marks(missing.length)})`).all(...missing) as { term: string; df: number }[]
      for (const term of missing) dfCache.set(term, 0)
      for (const r of rows) dfCache.set(r.term, Number(r.df))
      for (const term of missing) out.set(term, dfCache.get(term)!)
    }
    return out
  }

  /** Member texts of each cluster (firstMembers), reading at most `scan` claims of each. */
  function members(ids: readonly string[], perCluster: number, scan: number): Map<string, string[]> {
    const out = new Map<string, string[]>()
    for (const id of ids) {
      const texts = firstMembers(s.memberRows.iterate(id) as IterableIterator<{ text: string; seen_at: number }>, perCluster, scan)
      if (texts.length > 0) out.set(id, texts)
    }
    return out
  }

  // The clustering step's reads of candidate clusters, kept by this connection: the same popular clusters are
  // candidates of claim after claim. A representative and its term count never change once written; a cluster's member
  // texts change only when a claim joins it (insertClaim drops its entry). All dropped with dfCache (another connection
  // committed, a transaction failed) and past CLUSTER_CACHE_MAX clusters.
  const representativeCache = new Map<string, { representative: string; termCount: number }>()
  const memberCache = new Map<string, { perCluster: number; texts: string[] }>()
  const clearCaches = () => {
    dfCache.clear()
    representativeCache.clear()
    memberCache.clear()
    postingCache.clear()
    postingEntries = 0
  }
  function cachedRepresentatives(ids: readonly string[]): Map<string, { representative: string; termCount: number }> {
    const out = new Map<string, { representative: string; termCount: number }>()
    const missing = ids.filter((id) => !representativeCache.has(id))
    if (missing.length > 0) {
      if (representativeCache.size + missing.length > CLUSTER_CACHE_MAX) representativeCache.clear()
      const rows = s.representatives(missing.length).all(...missing) as { id: string; representative: string; term_count: number }[]
      for (const r of rows) representativeCache.set(r.id, { representative: r.representative, termCount: Number(r.term_count) })
    }
    for (const id of ids) {
      const row = representativeCache.get(id)
      if (row) out.set(id, row)
    }
    return out
  }
  // Postings (term → cluster ids) in the order the IN query returns them, by term then cluster id (SQLite's BINARY
  // order: UTF-8 bytes), so the BM25 sums add up in the same order; kept right by this connection's insertTerm.
  const postingCache = new Map<string, string[]>()
  let postingEntries = 0
  function cachedPostings(terms: readonly string[]): { clusterId: string; term: string }[] {
    const missing = terms.filter((term) => !postingCache.has(term))
    if (missing.length > 0) {
      if (postingEntries > POSTING_CACHE_MAX) (postingCache.clear(), (postingEntries = 0))
      const rows = prepared(`SELECT cluster_id AS clusterId, term FROM claim_cluster_terms WHERE term IN (${marks(missing.length)})`).all(...missing) as { clusterId: string; term: string }[]
      for (const term of missing) postingCache.set(term, [])
      for (const r of rows) postingCache.get(r.term)!.push(r.clusterId)
      postingEntries += rows.length
    }
    const out: { clusterId: string; term: string }[] = []
    for (const term of [...terms].sort(byteOrder)) for (const clusterId of postingCache.get(term)!) out.push({ clusterId, term })
    return out
  }
  const insertTerm = (term: string, clusterId: string) => {
    if (s.insertTerm.run(term, clusterId).changes === 0) return
    bumpDf(term)
    const ids = postingCache.get(term)
    if (!ids) return
    let lo = 0
    let hi = ids.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (byteOrder(ids[mid]!, clusterId) < 0) lo = mid + 1
      else hi = mid
    }
    ids.splice(lo, 0, clusterId)
    postingEntries++
  }
  function cachedMembers(ids: readonly string[], perCluster: number): Map<string, string[]> {
    const out = new Map<string, string[]>()
    for (const id of ids) {
      let entry = memberCache.get(id)
      if (entry?.perCluster !== perCluster) {
        if (memberCache.size >= CLUSTER_CACHE_MAX) memberCache.clear()
        const texts = firstMembers(s.memberRows.iterate(id) as IterableIterator<{ text: string; seen_at: number }>, perCluster, MEMBER_SCAN_ROWS)
        memberCache.set(id, (entry = { perCluster, texts }))
      }
      if (entry.texts.length > 0) out.set(id, [...entry.texts])
    }
    return out
  }

  const ops: ClaimOps = {
    reportSeen: (id) => s.reportSeen.get(id) !== undefined,
    markReport: (id, now) => void s.markReport.run(id, now),
    clusterCount: () => cachedDf([CLUSTER_COUNT_TERM]).get(CLUSTER_COUNT_TERM)!,
    // Terms with no row come back with df 0 (callers read a missing term as 0).
    termDf: cachedDf,
    postings: cachedPostings,
    clusters(ids) {
      const rows = prepared(`SELECT ${CLUSTER_COLUMNS} FROM claim_clusters c WHERE c.id IN (${marks(ids.length)})`).all(...ids) as ClusterRow[]
      return new Map(rows.map((r) => [r.id, fromClusterRow(r)]))
    },
    representatives: cachedRepresentatives,
    members: cachedMembers,
    insertCluster(cluster: StoredCluster, terms) {
      s.insertCluster.run(...clusterParams(cluster))
      for (const term of terms) insertTerm(term, cluster.id)
      bumpDf(CLUSTER_COUNT_TERM)
    },
    addClusterTerms(clusterId, terms) {
      for (const term of terms) insertTerm(term, clusterId)
    },
    updateCluster: (cluster) => {
      const p = clusterParams(cluster)
      s.updateCluster.run(...p.slice(2, 14), p[15], p[0])
    },
    hasArticle: (clusterId, reportId) => s.hasArticle.get({ clusterId, reportId }) !== undefined,
    addOutlet: (clusterId, outlet) => s.addOutlet.run(clusterId, outlet).changes > 0,
    insertClaim: (claim) => {
      s.insertClaim.run(...claimParams(claim))
      memberCache.delete(claim.clusterId)
    },
    recentArticles: (clusterId, since, cap) => Number((s.recent.get(clusterId, since, cap) as { n: number }).n),
    insertAlert: (alert) => s.insertAlert.run(...alertParams(alert)).changes > 0,
    insertOutbox: (alertId, webhook, now) => void s.insertOutbox.run(alertId, webhook, now),
  }

  return {
    async addReportClaims(reportId, claims, policy, options) {
      return wrap(`cannot store the claims of report ${reportId}`, () => {
        try {
          return db
            .transaction(() => {
              if (writtenElsewhere()) clearCaches()
              return runSync(addReportClaimsSteps(reportId, claims, policy, options), ops)
            })
            .immediate()
        } catch (error) {
          clearCaches()
          throw error
        }
      })
    },
    async hasReport(reportId) {
      return ops.reportSeen(reportId)
    },
    async listClusters(query) {
      const limit = Math.min(query.limit ?? CLUSTER_LIST_DEFAULT_LIMIT, CLUSTER_LIST_MAX_LIMIT)
      const where: string[] = []
      const params: unknown[] = []
      if (query.since !== undefined) (where.push('c.last_seen_at >= ?'), params.push(query.since))
      if (query.knownFalse) where.push('c.known_false = 1')
      if (query.outlet) (where.push('EXISTS (SELECT 1 FROM claim_cluster_outlets o WHERE o.cluster_id = c.id AND o.outlet = ?)'), params.push(query.outlet))
      const sql = `SELECT ${CLUSTER_COLUMNS} FROM claim_clusters c ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY c.score DESC, c.last_seen_at DESC, c.id LIMIT ?`
      return (db.prepare(sql).all(...params, limit) as ClusterRow[]).map((r) => publicCluster(fromClusterRow(r)))
    },
    async clusterMembers(ids, perCluster) {
      return wrap('cannot list cluster members', () => members(ids, perCluster, Infinity))
    },
    async getCluster(id) {
      const row = s.cluster.get(id) as ClusterRow | undefined
      if (!row) return null
      const cluster: ClusterRecord = publicCluster(fromClusterRow(row))
      return { cluster, claims: (s.clusterClaims.all(id) as ArticleClaimRow[]).map(fromArticleClaimRow) }
    },
    async listAlerts(query) {
      const params: unknown[] = []
      const where = query.since !== undefined ? (params.push(query.since), 'WHERE a.created_at >= ?') : ''
      const sql = `SELECT ${ALERT_COLUMNS} FROM alerts a ${where} ORDER BY a.created_at DESC, a.id LIMIT ?`
      return (db.prepare(sql).all(...params, Math.min(query.limit ?? 100, 1000)) as AlertRow[]).map(fromAlertRow)
    },
    async claimOutbox(owner, now, leaseMs, limit) {
      return wrap('cannot claim alert deliveries', () =>
        db.transaction(() =>
          (s.dueOutbox.all({ now, limit }) as { alert_id: string; webhook: string }[]).map(({ alert_id, webhook }) => {
            const { attempts } = s.claimOutbox.get({ owner, until: now + leaseMs, id: alert_id, webhook }) as { attempts: number }
            return { alert: fromAlertRow(s.alert.get(alert_id) as AlertRow), webhook, attempts: Number(attempts) }
          }),
        ).immediate(),
      )
    },
    async completeDelivery(alertId, webhook, now) {
      wrap('cannot record a delivery', () => s.complete.run(now, alertId, webhook))
    },
    async failDelivery(alertId, webhook, error, retryAt) {
      wrap('cannot record a failed delivery', () => s.fail.run(retryAt ?? GIVEN_UP, error.slice(0, 500), alertId, webhook))
    },
    async outboxOwners() {
      return (db.prepare('SELECT DISTINCT claim_owner AS o FROM alert_outbox WHERE delivered_at IS NULL AND claim_owner IS NOT NULL').all() as { o: string }[]).map((r) => r.o)
    },
    async releaseOutbox(owners) {
      const release = db.prepare('UPDATE alert_outbox SET claim_owner = NULL, claim_until = NULL WHERE claim_owner = ? AND delivered_at IS NULL')
      return wrap('cannot release alert deliveries', () => db.transaction(() => owners.reduce((n, o) => n + release.run(o).changes, 0))())
    },
    async counts() {
      return claimCounts(s.counts.get() as Record<string, number>)
    },
  }
}

/**
 * The first `perCluster` distinct texts of a cluster's rows read in seen_at order, ordered as membersSql orders them
 * (first seen, then text): the scan stops past the last tie instead of grouping every claim of a large cluster, and
 * after `scan` rows (a cluster repeated word for word has fewer distinct texts than asked for).
 */
export function firstMembers(rows: Iterable<{ text: string; seen_at: number }>, perCluster: number, scan = Infinity): string[] {
  const firstSeen = new Map<string, number>()
  let lastNeeded: number | null = null
  let read = 0
  // Leaving the loop by break closes the statement's iterator (an open one keeps the statement busy).
  for (const row of rows) {
    const seen = Number(row.seen_at)
    if (perCluster <= 0 || read++ >= scan || (lastNeeded !== null && seen > lastNeeded)) break
    if (firstSeen.has(row.text)) continue
    firstSeen.set(row.text, seen)
    if (firstSeen.size === perCluster) lastNeeded = seen
  }
  // SQLite compares text as UTF-8 bytes (code points): Buffer.compare does the same.
  return [...firstSeen]
    .sort((a, b) => a[1] - b[1] || Buffer.compare(Buffer.from(a[0]), Buffer.from(b[0])))
    .slice(0, Math.max(0, perCluster))
    .map(([text]) => text)
}
