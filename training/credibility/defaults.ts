// The shipped training recipe in one place, so `train` and `eval` measure the same thing.
import { FEATURES } from '../../src/analyzers/credibility/features.js'
import type { FitOptions } from './fit.js'

/**
 * interpretable = features only; full = + hashed word unigrams and bigrams (shipped); skeleton = full + skeleton n-grams
 * (function words kept, other words as shapes: skeleton.ts) with a larger n-gram weight — an evaluated alternative
 * (models/credibility.md, "Variants"), not the shipped recipe.
 */
export type ModelVariant = 'interpretable' | 'full' | 'skeleton'

/** Every variant `fitOptionsFor` knows. */
export const MODEL_VARIANTS: readonly ModelVariant[] = ['interpretable', 'full', 'skeleton']

// Skeleton variant: word and skeleton parts each unit length (weight 1), n-gram scale 14 (≈ 20 for the pair together).
const SKELETON_SCALE = 14
const SKELETON_WEIGHT = 1

/** Fit options for a variant; hyperparameters chosen on cross-corpus and leave-one-domain-out dev figures. */
export function fitOptionsFor(variant: ModelVariant, seed = 1): FitOptions {
  return {
    features: FEATURES.map((f) => f.name),
    priors: FEATURES.map((f) => f.prior ?? 0),
    fixed: FEATURES.map((f) => f.fixed ?? Number.NaN),
    l2: 0.03,
    ngrams: variant !== 'interpretable',
    ngramDims: 1 << 16,
    ngramScale: variant === 'skeleton' ? SKELETON_SCALE : 10,
    ...(variant === 'skeleton' ? { skeleton: { weight: SKELETON_WEIGHT } } : {}),
    calibration: 'platt',
    calibrationFolds: 5,
    final: 'average',
    seed,
    thresholds: { medium: 0.4, high: 0.7 },
  }
}
