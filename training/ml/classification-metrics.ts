// Classification metrics over class indices: accuracy, confusion matrix, per-class P/R/F1, macro-F1, ROC AUC.

/** Share of positions where prediction equals truth; 0 for empty input. */
export function accuracy(truth: ArrayLike<number>, predicted: ArrayLike<number>): number {
  checkLengths(truth, predicted)
  if (truth.length === 0) return 0
  let right = 0
  for (let i = 0; i < truth.length; i++) if (truth[i] === predicted[i]) right++
  return right / truth.length
}

/** matrix[t][p] = how many examples of true class t were predicted as p. */
export function confusionMatrix(truth: ArrayLike<number>, predicted: ArrayLike<number>, classes?: number): number[][] {
  checkLengths(truth, predicted)
  let k = classes ?? 0
  if (classes === undefined) for (let i = 0; i < truth.length; i++) k = Math.max(k, truth[i] + 1, predicted[i] + 1)
  const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0))
  for (let i = 0; i < truth.length; i++) matrix[truth[i]][predicted[i]]++
  return matrix
}

export interface ClassScores {
  precision: number
  recall: number
  f1: number
  /** True examples of the class. */
  support: number
}

/** Precision, recall and F1 per class (0 where undefined, as scikit-learn's zero_division=0). */
export function perClassScores(truth: ArrayLike<number>, predicted: ArrayLike<number>, classes?: number): ClassScores[] {
  const matrix = confusionMatrix(truth, predicted, classes)
  return matrix.map((row, c) => {
    const tp = row[c]
    const support = row.reduce((a, b) => a + b, 0)
    const predictedAs = matrix.reduce((sum, r) => sum + r[c], 0)
    const precision = predictedAs === 0 ? 0 : tp / predictedAs
    const recall = support === 0 ? 0 : tp / support
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
    return { precision, recall, f1, support }
  })
}

/** Unweighted mean of the per-class F1 over all `classes` (default: every class seen in truth or predictions). */
export function macroF1(truth: ArrayLike<number>, predicted: ArrayLike<number>, classes?: number): number {
  const scores = perClassScores(truth, predicted, classes)
  return scores.length === 0 ? 0 : scores.reduce((sum, s) => sum + s.f1, 0) / scores.length
}

/**
 * Area under the ROC curve for 0/1 labels and scores (higher = more likely 1): the Mann–Whitney statistic with tied
 * scores given their average rank, so a tie counts one half. NaN when either class is absent.
 */
export function rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  checkLengths(labels, scores)
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a] - scores[b])
  let positives = 0
  let rankSum = 0
  for (let start = 0; start < order.length; ) {
    let end = start
    while (end + 1 < order.length && scores[order[end + 1]] === scores[order[start]]) end++
    const averageRank = (start + end) / 2 + 1
    for (let i = start; i <= end; i++) {
      if (labels[order[i]] === 1) {
        positives++
        rankSum += averageRank
      }
    }
    start = end + 1
  }
  const negatives = labels.length - positives
  if (positives === 0 || negatives === 0) return Number.NaN
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
}

function checkLengths(a: ArrayLike<unknown>, b: ArrayLike<unknown>): void {
  if (a.length !== b.length) throw new RangeError(`length mismatch: ${a.length} vs ${b.length}`)
}
