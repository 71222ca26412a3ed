// Runs CLEF CheckThat! 2020 Task 2 style evaluations: rank candidates per tweet, score MAP@k, MRR and P@1.
import type { FactCheckRecord, FactCheckRepository } from '../../src/store/factcheck-repository.js'
import { createPlainBm25 } from './plain-bm25.js'
import { mapAtK, meanReciprocalRank, precisionAtK, type RankedQuery } from '../ml/ranking-metrics.js'
import { retrieveCandidates, type CandidateSet } from '../../src/analyzers/factchecks/candidates.js'
import { candidateFeatures } from '../../src/analyzers/factchecks/rerank-features.js'
import type { ClefQuery } from './clef-data.js'

/** One tweet's candidates with the ids of its relevant verified claims. */
export interface ClefRun {
  queryId: string
  set: CandidateSet
  relevant: Set<string>
  /** 1 when the candidate at that index is relevant. */
  labels: number[]
}

export interface RankingMetrics {
  'MAP@1': number
  'MAP@3': number
  'MAP@5': number
  'MAP@10': number
  MRR: number
  'P@1': number
  /** Queries with a relevant claim among the retrieved candidates. */
  recall: number
  queries: number
}

/** Retrieves candidates for every query; candidates are identified by the record's externalId (the vclaim id). */
export async function buildClefRuns(
  repo: FactCheckRepository,
  queries: readonly ClefQuery[],
  qrels: ReadonlyMap<string, ReadonlySet<string>>,
  depth: number,
): Promise<ClefRun[]> {
  const runs: ClefRun[] = []
  for (const query of queries) {
    const relevant = new Set(qrels.get(query.id) ?? [])
    const set = await retrieveCandidates(repo, query.text, depth)
    runs.push({ queryId: query.id, set, relevant, labels: set.candidates.map((c) => (relevant.has(c.record.externalId ?? '') ? 1 : 0)) })
  }
  return runs
}

/** Metrics of the rankings given by `scores(run)` (higher first; ties keep the BM25 order). */
export function rankingMetrics(runs: readonly ClefRun[], scores: (run: ClefRun) => readonly number[]): RankingMetrics {
  const ranked: RankedQuery[] = runs.map((run) => {
    const s = scores(run)
    const order = run.labels.map((_, i) => i).sort((a, b) => s[b]! - s[a]! || a - b)
    return { relevance: order.map((i) => run.labels[i]!), totalRelevant: run.relevant.size }
  })
  return metricsOf(ranked)
}

/** MAP@k, MRR, P@1 and recall (queries with a relevant claim anywhere in their list) of ranked relevance lists. */
function metricsOf(ranked: readonly RankedQuery[]): RankingMetrics {
  const relevances = ranked.map((r) => r.relevance)
  return {
    'MAP@1': mapAtK(ranked, 1),
    'MAP@3': mapAtK(ranked, 3),
    'MAP@5': mapAtK(ranked, 5),
    'MAP@10': mapAtK(ranked, 10),
    MRR: meanReciprocalRank(relevances),
    'P@1': relevances.reduce((sum, r) => sum + precisionAtK(r, 1), 0) / Math.max(1, relevances.length),
    recall: relevances.filter((r) => Array.from(r).some((l) => Number(l) >= 1)).length / Math.max(1, relevances.length),
    queries: ranked.length,
  }
}

/** BM25 order: the candidates as the store returned them. */
export function bm25Scores(run: ClefRun): number[] {
  return run.set.candidates.map((c) => c.bm25)
}

/** Plain BM25 baseline (see plain-bm25.ts): the raw tweet as the query, top `depth` as ranked. */
export async function plainBm25Metrics(
  repo: FactCheckRepository,
  queries: readonly ClefQuery[],
  qrels: ReadonlyMap<string, ReadonlySet<string>>,
  depth = 10,
): Promise<RankingMetrics> {
  const records: FactCheckRecord[] = []
  for await (const record of repo.iterate()) records.push(record)
  const index = createPlainBm25(records)
  try {
    const ranked: RankedQuery[] = queries.map((query) => {
      const relevant = qrels.get(query.id) ?? new Set<string>()
      return { relevance: index.search(query.text, depth).map((id) => (relevant.has(id) ? 1 : 0)), totalRelevant: relevant.size }
    })
    return metricsOf(ranked)
  } finally {
    index.close()
  }
}

/** The same query without its relevant fact-checks: what the matcher sees for a claim nobody has checked yet. */
export function withoutRelevant(run: ClefRun): ClefRun {
  const keep = run.set.candidates.filter((_, i) => run.labels[i] !== 1).map((c, rank) => ({ ...c, rank }))
  return {
    queryId: `${run.queryId}/unchecked`,
    relevant: new Set(),
    labels: keep.map(() => 0),
    set: { ...run.set, candidates: keep, features: candidateFeatures(run.set.query, keep) },
  }
}
