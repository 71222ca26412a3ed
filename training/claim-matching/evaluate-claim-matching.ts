// `factsift eval claim-matching`: the shipped re-ranker against plain BM25 on CLEF CheckThat! 2020 Task 2 files.
import { importFactChecks } from '../../src/factchecks/import/import-file.js'
import { openStore } from '../../src/store/open-store.js'
import { readClefQueries, readQrels } from './clef-data.js'
import { bm25Scores, buildClefRuns, plainBm25Metrics, rankingMetrics, withoutRelevant, type RankingMetrics } from './clef-evaluation.js'
import { calibrate, rerankMargins, type ClaimMatchingModel } from '../../src/analyzers/factchecks/reranker.js'

export interface ClaimMatchingEvaluation {
  claims: number
  queries: number
  depth: number
  /** The trained re-ranker over the first-stage candidates. */
  reranker: RankingMetrics
  /** The raw tweet as a BM25 query, as the store returns it: the baseline. */
  bm25: RankingMetrics
  /** First stage alone: cleaned tweet (+ author) as a BM25 query, before re-ranking. */
  firstStage: RankingMetrics
  /**
   * At the model's threshold: share of tweets whose top match is shown, share of shown matches that are right, and
   * share of tweets still shown a (necessarily wrong) match when their fact-checks are removed from the candidates.
   */
  threshold: { value: number; shown: number; precision: number; shownWithoutFactCheck: number }
}

/** Imports the verified claims into a throwaway store and scores both rankings for every query. */
export async function evaluateClaimMatching(
  model: ClaimMatchingModel,
  paths: { claims: string; queries: string; qrels: string },
): Promise<ClaimMatchingEvaluation> {
  const store = await openStore(':memory:')
  try {
    await importFactChecks(store.factchecks, paths.claims, { format: 'clef' })
    const queries = readClefQueries(paths.queries)
    const qrels = readQrels(paths.qrels)
    const runs = await buildClefRuns(store.factchecks, queries, qrels, model.depth)
    const margins = new Map(runs.map((run) => [run, rerankMargins(model, run.set.features)]))
    const topProbability = (scores: number[]) => (scores.length === 0 ? 0 : calibrate(model, [Math.max(...scores)])[0]!)
    let shown = 0
    let right = 0
    let falseShown = 0
    let checked = 0
    for (const run of runs) {
      const m = margins.get(run)!
      if (m.length > 0 && topProbability(m) >= model.threshold) {
        shown++
        right += run.labels[m.indexOf(Math.max(...m))]!
      }
      if (run.labels.includes(1)) {
        checked++
        const unchecked = withoutRelevant(run)
        if (topProbability(rerankMargins(model, unchecked.set.features)) >= model.threshold) falseShown++
      }
    }
    return {
      claims: await store.factchecks.count(),
      queries: queries.length,
      depth: model.depth,
      reranker: rankingMetrics(runs, (run) => margins.get(run)!),
      bm25: await plainBm25Metrics(store.factchecks, queries, qrels, 10),
      firstStage: rankingMetrics(runs, bm25Scores),
      threshold: {
        value: model.threshold,
        shown: shown / Math.max(1, runs.length),
        precision: shown ? right / shown : 0,
        shownWithoutFactCheck: falseShown / Math.max(1, checked),
      },
    }
  } finally {
    await store.close()
  }
}
