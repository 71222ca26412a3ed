// The official FNC-1 weighted score: 0.25 for the right related/unrelated call, 0.75 more for the right related label.
import { STANCES } from '../../src/analyzers/lateral-reading/stance/labels.js'

const UNRELATED = STANCES.indexOf('unrelated')

export interface FncScore {
  score: number
  /** The score of a perfect prediction of the same gold labels. */
  max: number
  /** score / max × 100. */
  percent: number
}

/** Scores predicted against gold class indices (order of STANCES), as the FNC-1 scorer does. */
export function fncScore(gold: ArrayLike<number>, predicted: ArrayLike<number>): FncScore {
  if (gold.length !== predicted.length) throw new RangeError(`length mismatch: ${gold.length} vs ${predicted.length}`)
  let score = 0
  let max = 0
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i]!
    const p = predicted[i]!
    max += g === UNRELATED ? 0.25 : 1
    if (g === p) {
      score += 0.25
      if (g !== UNRELATED) score += 0.5
    }
    if (g !== UNRELATED && p !== UNRELATED) score += 0.25
  }
  return { score, max, percent: max === 0 ? 0 : (100 * score) / max }
}
