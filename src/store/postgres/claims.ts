// Claims across articles in PostgreSQL: the same tables as SQLite. A report's claims, their clusters, alerts and outbox
// rows are written in one transaction; cluster assignment takes a transaction-level advisory lock (workers decide one
// claim store change at a time, so two workers never found the same cluster twice), cluster rows are updated under
// their row lock, and unique keys (report id + claim index, alert idempotency key, outbox alert + webhook) make a retry
// after a crash a no-op. Outbox rows are claimed with FOR UPDATE SKIP LOCKED.
import type pg from 'pg'
import type { PostgresMigration } from './migrate.js'
import type { ClaimRepository } from '../claim-repository.js'
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
  runAsync,
  type AlertRow,
  type ArticleClaimRow,
  type ClaimOps,
  type ClusterRow,
  membersSql,
  membersOf,
  MEMBERS_SCANNED_PG,
  MEMBER_SCAN_ROWS,
} from '../claim-clustering.js'
import { storeQuery, storeTransaction } from './store-query.js'
import { pgText } from './upsert.js'

export const area = 'claims'

export const migrations: PostgresMigration[] = [
  {
    version: 1,
    description: 'article_claims, claim_clusters and their term index, alerts and alert_outbox',
    up: `
      CREATE TABLE claim_reports (report_id TEXT PRIMARY KEY, added_at BIGINT NOT NULL);
      CREATE TABLE claim_clusters (
        id TEXT COLLATE "C" PRIMARY KEY,
        representative TEXT NOT NULL,
        checkworthiness DOUBLE PRECISION NOT NULL,
        first_seen_at BIGINT NOT NULL,
        last_seen_at BIGINT NOT NULL,
        article_count INTEGER NOT NULL,
        outlet_count INTEGER NOT NULL,
        claim_count INTEGER NOT NULL,
        known_false BOOLEAN NOT NULL,
        contradicted BOOLEAN NOT NULL,
        factchecks TEXT NOT NULL,
        stance_agree INTEGER NOT NULL,
        stance_disagree INTEGER NOT NULL,
        stance_discuss INTEGER NOT NULL,
        term_count INTEGER NOT NULL,
        score DOUBLE PRECISION NOT NULL
      );
      CREATE INDEX claim_clusters_seen ON claim_clusters (last_seen_at);
      CREATE INDEX claim_clusters_score ON claim_clusters (score DESC, last_seen_at DESC, id);
      CREATE TABLE claim_cluster_outlets (cluster_id TEXT NOT NULL, outlet TEXT NOT NULL, PRIMARY KEY (cluster_id, outlet));
      CREATE INDEX claim_cluster_outlets_outlet ON claim_cluster_outlets (outlet);
      CREATE TABLE claim_cluster_terms (term TEXT COLLATE "C" NOT NULL, cluster_id TEXT NOT NULL, PRIMARY KEY (term, cluster_id));
      CREATE TABLE claim_terms (term TEXT COLLATE "C" PRIMARY KEY, df INTEGER NOT NULL);
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
        seen_at BIGINT NOT NULL,
        checkworthiness DOUBLE PRECISION NOT NULL,
        verdict TEXT,
        factchecks TEXT NOT NULL,
        stance_agree INTEGER NOT NULL,
        stance_disagree INTEGER NOT NULL,
        stance_discuss INTEGER NOT NULL,
        cluster_id TEXT NOT NULL REFERENCES claim_clusters (id),
        similarity DOUBLE PRECISION NOT NULL,
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
        created_at BIGINT NOT NULL
      );
      CREATE INDEX alerts_created ON alerts (created_at);
      CREATE TABLE alert_outbox (
        alert_id TEXT NOT NULL REFERENCES alerts (id),
        webhook TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at BIGINT NOT NULL,
        delivered_at BIGINT,
        last_error TEXT,
        claim_owner TEXT,
        claim_until BIGINT,
        PRIMARY KEY (alert_id, webhook)
      );
      CREATE INDEX alert_outbox_due ON alert_outbox (next_attempt_at) WHERE delivered_at IS NULL;
    `,
  },
]

/** Any constant: the same for every Factsift process clustering into the same database. */
const CLUSTER_LOCK = 0x46_53_43_4c // "FSCL"

