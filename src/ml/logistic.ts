// Binary logistic regression with L2, trained full-batch by L-BFGS over sparse or dense features.
import { FactsiftError } from '../errors.js'
import { minimizeLbfgs, type LbfgsOptions } from './lbfgs.js'
import { balancedClassWeights, sigmoid, softplus } from './math.js'
import { addScaled, dot, inferDims, type FeatureVector } from './sparse-vector.js'

/** A trained binary model; plain JSON. P(y = 1 | x) = σ(w·x + b). */
export interface LogisticModel {
  dims: number
  weights: number[]
  bias: number
}

export interface LogisticOptions extends LbfgsOptions {
  /** Feature space size; default: inferred from the examples. */
  dims?: number
  /** L2 strength on the weights (not the bias) for the mean weighted log loss; default 1e-4. */
  l2?: number
  /** 'balanced' (each class weighs the same in total), or [weight of class 0, weight of class 1]. */
  classWeights?: 'balanced' | readonly [number, number]
  /** Per-example weights, multiplied with the class weights. */
  sampleWeights?: ArrayLike<number>
  /**
   * Prior weights m: the penalty becomes (l2 / 2)·‖w − m‖², so a weight the data says little about stays near its
   * prior instead of 0 (an informative Gaussian prior). Default all zeros.
   */
  priorMean?: ArrayLike<number>
  /** A fixed log-odds offset per example (a GLM offset): the part of the score that is not learned. */
  offsets?: ArrayLike<number>
}

/** Fits w, b minimising Σ cᵢ·logloss / Σ cᵢ + (l2 / 2)·‖w − prior‖². Deterministic: same data, same model. */
export function trainLogistic(examples: readonly FeatureVector[], labels: ArrayLike<number>, options: LogisticOptions = {}): LogisticModel {
  if (examples.length === 0 || examples.length !== labels.length) {
    throw new FactsiftError('E_BAD_ARGUMENT', `logistic regression needs as many labels as examples (got ${examples.length} and ${labels.length})`)
  }
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 0 && labels[i] !== 1) throw new FactsiftError('E_BAD_ARGUMENT', `logistic labels must be 0 or 1 (row ${i}: ${labels[i]})`)
  }
  const dims = options.dims ?? inferDims(examples)
  const l2 = options.l2 ?? 1e-4
  const prior = options.priorMean
  const offsets = options.offsets
  if (offsets && offsets.length !== examples.length) throw new FactsiftError('E_BAD_ARGUMENT', `offsets has ${offsets.length} values for ${examples.length} examples`)
  if (prior && prior.length !== dims) throw new FactsiftError('E_BAD_ARGUMENT', `priorMean has ${prior.length} values for ${dims} features`)
  const classWeight = options.classWeights === 'balanced' ? balancedClassWeights(labels, 2) : (options.classWeights ?? [1, 1])
  const weight = new Float64Array(examples.length)
  let totalWeight = 0
  for (let i = 0; i < examples.length; i++) {
    weight[i] = classWeight[labels[i]] * (options.sampleWeights ? options.sampleWeights[i] : 1)
    totalWeight += weight[i]
  }
  if (!(totalWeight > 0)) throw new FactsiftError('E_BAD_ARGUMENT', 'logistic regression: all example weights are zero')

  const objective = (params: Float64Array, grad: Float64Array): number => {
    grad.fill(0)
    const bias = params[dims]
    let loss = 0
    for (let i = 0; i < examples.length; i++) {
      if (weight[i] === 0) continue
      const z = dot(examples[i], params) + bias + (offsets ? offsets[i] : 0)
      loss += weight[i] * (softplus(z) - labels[i] * z)
      const coef = (weight[i] * (sigmoid(z) - labels[i])) / totalWeight
      addScaled(grad, examples[i], coef)
      grad[dims] += coef
    }
    loss /= totalWeight
    let norm = 0
    for (let j = 0; j < dims; j++) {
      const d = params[j] - (prior ? prior[j] : 0)
      norm += d * d
      grad[j] += l2 * d
    }
    return loss + 0.5 * l2 * norm
  }
  const start = new Float64Array(dims + 1)
  if (prior) for (let j = 0; j < dims; j++) start[j] = prior[j]
  const { x } = minimizeLbfgs(objective, start, options)
  return { dims, weights: Array.from(x.subarray(0, dims)), bias: x[dims] }
}

/** The log-odds w·x + b. */
export function logisticDecision(model: LogisticModel, x: FeatureVector): number {
  return dot(x, model.weights) + model.bias
}

/** P(y = 1 | x). */
export function predictProba(model: LogisticModel, x: FeatureVector): number {
  return sigmoid(logisticDecision(model, x))
}

/** Validates a parsed JSON value as a LogisticModel (throws E_MODEL_INVALID naming `what`). */
export function logisticFromJSON(value: unknown, what = 'logistic model'): LogisticModel {
  const m = value as Partial<LogisticModel> | null
  if (
    !m ||
    !Number.isInteger(m.dims) ||
    !Array.isArray(m.weights) ||
    m.weights.length !== m.dims ||
    !m.weights.every(Number.isFinite) ||
    !Number.isFinite(m.bias)
  ) {
    throw new FactsiftError('E_MODEL_INVALID', `${what}: expected { dims, weights: number[dims], bias }`)
  }
  return { dims: m.dims!, weights: m.weights, bias: m.bias! }
}
