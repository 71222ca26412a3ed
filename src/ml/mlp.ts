// A small one-hidden-layer perceptron (ReLU, softmax output) trained with Adam, optional dropout and early stopping.
import { FactsiftError } from '../errors.js'
import { balancedClassWeights, softmaxInPlace } from './math.js'
import { roundNumber } from './model-file.js'
import { createRng, randomNormal, shuffle, type Rng } from './rng.js'

/** A trained MLP; plain JSON. w1 is hidden×inputDims and w2 classes×hidden, both row-major. */
export interface MlpModel {
  inputDims: number
  hidden: number
  classes: number
  w1: number[]
  b1: number[]
  w2: number[]
  b2: number[]
  labels?: string[]
}

export interface MlpOptions {
  /** Hidden units (default 32). */
  hidden?: number
  /** Classes (default max label + 1, at least 2). */
  classes?: number
  /** Most passes over the training rows (default 200). */
  epochs?: number
  batchSize?: number
  learningRate?: number
  /** L2 penalty on the weights (not biases), added to the mean loss (default 0). */
  l2?: number
  /** Probability of dropping a hidden unit while training (default 0). */
  dropout?: number
  /** Share of rows held out (stratified) for early stopping; 0 trains all `epochs` (default 0.1). */
  validationFraction?: number
  /** Epochs without a better validation loss before stopping (default 10). */
  patience?: number
  seed?: number
  classWeights?: 'balanced' | readonly number[]
  labels?: string[]
}

export interface MlpTrainingResult {
  /** Weights from the epoch with the lowest validation loss (or the last epoch without validation). */
  model: MlpModel
  bestEpoch: number
  history: { epoch: number; trainLoss: number; validationLoss: number | null }[]
}

/** Trains on dense rows; same data, options and seed give the same model. */
export function trainMlp(examples: readonly ArrayLike<number>[], labels: ArrayLike<number>, options: MlpOptions = {}): MlpTrainingResult {
  if (examples.length === 0 || examples.length !== labels.length) {
    throw new FactsiftError('E_BAD_ARGUMENT', `MLP needs as many labels as examples (got ${examples.length} and ${labels.length})`)
  }
  const inputDims = examples[0].length
  let maxLabel = 1
  for (let i = 0; i < labels.length; i++) maxLabel = Math.max(maxLabel, labels[i])
  const classes = options.classes ?? maxLabel + 1
  const hidden = options.hidden ?? 32
  const epochs = options.epochs ?? 200
  const batchSize = options.batchSize ?? 32
  const lr = options.learningRate ?? 1e-3
  const l2 = options.l2 ?? 0
  const dropout = options.dropout ?? 0
  const patience = options.patience ?? 10
  const rng = createRng(options.seed ?? 1)
  const classWeight = options.classWeights === 'balanced' ? balancedClassWeights(labels, classes) : (options.classWeights ?? new Array(classes).fill(1))

  const { train, validation } = splitValidation(labels, options.validationFraction ?? 0.1, rng)
  const net = new Network(inputDims, hidden, classes, rng)
  const adam = new Adam(net.params.length, lr)
  const grad = new Float64Array(net.params.length)
  let best = net.params.slice()
  let bestLoss = Infinity
  let bestEpoch = 0
  let sinceBest = 0
  const history: MlpTrainingResult['history'] = []
  for (let epoch = 1; epoch <= epochs; epoch++) {
    shuffle(train, rng)
    let trainLoss = 0
    let trainWeight = 0
    for (let start = 0; start < train.length; start += batchSize) {
      grad.fill(0)
      let batchWeight = 0
      for (let b = start; b < Math.min(start + batchSize, train.length); b++) {
        const row = train[b]
        const w = classWeight[labels[row]]
        trainLoss += w * net.backward(examples[row], labels[row], w, grad, dropout, rng)
        batchWeight += w
      }
      trainWeight += batchWeight
      if (batchWeight === 0) continue
      for (let j = 0; j < grad.length; j++) grad[j] /= batchWeight
      if (l2 > 0) net.addWeightDecay(grad, l2)
      adam.step(net.params, grad)
    }
    const validationLoss = validation.length ? net.meanLoss(examples, labels, validation, classWeight) : null
    history.push({ epoch, trainLoss: trainWeight ? trainLoss / trainWeight : 0, validationLoss })
    const monitored = validationLoss ?? -epoch // without validation the last epoch wins
    if (monitored < bestLoss - 1e-7) {
      bestLoss = monitored
      best = net.params.slice()
      bestEpoch = epoch
      sinceBest = 0
    } else if (validationLoss !== null && ++sinceBest >= patience) {
      break
    }
  }
  net.params.set(best)
  const model = net.toModel()
  if (options.labels) model.labels = [...options.labels]
  return { model, bestEpoch, history }
}

