// Quality of predicted probabilities for 0/1 labels: Brier score, log loss, reliability bins and ECE.

/** Mean of (p − y)²; 0 is perfect, 0.25 is a constant 0.5. */
export function brierScore(labels: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  checkLengths(labels, probabilities)
  if (labels.length === 0) return 0
  let sum = 0
  for (let i = 0; i < labels.length; i++) sum += (probabilities[i] - labels[i]) ** 2
  return sum / labels.length
}

/** Mean negative log-likelihood, probabilities clamped to [eps, 1 − eps]. */
export function logLoss(labels: ArrayLike<number>, probabilities: ArrayLike<number>, eps = 1e-15): number {
  checkLengths(labels, probabilities)
  if (labels.length === 0) return 0
  let sum = 0
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(1 - eps, Math.max(eps, probabilities[i]))
    sum -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p)
  }
  return sum / labels.length
}

export interface ReliabilityBin {
  /** [lower, upper) except the last bin, which includes 1. */
  lower: number
  upper: number
  count: number
  meanProbability: number
  /** Observed share of label 1 in the bin. */
  positiveRate: number
}

/** Splits [0, 1] into `bins` equal-width bins of the predicted P(label = 1); empty bins are kept with count 0. */
export function reliabilityBins(labels: ArrayLike<number>, probabilities: ArrayLike<number>, bins = 10): ReliabilityBin[] {
  checkLengths(labels, probabilities)
  const count = new Array<number>(bins).fill(0)
  const sumP = new Array<number>(bins).fill(0)
  const sumY = new Array<number>(bins).fill(0)
  for (let i = 0; i < labels.length; i++) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(probabilities[i] * bins)))
    count[b]++
    sumP[b] += probabilities[i]
    sumY[b] += labels[i]
  }
  return count.map((n, b) => ({
    lower: b / bins,
    upper: (b + 1) / bins,
    count: n,
    meanProbability: n ? sumP[b] / n : 0,
    positiveRate: n ? sumY[b] / n : 0,
  }))
}

/**
 * Expected calibration error of P(label = 1): equal-width bins over [0, 1] (10 by default; bin b holds
 * p ∈ [b/B, (b+1)/B), the last one also p = 1), ECE = Σ_b (n_b / N) · |mean p in b − share of 1s in b|.
 * This is the binary "positive-class" ECE, not the top-label-confidence variant of Guo et al. (2017).
 */
export function expectedCalibrationError(labels: ArrayLike<number>, probabilities: ArrayLike<number>, bins = 10): number {
  if (labels.length === 0) return 0
  let sum = 0
  for (const bin of reliabilityBins(labels, probabilities, bins)) {
    sum += bin.count * Math.abs(bin.meanProbability - bin.positiveRate)
  }
  return sum / labels.length
}

function checkLengths(a: ArrayLike<unknown>, b: ArrayLike<unknown>): void {
  if (a.length !== b.length) throw new RangeError(`length mismatch: ${a.length} vs ${b.length}`)
}
