// Temperature scaling (Guo et al. 2017): one scalar T that calibrates multi-class probabilities softmax(margins / T).
import { FactsiftError } from '../errors.js'
import { softmaxInPlace } from './math.js'

/** Fits T > 0 minimising the mean cross-entropy of softmax(margins / T) on held-out rows (golden-section search on log T). */
export function fitTemperature(margins: readonly ArrayLike<number>[], labels: ArrayLike<number>): number {
  if (margins.length === 0 || margins.length !== labels.length) {
    throw new FactsiftError('E_BAD_ARGUMENT', `temperature scaling needs as many labels as rows (got ${margins.length} and ${labels.length})`)
  }
  const loss = (logT: number) => {
    const t = Math.exp(logT)
    let sum = 0
    for (let i = 0; i < margins.length; i++) {
      const row = Array.from(margins[i], (m) => m / t)
      const zTrue = row[labels[i]]
      sum += softmaxInPlace(row) - zTrue
    }
    return sum / margins.length
  }
  const phi = (Math.sqrt(5) - 1) / 2
  let lo = Math.log(0.05)
  let hi = Math.log(20)
  let a = hi - phi * (hi - lo)
  let b = lo + phi * (hi - lo)
  let fa = loss(a)
  let fb = loss(b)
  for (let iter = 0; iter < 60 && hi - lo > 1e-5; iter++) {
    if (fa <= fb) {
      hi = b
      b = a
      fb = fa
      a = hi - phi * (hi - lo)
      fa = loss(a)
    } else {
      lo = a
      a = b
      fa = fb
      b = lo + phi * (hi - lo)
      fb = loss(b)
    }
  }
  return Math.exp((lo + hi) / 2)
}

/** Calibrated class probabilities softmax(margins / temperature). */
export function applyTemperature(margins: ArrayLike<number>, temperature: number): number[] {
  const row = Array.from(margins, (m) => m / temperature)
  softmaxInPlace(row)
  return row
}