/** Class probabilities for one dense row. */
export function predictMlp(model: MlpModel, x: ArrayLike<number>): number[] {
  const { inputDims, hidden, classes, w1, b1, w2, b2 } = model
  const h = new Float64Array(hidden)
  for (let u = 0; u < hidden; u++) {
    let sum = b1[u]
    const base = u * inputDims
    for (let j = 0; j < inputDims; j++) sum += w1[base + j] * x[j]
    h[u] = sum > 0 ? sum : 0
  }
  const out = new Array<number>(classes)
  for (let k = 0; k < classes; k++) {
    let sum = b2[k]
    for (let u = 0; u < hidden; u++) sum += w2[k * hidden + u] * h[u]
    out[k] = sum
  }
  softmaxInPlace(out)
  return out
}

/** A copy with every weight rounded to `digits` significant digits (default 4) to keep model files small. */
export function mlpToJSON(model: MlpModel, digits = 4): MlpModel {
  const round = (values: number[]) => values.map((v) => roundNumber(v, digits))
  const out: MlpModel = { ...model, w1: round(model.w1), b1: round(model.b1), w2: round(model.w2), b2: round(model.b2) }
  if (model.labels) out.labels = [...model.labels]
  return out
}

/** Validates a parsed JSON value as an MlpModel (throws E_MODEL_INVALID naming `what`). */
export function mlpFromJSON(value: unknown, what = 'MLP model'): MlpModel {
  const m = value as Partial<MlpModel> | null
  const sized = (a: unknown, n: number) => Array.isArray(a) && a.length === n && a.every(Number.isFinite)
  const ok =
    m && Number.isInteger(m.inputDims) && Number.isInteger(m.hidden) && Number.isInteger(m.classes) &&
    sized(m.w1, m.hidden! * m.inputDims!) && sized(m.b1, m.hidden!) && sized(m.w2, m.classes! * m.hidden!) && sized(m.b2, m.classes!)
  if (!ok) throw new FactsiftError('E_MODEL_INVALID', `${what}: expected { inputDims, hidden, classes, w1, b1, w2, b2 } with matching sizes`)
  return m as MlpModel
}

/** Stratified hold-out: about `fraction` of each label's rows (at least one when the label has two or more). */
function splitValidation(labels: ArrayLike<number>, fraction: number, rng: Rng): { train: number[]; validation: number[] } {
  const train: number[] = []
  const validation: number[] = []
  if (fraction <= 0) return { train: Array.from({ length: labels.length }, (_, i) => i), validation }
  const byLabel = new Map<number, number[]>()
  for (let i = 0; i < labels.length; i++) byLabel.set(labels[i], [...(byLabel.get(labels[i]) ?? []), i])
  for (const key of [...byLabel.keys()].sort((a, b) => a - b)) {
    const rows = shuffle(byLabel.get(key)!, rng)
    const held = rows.length < 2 ? 0 : Math.max(1, Math.round(rows.length * fraction))
    validation.push(...rows.slice(0, held))
    train.push(...rows.slice(held))
  }
  return { train: train.sort((a, b) => a - b), validation: validation.sort((a, b) => a - b) }
}

/** Parameters in one Float64Array: w1 | b1 | w2 | b2. */
class Network {
  readonly params: Float64Array
  private readonly o: { b1: number; w2: number; b2: number }
  private readonly h: Float64Array
  private readonly mask: Float64Array
  private readonly z: Float64Array
  private readonly dh: Float64Array

  constructor(readonly inputDims: number, readonly hidden: number, readonly classes: number, rng: Rng) {
    const w1 = hidden * inputDims
    this.o = { b1: w1, w2: w1 + hidden, b2: w1 + hidden + classes * hidden }
    this.params = new Float64Array(this.o.b2 + classes)
    const he = Math.sqrt(2 / Math.max(1, inputDims))
    for (let j = 0; j < w1; j++) this.params[j] = randomNormal(rng) * he
    const glorot = Math.sqrt(2 / (hidden + classes))
    for (let j = this.o.w2; j < this.o.b2; j++) this.params[j] = randomNormal(rng) * glorot
    this.h = new Float64Array(hidden)
    this.mask = new Float64Array(hidden)
    this.z = new Float64Array(classes)
    this.dh = new Float64Array(hidden)
  }