const CLUSTER_COLUMNS = `c.*, (SELECT json_agg(outlet)::text FROM claim_cluster_outlets o WHERE o.cluster_id = c.id) AS outlets`
const ALERT_COLUMNS = `a.*, (SELECT json_agg(json_build_object('webhook', webhook, 'attempts', attempts, 'deliveredAt', delivered_at,
  'lastError', last_error))::text FROM alert_outbox x WHERE x.alert_id = a.id) AS deliveries`

const placeholders = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `$${i + from}`).join(', ')

export function createRepository(pool: pg.Pool): ClaimRepository {
  const query = storeQuery(pool)
  const transaction = storeTransaction(pool)

  function opsOf(client: pg.PoolClient): { [K in keyof ClaimOps]: (...a: Parameters<ClaimOps[K]>) => Promise<ReturnType<ClaimOps[K]>> } {
    const q = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await client.query<R>(sql, params)).rows
    // DFs read in this transaction (0 for a term without a row): each claim asks for its terms twice (candidates, then
    // the similarity's stats). The clustering step holds the advisory lock, so only this transaction's own bumps,
    // applied below, change them meanwhile.
    const dfs = new Map<string, number>()
    const termDf = async (terms: readonly string[]): Promise<Map<string, number>> => {
      const missing = terms.filter((t) => !dfs.has(t))
      if (missing.length > 0) {
        for (const t of missing) dfs.set(t, 0)
        for (const r of await q<{ term: string; df: number }>('SELECT term, df FROM claim_terms WHERE term = ANY($1)', [missing])) dfs.set(r.term, Number(r.df))
      }
      return new Map(terms.map((t) => [t, dfs.get(t)!]))
    }
    const bumped = (terms: readonly string[]) => {
      for (const t of terms) if (dfs.has(t)) dfs.set(t, dfs.get(t)! + 1)
    }
    return {
      reportSeen: async (id) => (await q('SELECT 1 FROM claim_reports WHERE report_id = $1', [id])).length > 0,
      markReport: async (id, now) => void (await q('INSERT INTO claim_reports (report_id, added_at) VALUES ($1, $2)', [id, now])),
      clusterCount: async () => (await termDf(['#clusters'])).get('#clusters')!,
      termDf,
      postings: async (terms) => q<{ clusterId: string; term: string }>('SELECT cluster_id AS "clusterId", term FROM claim_cluster_terms WHERE term = ANY($1)', [terms]),
      clusters: async (ids) =>
        new Map((await q<ClusterRow>(`SELECT ${CLUSTER_COLUMNS} FROM claim_clusters c WHERE c.id = ANY($1) FOR UPDATE OF c`, [ids])).map((r) => [r.id, fromClusterRow(r)])),
      representatives: async (ids) =>
        new Map(
          (await q<{ id: string; representative: string; term_count: number | string }>('SELECT id, representative, term_count FROM claim_clusters WHERE id = ANY($1) FOR UPDATE', [ids])).map((r) => [
            r.id,
            { representative: r.representative, termCount: Number(r.term_count) },
          ]),
        ),
      members: async (ids, perCluster) =>
        ids.length === 0 ? new Map() : membersOf(await q<{ clusterId: string; text: string }>(MEMBERS_SCANNED_PG, [ids, perCluster, MEMBER_SCAN_ROWS])),
      insertCluster: async (cluster, terms) => {
        const p = clusterParams(cluster)
        p[1] = pgText(String(p[1]))
        await q(
          `INSERT INTO claim_clusters (id, representative, checkworthiness, first_seen_at, last_seen_at, article_count, outlet_count,
             claim_count, known_false, contradicted, factchecks, stance_agree, stance_disagree, stance_discuss, term_count, score)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::int::boolean, $10::int::boolean, $11, $12, $13, $14, $15, $16)`,
          p,
        )
        if (terms.length > 0) {
          const added = await q<{ term: string }>(
            `INSERT INTO claim_cluster_terms (term, cluster_id) SELECT t, $2 FROM unnest($1::text[]) AS t ON CONFLICT DO NOTHING RETURNING term`,
            [terms, cluster.id],
          )
          await q(
            `INSERT INTO claim_terms (term, df) SELECT t, 1 FROM unnest($1::text[]) AS t ON CONFLICT (term) DO UPDATE SET df = claim_terms.df + 1`,
            [added.map((r) => r.term)],
          )
          bumped(added.map((r) => r.term))
        }
        await q(`INSERT INTO claim_terms (term, df) VALUES ('#clusters', 1) ON CONFLICT (term) DO UPDATE SET df = claim_terms.df + 1`)
        bumped(['#clusters'])
      },
      addClusterTerms: async (clusterId, terms) => {
        if (terms.length === 0) return
        const added = await q<{ term: string }>(
          `INSERT INTO claim_cluster_terms (term, cluster_id) SELECT t, $2 FROM unnest($1::text[]) AS t ON CONFLICT DO NOTHING RETURNING term`,
          [terms, clusterId],
        )
        if (added.length > 0) {
          await q(`INSERT INTO claim_terms (term, df) SELECT t, 1 FROM unnest($1::text[]) AS t ON CONFLICT (term) DO UPDATE SET df = claim_terms.df + 1`, [added.map((r) => r.term)])
          bumped(added.map((r) => r.term))
        }
      },
      updateCluster: async (c) =>
        void (await q(
          `UPDATE claim_clusters SET checkworthiness = $2, first_seen_at = $3, last_seen_at = $4, article_count = $5, outlet_count = $6,
             claim_count = $7, known_false = $8, contradicted = $9, factchecks = $10, stance_agree = $11, stance_disagree = $12,
             stance_discuss = $13, score = $14 WHERE id = $1`,
          [c.id, c.checkworthiness, c.firstSeenAt, c.lastSeenAt, c.articleCount, c.outletCount, c.claimCount, c.knownFalse, c.contradicted,
            JSON.stringify(c.factchecks), c.stance.agree, c.stance.disagree, c.stance.discuss, c.score],
        )),
      hasArticle: async (clusterId, reportId) => (await q('SELECT 1 FROM article_claims WHERE cluster_id = $1 AND report_id = $2 LIMIT 1', [clusterId, reportId])).length > 0,
      addOutlet: async (clusterId, outlet) =>
        (await q('INSERT INTO claim_cluster_outlets (cluster_id, outlet) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1', [clusterId, pgText(outlet)])).length > 0,
      insertClaim: async (claim) => {
        const p = claimParams(claim).map((v) => (typeof v === 'string' ? pgText(v) : v))
        await q(
          `INSERT INTO article_claims (id, report_id, claim_index, text, sentence, start_offset, end_offset, article_url, article_title,
             outlet, speaker, published_at, seen_at, checkworthiness, verdict, factchecks, stance_agree, stance_disagree, stance_discuss,
             cluster_id, similarity) VALUES (${placeholders(21)})`,
          p,
        )
      },
      recentArticles: async (clusterId, since, cap) =>
        Number((await q<{ n: string }>('SELECT count(*) AS n FROM (SELECT DISTINCT report_id FROM article_claims WHERE cluster_id = $1 AND seen_at >= $2 LIMIT $3) d', [clusterId, since, cap]))[0]?.n ?? 0),
      insertAlert: async (alert) =>
        (await q(
          `INSERT INTO alerts (id, kind, cluster_id, report_id, idempotency_key, message, payload, created_at) VALUES (${placeholders(8)})
           ON CONFLICT DO NOTHING RETURNING 1`,
          alertParams(alert).map((v) => (typeof v === 'string' ? pgText(v) : v)),
        )).length > 0,
      insertOutbox: async (alertId, webhook, now) =>
        void (await q('INSERT INTO alert_outbox (alert_id, webhook, next_attempt_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [alertId, webhook, now])),
    }
  }

  async function alertById(client: pg.PoolClient | pg.Pool, id: string) {
    const { rows } = await client.query<AlertRow>(`SELECT ${ALERT_COLUMNS} FROM alerts a WHERE a.id = $1`, [id])
    return fromAlertRow(rows[0]!)
  }

  return {
    async addReportClaims(reportId, claims, policy, options) {
      return transaction(`cannot store the claims of report ${reportId}`, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [CLUSTER_LOCK])
        return runAsync(addReportClaimsSteps(reportId, claims, policy, options), opsOf(client))
      })
    },
    async hasReport(reportId) {
      return (await query('cannot read claims', 'SELECT 1 FROM claim_reports WHERE report_id = $1', [reportId])).rows.length > 0
    },
    async listClusters(q) {
      const limit = Math.min(q.limit ?? CLUSTER_LIST_DEFAULT_LIMIT, CLUSTER_LIST_MAX_LIMIT)
      const where: string[] = []
      const params: unknown[] = []
      if (q.since !== undefined) (params.push(q.since), where.push(`c.last_seen_at >= $${params.length}`))
      if (q.knownFalse) where.push('c.known_false')
      if (q.outlet) (params.push(q.outlet), where.push(`EXISTS (SELECT 1 FROM claim_cluster_outlets o WHERE o.cluster_id = c.id AND o.outlet = $${params.length})`))
      params.push(limit)
      const { rows } = await query<ClusterRow>(
        'cannot list claim clusters',
        `SELECT ${CLUSTER_COLUMNS} FROM claim_clusters c ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY c.score DESC, c.last_seen_at DESC, c.id LIMIT $${params.length}`,
        params,
      )
      return rows.map((r) => publicCluster(fromClusterRow(r)))
    },
    async clusterMembers(ids, perCluster) {
      if (ids.length === 0) return new Map()
      const { rows } = await query<{ clusterId: string; text: string }>('cannot list cluster members', membersSql('= ANY($1)', '$2'), [[...ids], perCluster])
      return membersOf(rows)
    },
    async getCluster(id) {
      const { rows } = await query<ClusterRow>('cannot read claim cluster', `SELECT ${CLUSTER_COLUMNS} FROM claim_clusters c WHERE c.id = $1`, [id])
      if (!rows[0]) return null
      const claims = await query<ArticleClaimRow>('cannot read claims', 'SELECT * FROM article_claims WHERE cluster_id = $1 ORDER BY seen_at, report_id, claim_index', [id])
      return { cluster: publicCluster(fromClusterRow(rows[0])), claims: claims.rows.map(fromArticleClaimRow) }
    },
    async listAlerts(q) {
      const params: unknown[] = []
      const where = q.since !== undefined ? (params.push(q.since), 'WHERE a.created_at >= $1') : ''
      params.push(Math.min(q.limit ?? 100, 1000))
      const { rows } = await query<AlertRow>('cannot list alerts', `SELECT ${ALERT_COLUMNS} FROM alerts a ${where} ORDER BY a.created_at DESC, a.id LIMIT $${params.length}`, params)
      return rows.map(fromAlertRow)
    },
    async claimOutbox(owner, now, leaseMs, limit) {
      return transaction('cannot claim alert deliveries', async (client) => {
        const { rows } = await client.query<{ alert_id: string; webhook: string; attempts: number }>(
          `UPDATE alert_outbox x SET claim_owner = $1, claim_until = $3, attempts = x.attempts + 1 FROM (
             SELECT alert_id, webhook FROM alert_outbox WHERE delivered_at IS NULL AND next_attempt_at <= $2
               AND (claim_until IS NULL OR claim_until < $2) ORDER BY next_attempt_at, alert_id LIMIT $4 FOR UPDATE SKIP LOCKED) d
           WHERE x.alert_id = d.alert_id AND x.webhook = d.webhook RETURNING x.alert_id, x.webhook, x.attempts`,
          [owner, now, now + leaseMs, limit],
        )
        const out = []
        for (const row of rows) out.push({ alert: await alertById(client, row.alert_id), webhook: row.webhook, attempts: Number(row.attempts) })
        return out
      })
    },
    async completeDelivery(alertId, webhook, now) {
      await query('cannot record a delivery', 'UPDATE alert_outbox SET delivered_at = $1, claim_owner = NULL, claim_until = NULL, last_error = NULL WHERE alert_id = $2 AND webhook = $3', [now, alertId, webhook])
    },
    async failDelivery(alertId, webhook, error, retryAt) {
      await query(
        'cannot record a failed delivery',
        'UPDATE alert_outbox SET next_attempt_at = $1, last_error = $2, claim_owner = NULL, claim_until = NULL WHERE alert_id = $3 AND webhook = $4 AND delivered_at IS NULL',
        [retryAt ?? GIVEN_UP, pgText(error.slice(0, 500)), alertId, webhook],
      )
    },
    async outboxOwners() {
      const { rows } = await query<{ o: string }>('cannot read alert deliveries', 'SELECT DISTINCT claim_owner AS o FROM alert_outbox WHERE delivered_at IS NULL AND claim_owner IS NOT NULL')
      return rows.map((r) => r.o)
    },
    async releaseOutbox(owners) {
      const { rowCount } = await query('cannot release alert deliveries', 'UPDATE alert_outbox SET claim_owner = NULL, claim_until = NULL WHERE claim_owner = ANY($1) AND delivered_at IS NULL', [owners])
      return rowCount ?? 0
    },
    async counts() {
      const { rows } = await query<Record<string, string>>('cannot count claims', CLAIM_COUNTS_SQL)
      return claimCounts(rows[0]!)
    },
  }
}
