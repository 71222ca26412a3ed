// Probability quality for K-class predictions: mean log-loss and top-label expected calibration error (Guo et al. 2017).

/** Mean −log p(true class), with p clamped at 1e-15. */
export function multiclassLogLoss(labels: ArrayLike<number>, probabilities: readonly ArrayLike<number>[]): number {
  if (labels.length !== probabilities.length) throw new RangeError(`length mismatch: ${labels.length} vs ${probabilities.length}`)
  let sum = 0
  for (let i = 0; i < labels.length; i++) sum -= Math.log(Math.max(1e-15, probabilities[i][labels[i]]))
  return labels.length === 0 ? 0 : sum / labels.length
}

/**
 * Top-label ECE: rows binned by the probability of their predicted class into `bins` equal-width bins; the weighted
 * mean gap between each bin's mean confidence and its accuracy. 0 for a perfectly calibrated classifier.
 */
export function topLabelCalibrationError(labels: ArrayLike<number>, probabilities: readonly ArrayLike<number>[], bins = 10): number {
  if (labels.length !== probabilities.length) throw new RangeError(`length mismatch: ${labels.length} vs ${probabilities.length}`)
  const confidence = new Float64Array(bins)
  const correct = new Float64Array(bins)
  const count = new Float64Array(bins)
  for (let i = 0; i < labels.length; i++) {
    const p = probabilities[i]
    let best = 0
    for (let k = 1; k < p.length; k++) if (p[k] > p[best]) best = k
    const bin = Math.min(bins - 1, Math.floor(p[best] * bins))
    confidence[bin] += p[best]
    correct[bin] += best === labels[i] ? 1 : 0
    count[bin] += 1
  }
  let gap = 0
  for (let b = 0; b < bins; b++) if (count[b] > 0) gap += Math.abs(confidence[b] - correct[b])
  return labels.length === 0 ? 0 : gap / labels.length
}