  private forward(x: ArrayLike<number>, dropout: number, rng: Rng | null): void {
    const { params: p, h, mask, z, inputDims, hidden, classes, o } = this
    for (let u = 0; u < hidden; u++) {
      let sum = p[o.b1 + u]
      const base = u * inputDims
      for (let j = 0; j < inputDims; j++) sum += p[base + j] * x[j]
      // Inverted dropout: kept units are scaled up while training so prediction needs no rescaling.
      mask[u] = rng && dropout > 0 ? (rng() < dropout ? 0 : 1 / (1 - dropout)) : 1
      h[u] = sum > 0 ? sum * mask[u] : 0
    }
    for (let k = 0; k < classes; k++) {
      let sum = p[o.b2 + k]
      for (let u = 0; u < hidden; u++) sum += p[o.w2 + k * hidden + u] * h[u]
      z[k] = sum
    }
  }

  /** Adds weight·∂loss/∂params to `grad`; returns the unweighted cross-entropy of this row. */
  backward(x: ArrayLike<number>, label: number, weight: number, grad: Float64Array, dropout: number, rng: Rng): number {
    this.forward(x, dropout, rng)
    const { params: p, h, mask, z, dh, inputDims, hidden, classes, o } = this
    softmaxInPlace(z)
    const loss = -Math.log(Math.max(z[label], 1e-300))
    dh.fill(0)
    for (let k = 0; k < classes; k++) {
      const dz = weight * (z[k] - (k === label ? 1 : 0))
      grad[o.b2 + k] += dz
      const base = o.w2 + k * hidden
      for (let u = 0; u < hidden; u++) {
        grad[base + u] += dz * h[u]
        dh[u] += dz * p[base + u]
      }
    }
    for (let u = 0; u < hidden; u++) {
      if (h[u] <= 0) continue
      const d = dh[u] * mask[u]
      grad[o.b1 + u] += d
      const base = u * inputDims
      for (let j = 0; j < inputDims; j++) grad[base + j] += d * x[j]
    }
    return loss
  }

  addWeightDecay(grad: Float64Array, l2: number): void {
    for (let j = 0; j < this.o.b1; j++) grad[j] += l2 * this.params[j]
    for (let j = this.o.w2; j < this.o.b2; j++) grad[j] += l2 * this.params[j]
  }

  meanLoss(examples: readonly ArrayLike<number>[], labels: ArrayLike<number>, rows: number[], classWeight: readonly number[]): number {
    let sum = 0
    let total = 0
    for (const row of rows) {
      this.forward(examples[row], 0, null)
      softmaxInPlace(this.z)
      const w = classWeight[labels[row]]
      sum -= w * Math.log(Math.max(this.z[labels[row]], 1e-300))
      total += w
    }
    return total ? sum / total : 0
  }

  toModel(): MlpModel {
    const p = this.params
    const { o } = this
    return {
      inputDims: this.inputDims,
      hidden: this.hidden,
      classes: this.classes,
      w1: Array.from(p.subarray(0, o.b1)),
      b1: Array.from(p.subarray(o.b1, o.w2)),
      w2: Array.from(p.subarray(o.w2, o.b2)),
      b2: Array.from(p.subarray(o.b2)),
    }
  }
}

/** Adam with the usual defaults (β₁ 0.9, β₂ 0.999, ε 1e-8) and bias correction. */
class Adam {
  private readonly m: Float64Array
  private readonly v: Float64Array
  private t = 0

  constructor(size: number, private readonly lr: number) {
    this.m = new Float64Array(size)
    this.v = new Float64Array(size)
  }

  step(params: Float64Array, grad: Float64Array): void {
    this.t++
    const c1 = 1 - 0.9 ** this.t
    const c2 = 1 - 0.999 ** this.t
    for (let j = 0; j < params.length; j++) {
      this.m[j] = 0.9 * this.m[j] + 0.1 * grad[j]
      this.v[j] = 0.999 * this.v[j] + 0.001 * grad[j] * grad[j]
      params[j] -= (this.lr * (this.m[j] / c1)) / (Math.sqrt(this.v[j] / c2) + 1e-8)
    }
  }
}
