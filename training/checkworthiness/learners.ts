// Fits the check-worthiness learners (logistic regression on all features, MLP on dense cues, or a blend) into a model object.
import { trainLogistic } from '../../src/ml/logistic.js'
import { trainMlp, predictMlp, mlpToJSON } from '../../src/ml/mlp.js'
import { fitStandardizer, standardize } from '../../src/ml/standardize.js'
import { logit } from '../../src/ml/math.js'
import { roundNumber } from '../../src/ml/model-file.js'
import { dot, type SparseVector } from '../../src/ml/sparse-vector.js'
import { collapseWordVectors, wordTableFromJSON, wordVectorsFromJSON, type WordTableJSON } from '../../src/ml/word-vectors.js'
import { CUE_NAMES } from '../../src/analyzers/checkworthiness/cues.js'
import { featureDims, sentenceTerm, type FeatureOptions } from '../../src/analyzers/checkworthiness/features.js'
import { cueBlocks } from '../../src/analyzers/checkworthiness/scorer.js'
import { MODEL_ID, MODEL_VERSION, type BlendPart, type CheckworthinessModel, type CueMlp } from '../../src/analyzers/checkworthiness/model.js'
import type { NewsRules } from '../../src/analyzers/checkworthiness/news-rules.js'
import { vectorsOf, type PreparedTranscript } from './dataset.js'

export interface MlpSettings {
  hidden: number
  epochs: number
  l2: number
  dropout: number
  learningRate: number
}

/** Everything that defines one candidate model; model selection compares these by cross-validation. */
export interface TrainConfig {
  name: string
  features: FeatureOptions
  learner: 'logistic' | 'mlp' | 'blend'
  /** L2 strength of the logistic regression (on the mean loss). */
  l2: number
  /** Weigh both classes equally (check-worthy lines are ~3% of the data). */
  balanced: boolean
  mlp: MlpSettings
  /** Share of the MLP in a blend (the logistic regression gets the rest). */
  mlpShare: number
  /** Significant digits kept for stored weights, and the smallest |weight| kept. */
  digits: number
  prune: number
  seed: number
}

function meanAndScale(values: ArrayLike<number>): { mean: number; scale: number } {
  let mean = 0
  for (let i = 0; i < values.length; i++) mean += values[i] / values.length
  let variance = 0
  for (let i = 0; i < values.length; i++) variance += (values[i] - mean) ** 2 / values.length
  return { mean, scale: Math.sqrt(variance) || 1 }
}

/** Fits the configured learner(s) on the training transcripts; calibration is a placeholder until `calibrate` runs. */
export function fitModel(train: readonly PreparedTranscript[], config: TrainConfig, news: NewsRules): CheckworthinessModel {
  const labels: number[] = train.flatMap((t) => t.labels)
  const dims = featureDims(config.features)
  const embeddingDims = config.features.embeddingDims ?? 0
  const wordVectors = train[0]?.wordVectors
  if (embeddingDims > 0 && wordVectors?.dims !== embeddingDims) {
    throw new Error(`config ${config.name} needs ${embeddingDims}-dimensional word vectors (train with --embeddings-from <data>)`)
  }
  const useLogistic = config.learner !== 'mlp'
  const useMlp = config.learner !== 'logistic'

  let logistic = { dims, bias: 0, indices: [] as number[], values: [] as number[] }
  let logisticPart: BlendPart = { weight: 0, mean: 0, scale: 1 }
  let wordTable: WordTableJSON | undefined
  if (useLogistic) {
    const vectors: SparseVector[] = train.flatMap((t) => vectorsOf(t, config.features))
    const fitted = trainLogistic(vectors, labels, {
      dims,
      l2: config.l2,
      classWeights: config.balanced ? 'balanced' : [1, 1],
      maxIterations: 300,
    })
    // The sentence-vector block is stored collapsed: one score per word (weights · scale · vector), the block itself zeroed.
    const blockStart = dims - embeddingDims
    if (embeddingDims > 0) {
      const block = fitted.weights.slice(blockStart).map((w) => w * (config.features.embeddingScale ?? 1))
      wordTable = collapseWordVectors(wordVectorsFromJSON(wordVectors!), wordVectors!.words, block, config.digits + 1)
    }
    logistic = sparseWeights(fitted.weights.map((w, i) => (i >= blockStart ? 0 : w)), fitted.bias, dims, config)
    // Score with the rounded, pruned weights and the stored table: the statistics must describe the stored model.
    const stored = new Float64Array(dims)
    logistic.indices.forEach((index, j) => (stored[index] = logistic.values[j]))
    const table = wordTable ? wordTableFromJSON(wordTable) : undefined
    const terms = table ? train.flatMap((t) => t.units.map((u) => sentenceTerm(t.doc, u, table))) : null
    const scores = vectors.map((x, i) => dot(x, stored) + logistic.bias + (terms ? terms[i] : 0))
    logisticPart = { weight: config.learner === 'blend' ? 1 - config.mlpShare : 1, ...meanAndScale(scores) }
  }

  let mlp: CueMlp | undefined
  let mlpPart: BlendPart | undefined
  if (useMlp) {
    const rows = train.flatMap((t) => t.units.map((_, k) => cueBlocks(t.state.cues, k)))
    const standardizer = fitStandardizer(rows)
    const x = rows.map((r) => standardize(standardizer, r))
    const { model } = trainMlp(x, labels, {
      hidden: config.mlp.hidden,
      epochs: config.mlp.epochs,
      l2: config.mlp.l2,
      dropout: config.mlp.dropout,
      learningRate: config.mlp.learningRate,
      classWeights: config.balanced ? 'balanced' : undefined,
      validationFraction: 0.1,
      patience: 8,
      seed: config.seed,
      batchSize: 64,
    })
    const network = mlpToJSON(model, config.digits)
    const roundedStandardizer = {
      mean: standardizer.mean.map((v) => roundNumber(v, 6)),
      scale: standardizer.scale.map((v) => roundNumber(v, 6)),
    }
    mlp = { standardizer: roundedStandardizer, network }
    const scores = rows.map((r) => logit(predictMlp(network, standardize(roundedStandardizer, r))[1], 1e-6))
    mlpPart = { weight: config.learner === 'blend' ? config.mlpShare : 1, ...meanAndScale(scores) }
  }

  return {
    id: MODEL_ID,
    version: MODEL_VERSION,
    createdAt: new Date(0).toISOString(),
    trainedOn: train.map((t) => t.name).join(','),
    metrics: {},
    features: { ...config.features, cueNames: [...CUE_NAMES] },
    logistic,
    ...(mlp ? { mlp } : {}),
    blend: { logistic: logisticPart, ...(mlpPart ? { mlp: mlpPart } : {}) },
    calibration: { kind: 'platt', a: 1, b: 0 },
    news,
    ...(wordTable ? { wordTable } : {}),
  }
}

/** Weights as sparse lists, rounded to `digits` and pruned below `prune`. */
function sparseWeights(weights: number[], bias: number, dims: number, config: TrainConfig) {
  const indices: number[] = []
  const values: number[] = []
  for (let i = 0; i < weights.length; i++) {
    const w = roundNumber(weights[i], config.digits)
    if (Math.abs(w) >= config.prune && w !== 0) {
      indices.push(i)
      values.push(w)
    }
  }
  return { dims, bias: roundNumber(bias, 8), indices, values }
}
