// Grows a SQLite claim store fast for bench:monitor: generated claims written with plain multi-row inserts in large
// transactions, their clusters decided by the generator (a repeat joins its topic's cluster), the term index and
// document frequencies laid out as src/store/sqlite/claims.ts keeps them. Only the probes go through the clustering
// algorithm: filling a million claims through it would take hours and measures nothing more.
import Database from 'better-sqlite3'
import { claimIdOf, claimTerms, clusterIdOf } from '../src/store/claim-clustering.js'

export interface FillClaim {
  topic: number
  text: string
  outlet: string
  seenAt: number
}

interface FillCluster {
  id: string
  isNew: boolean
  claims: number
  lastSeenAt: number
}

const CHUNK = 20_000

export function createClaimStoreFiller(path: string) {
  /** Topic → cluster id, for the claims this filler wrote (probes found their own clusters). */
  const clusterOfTopic = new Map<number, string>()

  return {
    /** Writes `claims` (report ids `fill-<seq>`), one transaction per CHUNK claims. */
    fill(claims: Iterable<FillClaim & { seq: number }>): void {
      const db = new Database(path)
      db.pragma('journal_mode = WAL')
      db.pragma('synchronous = OFF')
      db.pragma('cache_size = -262144')
      const s = {
        report: db.prepare('INSERT INTO claim_reports (report_id, added_at) VALUES (?, ?)'),
        claim: db.prepare(`INSERT INTO article_claims (id, report_id, claim_index, text, sentence, start_offset, end_offset, article_url,
          article_title, outlet, speaker, published_at, seen_at, checkworthiness, verdict, factchecks, stance_agree, stance_disagree,
          stance_discuss, cluster_id, similarity) VALUES (?, ?, 0, ?, 0, 0, ?, NULL, NULL, ?, NULL, NULL, ?, 0.7, NULL, '[]', 0, 0, 0, ?, ?)`),
        cluster: db.prepare(`INSERT INTO claim_clusters (id, representative, checkworthiness, first_seen_at, last_seen_at, article_count,
          outlet_count, claim_count, known_false, contradicted, factchecks, stance_agree, stance_disagree, stance_discuss, term_count, score)
          VALUES (?, ?, 0.7, ?, ?, 0, 0, 0, 0, 0, '[]', 0, 0, 0, ?, 0)`),
        grow: db.prepare(`UPDATE claim_clusters SET article_count = article_count + ?, claim_count = claim_count + ?,
          last_seen_at = max(last_seen_at, ?), outlet_count = (SELECT count(*) FROM claim_cluster_outlets WHERE cluster_id = ?) WHERE id = ?`),
        outlet: db.prepare('INSERT OR IGNORE INTO claim_cluster_outlets (cluster_id, outlet) VALUES (?, ?)'),
        term: db.prepare('INSERT OR IGNORE INTO claim_cluster_terms (term, cluster_id) VALUES (?, ?)'),
        df: db.prepare('INSERT INTO claim_terms (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = df + excluded.df'),
      }
      const writeChunk = db.transaction((chunk: (FillClaim & { seq: number })[]) => {
        const touched = new Map<string, FillCluster>()
        const df = new Map<string, number>()
        for (const c of chunk) {
          const reportId = `fill-${c.seq}`
          const claimId = claimIdOf(reportId, 0)
          let clusterId = clusterOfTopic.get(c.topic)
          let cluster = clusterId ? touched.get(clusterId) : undefined
          if (!clusterId) {
            clusterId = clusterIdOf(claimId)
            clusterOfTopic.set(c.topic, clusterId)
            const terms = claimTerms(c.text)
            s.cluster.run(clusterId, c.text, c.seenAt, c.seenAt, terms.length)
            for (const t of terms) if (s.term.run(t, clusterId).changes > 0) df.set(t, (df.get(t) ?? 0) + 1)
            df.set('#clusters', (df.get('#clusters') ?? 0) + 1)
            cluster = { id: clusterId, isNew: true, claims: 0, lastSeenAt: c.seenAt }
            touched.set(clusterId, cluster)
          }
          cluster ??= { id: clusterId, isNew: false, claims: 0, lastSeenAt: c.seenAt }
          touched.set(clusterId, cluster)
          cluster.claims++
          cluster.lastSeenAt = Math.max(cluster.lastSeenAt, c.seenAt)
          s.report.run(reportId, c.seenAt)
          s.claim.run(claimId, reportId, c.text, c.text.length, c.outlet, c.seenAt, clusterId, cluster.claims === 1 && cluster.isNew ? 1 : 0.9)
          s.outlet.run(clusterId, c.outlet)
        }
        for (const c of touched.values()) s.grow.run(c.claims, c.claims, c.lastSeenAt, c.id, c.id)
        for (const [t, n] of df) s.df.run(t, n)
      })
      let chunk: (FillClaim & { seq: number })[] = []
      for (const c of claims) {
        chunk.push(c)
        if (chunk.length >= CHUNK) (writeChunk(chunk), (chunk = []))
      }
      if (chunk.length) writeChunk(chunk)
      db.pragma('wal_checkpoint(TRUNCATE)')
      db.close()
    },
  }
}
