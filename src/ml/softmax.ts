// Multinomial (softmax) logistic regression with L2, trained full-batch by L-BFGS; e.g. 4-class stance.
import { FactsiftError } from '../errors.js'
import { minimizeLbfgs, type LbfgsOptions } from './lbfgs.js'
import { balancedClassWeights, softmaxInPlace } from './math.js'
import { addScaled, dot, inferDims, type FeatureVector } from './sparse-vector.js'

/** A trained K-class model; plain JSON. `weights` is K rows of `dims` (row-major), one bias per class. */
export interface SoftmaxModel {
  dims: number
  classes: number
  weights: number[]
  biases: number[]
  /** Optional class names, index-aligned with the probabilities. */
  labels?: string[]
}

export interface SoftmaxOptions extends LbfgsOptions {
  dims?: number
  /** Number of classes; default: max label + 1. */
  classes?: number
  /** L2 strength on the weights (not the biases); default 1e-4. */
  l2?: number
  classWeights?: 'balanced' | readonly number[]
  sampleWeights?: ArrayLike<number>
  labels?: string[]
}

/** Fits the model minimising the mean weighted cross-entropy + (l2 / 2)·‖W‖². Deterministic. */
export function trainSoftmax(examples: readonly FeatureVector[], labels: ArrayLike<number>, options: SoftmaxOptions = {}): SoftmaxModel {
  if (examples.length === 0 || examples.length !== labels.length) {
    throw new FactsiftError('E_BAD_ARGUMENT', `softmax regression needs as many labels as examples (got ${examples.length} and ${labels.length})`)
  }
  let maxLabel = 0
  for (let i = 0; i < labels.length; i++) {
    if (!Number.isInteger(labels[i]) || labels[i] < 0) throw new FactsiftError('E_BAD_ARGUMENT', `softmax labels must be class indices (row ${i}: ${labels[i]})`)
    maxLabel = Math.max(maxLabel, labels[i])
  }
  const classes = options.classes ?? maxLabel + 1
  if (maxLabel >= classes) throw new FactsiftError('E_BAD_ARGUMENT', `label ${maxLabel} is outside ${classes} classes`)
  const dims = options.dims ?? inferDims(examples)
  const l2 = options.l2 ?? 1e-4
  const classWeight = options.classWeights === 'balanced' ? balancedClassWeights(labels, classes) : (options.classWeights ?? new Array(classes).fill(1))
  const weight = new Float64Array(examples.length)
  let totalWeight = 0
  for (let i = 0; i < examples.length; i++) {
    weight[i] = classWeight[labels[i]] * (options.sampleWeights ? options.sampleWeights[i] : 1)
    totalWeight += weight[i]
  }
  const biasOffset = classes * dims
  const probs = new Float64Array(classes)

  const objective = (params: Float64Array, grad: Float64Array): number => {
    grad.fill(0)
    let loss = 0
    for (let i = 0; i < examples.length; i++) {
      if (weight[i] === 0) continue
      const x = examples[i]
      for (let k = 0; k < classes; k++) probs[k] = dot(x, params, k * dims) + params[biasOffset + k]
      const zTrue = probs[labels[i]]
      const logSum = softmaxInPlace(probs)
      loss += weight[i] * (logSum - zTrue)
      for (let k = 0; k < classes; k++) {
        const coef = (weight[i] * (probs[k] - (k === labels[i] ? 1 : 0))) / totalWeight
        addScaled(grad, x, coef, k * dims)
        grad[biasOffset + k] += coef
      }
    }
    loss /= totalWeight
    let norm = 0
    for (let j = 0; j < biasOffset; j++) {
      norm += params[j] * params[j]
      grad[j] += l2 * params[j]
    }
    return loss + 0.5 * l2 * norm
  }
  const { x } = minimizeLbfgs(objective, new Float64Array(biasOffset + classes), options)
  const model: SoftmaxModel = { dims, classes, weights: Array.from(x.subarray(0, biasOffset)), biases: Array.from(x.subarray(biasOffset)) }
  if (options.labels) model.labels = [...options.labels]
  return model
}

/** Class probabilities for `x` (sums to 1). */
export function predictSoftmax(model: SoftmaxModel, x: FeatureVector): number[] {
  const out = new Array<number>(model.classes)
  for (let k = 0; k < model.classes; k++) out[k] = dot(x, model.weights, k * model.dims) + model.biases[k]
  softmaxInPlace(out)
  return out
}

/** Index of the most probable class (first on ties). */
export function argmax(values: ArrayLike<number>): number {
  let best = 0
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i
  return best
}

/** Validates a parsed JSON value as a SoftmaxModel (throws E_MODEL_INVALID naming `what`). */
export function softmaxFromJSON(value: unknown, what = 'softmax model'): SoftmaxModel {
  const m = value as Partial<SoftmaxModel> | null
  const ok =
    m &&
    Number.isInteger(m.dims) &&
    Number.isInteger(m.classes) &&
    Array.isArray(m.weights) &&
    m.weights.length === m.dims! * m.classes! &&
    m.weights.every(Number.isFinite) &&
    Array.isArray(m.biases) &&
    m.biases.length === m.classes &&
    m.biases.every(Number.isFinite) &&
    (m.labels === undefined || (Array.isArray(m.labels) && m.labels.length === m.classes))
  if (!ok) throw new FactsiftError('E_MODEL_INVALID', `${what}: expected { dims, classes, weights: number[classes·dims], biases: number[classes] }`)
  return m as SoftmaxModel
}
