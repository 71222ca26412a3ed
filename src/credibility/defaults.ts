// The shipped training recipe in one place, so `train` and `eval` measure the same thing.
import { FEATURES } from './features.js'
import type { FitOptions } from './fit.js'

export type ModelVariant = 'interpretable' | 'full'

/** Fit options for a variant; hyperparameters chosen on cross-corpus and leave-one-domain-out dev figures. */
export function fitOptionsFor(variant: ModelVariant, seed = 1): FitOptions {
  return {
    features: FEATURES.map((f) => f.name),
    priors: FEATURES.map((f) => f.prior ?? 0),
    fixed: FEATURES.map((f) => f.fixed ?? Number.NaN),
    l2: 0.03,
    ngrams: variant === 'full',
    ngramDims: 1 << 16,
    ngramScale: 10,
    calibration: 'platt',
    calibrationFolds: 5,
    final: 'average',
    seed,
    thresholds: { medium: 0.4, high: 0.7 },
  }
}
