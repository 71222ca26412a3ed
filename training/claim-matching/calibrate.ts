// Calibration and threshold of the claim-matching re-ranker, from out-of-fold scores on train tweets only.
import { withoutRelevant, type ClefRun } from './clef-evaluation.js'
import { applyPlatt, fitPlatt, type PlattCalibrator } from '../../src/ml/calibration.js'
import type { Fold } from '../ml/cross-validation.js'
import { fitPairwise, scoreRun, type PairwiseOptions } from './pairwise.js'

export interface ThresholdPoint {
  threshold: number
  /** Checked tweets: share of shown best matches that are right, and share of tweets shown their right match. */
  precision: number
  recall: number
  /** Share of tweets shown a match when their fact-checks are missing from the store. */
  uncheckedShown: number
}

export interface Calibrated extends ThresholdPoint {
  calibration: PlattCalibrator
  /** Out-of-fold scores of the train runs (for the CV ranking metrics). */
  oof: Map<ClefRun, number[]>
  /** Every threshold from 0.99 down to 0.01. */
  curve: ThresholdPoint[]
}

/**
 * Platt scaling on out-of-fold scores of every candidate, for tweets with their fact-check and for the same tweets
 * with it removed (a claim nobody checked yet, where the matcher must stay quiet).
 */
export function calibrateOutOfFold(
  train: readonly ClefRun[],
  splits: readonly Fold[],
  options: PairwiseOptions,
  maxUncheckedShown: number,
  /** Runs that count for the threshold (the tweets; the synthetic restatements only help fit and calibrate). */
  isTweet: (run: ClefRun) => boolean = () => true,
): Calibrated {
  const unchecked = train.filter((run) => run.labels.includes(1)).map(withoutRelevant)
  const uncheckedOf = new Map(train.filter((run) => run.labels.includes(1)).map((run, i) => [run, unchecked[i]!]))
  const sourceOf = new Map([...uncheckedOf].map(([run, twin]) => [twin, run]))
  const scores = new Map<ClefRun, number[]>()
  for (const split of splits) {
    const model = fitPairwise(split.train.map((i) => train[i]!), options)
    for (const i of split.test) {
      const run = train[i]!
      scores.set(run, scoreRun(model, run.set.features))
      const twin = uncheckedOf.get(run)
      if (twin) scores.set(twin, scoreRun(model, twin.set.features))
    }
  }
  const runs = [...train, ...unchecked]
  const x: number[] = []
  const y: number[] = []
  for (const run of runs) {
    scores.get(run)!.forEach((s, i) => {
      x.push(s)
      y.push(run.labels[i]!)
    })
  }
  const calibration = fitPlatt(x, y)
  // The threshold: the lowest at which at most `maxUncheckedShown` of the tweets whose fact-check is missing still get a
  // match. Most claims in an article have no fact-check at all, so that rate is what readers see most.
  const top = (run: ClefRun) => {
    const s = scores.get(run)!
    if (s.length === 0) return { p: 0, correct: false }
    const best = s.indexOf(Math.max(...s))
    return { p: applyPlatt(calibration, s[best]!), correct: run.labels[best] === 1 }
  }
  const checkedRuns = train.filter((run) => isTweet(run) && run.labels.includes(1)).map(top)
  const uncheckedRuns = unchecked.filter((twin) => isTweet(sourceOf.get(twin)!)).map(top)
  const at = (threshold: number): ThresholdPoint => {
    const shown = checkedRuns.filter((d) => d.p >= threshold)
    const tp = shown.filter((d) => d.correct).length
    return {
      threshold,
      precision: shown.length ? tp / shown.length : 0,
      recall: tp / Math.max(1, checkedRuns.length),
      uncheckedShown: uncheckedRuns.filter((d) => d.p >= threshold).length / Math.max(1, uncheckedRuns.length),
    }
  }
  const curve = Array.from({ length: 99 }, (_, i) => at((99 - i) / 100))
  let chosen = curve[0]!
  for (const point of curve) {
    if (point.uncheckedShown > maxUncheckedShown) break
    chosen = point
  }
  const oof = new Map(train.map((run) => [run, scores.get(run)!]))
  return { calibration, oof, ...chosen, curve }
}
