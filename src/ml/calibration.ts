// Probability calibration: Platt scaling (a sigmoid of the score) and isotonic regression (pool-adjacent-violators).
import { FactsiftError } from '../errors.js'
import { sigmoid, softplus } from './math.js'

/** P = σ(a·score + b). */
export interface PlattCalibrator {
  kind: 'platt'
  a: number
  b: number
}

/** A non-decreasing step function through (x[i], y[i]); linear between knots, flat beyond the ends. */
export interface IsotonicCalibrator {
  kind: 'isotonic'
  x: number[]
  y: number[]
}

export type Calibrator = PlattCalibrator | IsotonicCalibrator

export interface PlattOptions {
  /** Platt's smoothed targets (N₊+1)/(N₊+2) and 1/(N₋+2) instead of 1 and 0; default true (less overconfident). */
  smoothTargets?: boolean
  maxIterations?: number
}

/** Fits Platt scaling on raw scores (e.g. log-odds) and 0/1 labels by Newton's method with a line search. */
export function fitPlatt(scores: ArrayLike<number>, labels: ArrayLike<number>, options: PlattOptions = {}): PlattCalibrator {
  checkPairs(scores, labels)
  let positives = 0
  for (let i = 0; i < labels.length; i++) positives += labels[i]
  const negatives = labels.length - positives
  const smooth = options.smoothTargets ?? true
  const hi = smooth ? (positives + 1) / (positives + 2) : 1
  const lo = smooth ? 1 / (negatives + 2) : 0
  const target = (i: number) => (labels[i] === 1 ? hi : lo)
  const loss = (a: number, b: number) => {
    let sum = 0
    for (let i = 0; i < scores.length; i++) {
      const z = a * scores[i] + b
      const t = target(i)
      sum += t * softplus(-z) + (1 - t) * softplus(z)
    }
    return sum
  }
  let a = 0
  let b = Math.log((positives + 1) / (negatives + 1))
  let current = loss(a, b)
  for (let iter = 0; iter < (options.maxIterations ?? 100); iter++) {
    let ga = 0, gb = 0, haa = 1e-12, hab = 0, hbb = 1e-12
    for (let i = 0; i < scores.length; i++) {
      const p = sigmoid(a * scores[i] + b)
      const d = p - target(i)
      const w = p * (1 - p)
      ga += d * scores[i]
      gb += d
      haa += w * scores[i] * scores[i]
      hab += w * scores[i]
      hbb += w
    }
    if (Math.abs(ga) < 1e-9 && Math.abs(gb) < 1e-9) break
    const det = haa * hbb - hab * hab
    const da = -(hbb * ga - hab * gb) / det
    const db = -(-hab * ga + haa * gb) / det
    let step = 1
    let next = loss(a + da, b + db)
    while (!(next <= current + 1e-4 * step * (ga * da + gb * db)) && step > 1e-10) {
      step /= 2
      next = loss(a + step * da, b + step * db)
    }
    if (step <= 1e-10) break
    a += step * da
    b += step * db
    const improvement = current - next
    current = next
    if (improvement < 1e-12 * Math.max(1, Math.abs(current))) break
  }
  return { kind: 'platt', a, b }
}

export function applyPlatt(calibrator: PlattCalibrator, score: number): number {
  return sigmoid(calibrator.a * score + calibrator.b)
}

/** Fits a non-decreasing map from scores to P(label = 1) by pool-adjacent-violators; equal scores are pooled first. */
export function fitIsotonic(scores: ArrayLike<number>, labels: ArrayLike<number>, weights?: ArrayLike<number>): IsotonicCalibrator {
  checkPairs(scores, labels)
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((i, j) => scores[i] - scores[j] || i - j)
  // Each block: weighted sum of labels, total weight, and the score range it covers.
  const sumY: number[] = []
  const sumW: number[] = []
  const xMin: number[] = []
  const xMax: number[] = []
  for (const i of order) {
    const w = weights ? weights[i] : 1
    const last = sumW.length - 1
    if (last >= 0 && xMax[last] === scores[i]) {
      sumY[last] += w * labels[i]
      sumW[last] += w
    } else {
      sumY.push(w * labels[i])
      sumW.push(w)
      xMin.push(scores[i])
      xMax.push(scores[i])
    }
    // Merge while the previous block's mean is not below the last one's.
    while (sumW.length > 1) {
      const n = sumW.length - 1
      if (sumY[n - 1] / sumW[n - 1] < sumY[n] / sumW[n]) break
      sumY[n - 1] += sumY[n]
      sumW[n - 1] += sumW[n]
      xMax[n - 1] = xMax[n]
      sumY.pop(); sumW.pop(); xMin.pop(); xMax.pop()
    }
  }
  const x: number[] = []
  const y: number[] = []
  for (let k = 0; k < sumW.length; k++) {
    const value = sumY[k] / sumW[k]
    x.push(xMin[k]); y.push(value)
    if (xMax[k] !== xMin[k]) { x.push(xMax[k]); y.push(value) }
  }
  return { kind: 'isotonic', x, y }
}

export function applyIsotonic(calibrator: IsotonicCalibrator, score: number): number {
  const { x, y } = calibrator
  if (score <= x[0]) return y[0]
  if (score >= x[x.length - 1]) return y[y.length - 1]
  let lo = 0
  let hi = x.length - 1
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1
    if (x[mid] <= score) lo = mid
    else hi = mid
  }
  const t = (score - x[lo]) / (x[hi] - x[lo])
  return y[lo] + t * (y[hi] - y[lo])
}

/** Maps a raw score to a calibrated probability with either kind of calibrator. */
export function applyCalibration(calibrator: Calibrator, score: number): number {
  return calibrator.kind === 'platt' ? applyPlatt(calibrator, score) : applyIsotonic(calibrator, score)
}

/** Validates a parsed JSON value as a Calibrator (throws E_MODEL_INVALID naming `what`). */
export function calibratorFromJSON(value: unknown, what = 'calibrator'): Calibrator {
  const c = value as { kind?: string; a?: number; b?: number; x?: number[]; y?: number[] } | null
  if (c?.kind === 'platt' && Number.isFinite(c.a) && Number.isFinite(c.b)) return { kind: 'platt', a: c.a!, b: c.b! }
  if (
    c?.kind === 'isotonic' &&
    Array.isArray(c.x) && Array.isArray(c.y) &&
    c.x.length > 0 && c.x.length === c.y.length &&
    c.x.every(Number.isFinite) && c.y.every(Number.isFinite) &&
    c.x.every((v: number, i: number) => i === 0 || v >= c.x![i - 1])
  ) {
    return { kind: 'isotonic', x: c.x!, y: c.y! }
  }
  throw new FactsiftError('E_MODEL_INVALID', `${what}: expected { kind: 'platt', a, b } or { kind: 'isotonic', x[], y[] }`)
}

function checkPairs(scores: ArrayLike<number>, labels: ArrayLike<number>): void {
  if (scores.length === 0 || scores.length !== labels.length) {
    throw new FactsiftError('E_BAD_ARGUMENT', `calibration needs as many labels as scores (got ${scores.length} and ${labels.length})`)
  }
}
