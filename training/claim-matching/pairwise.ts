// Pairwise training of the claim-matching re-ranker: logistic regression on (relevant − irrelevant) feature differences.
import type { ClefRun } from './clef-evaluation.js'
import { trainLogistic, logisticDecision, type LogisticModel } from '../../src/ml/logistic.js'
import { fitStandardizer, type Standardizer } from '../../src/ml/standardize.js'
import { standardizeClipped } from '../../src/analyzers/factchecks/reranker.js'
import { FEATURE_NAMES, FEATURE_SIGNS } from '../../src/analyzers/factchecks/rerank-features.js'

export interface PairwiseOptions {
  l2: number
  /** Irrelevant candidates paired with the relevant one: the top `negatives` of the BM25 list. */
  negatives: number
}

export interface FittedReranker {
  standardizer: Standardizer
  logistic: LogisticModel
}

/**
 * Fits w on difference vectors (both directions, so the bias stays ~0): P(a above b) = σ(w·(a − b)). The same w then
 * scores single candidates, and w·x is calibrated afterwards. Features whose weight takes the wrong sign
 * (FEATURE_SIGNS) are dropped one at a time, the worst first, and the rest refitted.
 */
export function fitPairwise(runs: readonly ClefRun[], options: PairwiseOptions): FittedReranker {
  const rows = runs.flatMap((run) => run.set.features)
  const standardizer = fitStandardizer(rows)
  const examples: Float64Array[] = []
  const labels: number[] = []
  for (const run of runs) {
    const positives = run.labels.flatMap((label, i) => (label === 1 ? [i] : []))
    if (positives.length === 0) continue
    const z = run.set.features.map((f) => standardizeClipped(standardizer, f))
    for (const p of positives) {
      for (let n = 0; n < Math.min(options.negatives, z.length); n++) {
        if (run.labels[n] === 1) continue
        const diff = z[p]!.map((v, j) => v - z[n]![j]!)
        examples.push(diff, diff.map((v) => -v))
        labels.push(1, 0)
      }
    }
  }
  const dropped = new Set<number>()
  for (;;) {
    const masked = dropped.size === 0 ? examples : examples.map((x) => x.map((v, j) => (dropped.has(j) ? 0 : v)))
    const logistic = trainLogistic(masked, labels, { l2: options.l2, dims: FEATURE_NAMES.length })
    let worst = -1
    let worstValue = 0
    logistic.weights.forEach((w, j) => {
      const wrong = -FEATURE_SIGNS[FEATURE_NAMES[j]!] * w
      if (!dropped.has(j) && wrong > worstValue) {
        worst = j
        worstValue = wrong
      }
    })
    if (worst < 0) {
      // Pairs carry no intercept information: the calibrator sets the level.
      return { standardizer, logistic: { ...logistic, weights: logistic.weights.map((w, j) => (dropped.has(j) ? 0 : w)), bias: 0 } }
    }
    dropped.add(worst)
  }
}

/** Log-odds-like scores of every candidate of a run. */
export function scoreRun(model: FittedReranker, features: readonly number[][]): number[] {
  return features.map((f) => logisticDecision(model.logistic, standardizeClipped(model.standardizer, f)))
}
