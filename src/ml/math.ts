// Numerically stable scalar helpers shared by the learners (sigmoid, softplus, softmax).

/** 1 / (1 + e^−z) without overflow for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z))
  const e = Math.exp(z)
  return e / (1 + e)
}

/** log(1 + e^z) without overflow. */
export function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))
}

/** log(p / (1 − p)), with p clamped away from 0 and 1. */
export function logit(p: number, eps = 1e-12): number {
  const q = Math.min(1 - eps, Math.max(eps, p))
  return Math.log(q / (1 - q))
}

/** Replaces `logits` by their softmax in place (max-shifted) and returns log Σ e^z. */
export function softmaxInPlace(logits: Float64Array | number[]): number {
  let max = -Infinity
  for (let i = 0; i < logits.length; i++) if (logits[i] > max) max = logits[i]
  let sum = 0
  for (let i = 0; i < logits.length; i++) {
    logits[i] = Math.exp(logits[i] - max)
    sum += logits[i]
  }
  for (let i = 0; i < logits.length; i++) logits[i] /= sum
  return max + Math.log(sum)
}

/** Per-class weights n / (K · n_k) so every class carries the same total weight ("balanced"). */
export function balancedClassWeights(labels: ArrayLike<number>, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0)
  for (let i = 0; i < labels.length; i++) counts[labels[i]]++
  return counts.map((c) => (c === 0 ? 0 : labels.length / (classes * c)))
}
