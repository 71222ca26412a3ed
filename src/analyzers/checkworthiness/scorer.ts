// Scores the units of an annotated document with a loaded model: debate score, news rules, calibrated probability.
import type { AnnotatedDocument, Sentence } from '../../document/types.js'
import { applyCalibration } from '../../ml/calibration.js'
import { logit, sigmoid } from '../../ml/math.js'
import { predictMlp } from '../../ml/mlp.js'
import { wordTableFromJSON } from '../../ml/word-vectors.js'
import { CUE_COUNT } from './cues.js'
import { emitFeatures, featureDims, prepareFeatures, sentenceTerm, type FeatureSink } from './features.js'
import type { CheckworthinessModel } from './model.js'
import { evaluativeConstruction, ruleLogit } from './news-rules.js'

/** Per-unit scores, in unit order. */
export interface UnitScores {
  /** The debate model's score in standard-deviation units (what the CLEF evaluation ranks by). */
  raw: Float64Array
  /** The log-odds the news rules add. */
  rules: Float64Array
  /** raw · modelWeight + news rules: the production log-odds before calibration. */
  combined: Float64Array
  /** Calibrated P(check-worthy) of `combined`, shifted to the news base rate. */
  probability: Float64Array
  cues: Float32Array[]
}

export interface CheckworthinessScorer {
  readonly model: CheckworthinessModel
  /**
   * Scores each unit in the context of its neighbours in `units`. With `only`, just those unit indices are scored (the
   * same values as without it; NaN and empty cues elsewhere), which spares the features of the rest.
   */
  scoreUnits(doc: AnnotatedDocument, units: readonly Sentence[], only?: readonly number[]): UnitScores
}

/** Marks the units `only` lists and their neighbours (whose cues their features read). */
function neededFor(count: number, only: readonly number[]): boolean[] {
  const needed = new Array<boolean>(count).fill(false)
  for (const k of only) {
    needed[k] = true
    if (k > 0) needed[k - 1] = true
    if (k + 1 < count) needed[k + 1] = true
  }
  return needed
}

/** The three cue blocks (unit, previous, next) the MLP reads, zeros where a neighbour is missing. */
export function cueBlocks(cues: readonly Float32Array[], k: number): Float64Array {
  const x = new Float64Array(3 * CUE_COUNT)
  x.set(cues[k], 0)
  if (k > 0) x.set(cues[k - 1], CUE_COUNT)
  if (k + 1 < cues.length) x.set(cues[k + 1], 2 * CUE_COUNT)
  return x
}

/** Prepares dense weights once; scoring then costs one pass over each unit's features. */
export function createScorer(model: CheckworthinessModel): CheckworthinessScorer {
  const weights = new Float32Array(featureDims(model.features))
  const { indices, values } = model.logistic
  for (let i = 0; i < indices.length; i++) weights[indices[i]] = values[i]
  const dot = new (class implements FeatureSink {
    sum = 0
    add(index: number, value: number): void {
      this.sum += weights[index] * value
    }
  })()
  const { blend, mlp, news, calibration } = model
  const wordTable = model.wordTable ? wordTableFromJSON(model.wordTable) : undefined
  return {
    model,
    scoreUnits(doc, units, only) {
      const state = prepareFeatures(doc, units, undefined, only && neededFor(units.length, only))
      const n = units.length
      const raw = new Float64Array(n)
      const rules = new Float64Array(n)
      const combined = new Float64Array(n)
      const probability = new Float64Array(n)
      if (only) for (const array of [raw, rules, combined, probability]) array.fill(Number.NaN)
      for (const k of only ?? units.keys()) {
        dot.sum = model.logistic.bias
        emitFeatures(state, k, model.features, dot)
        if (wordTable) dot.sum += sentenceTerm(doc, units[k], wordTable)
        let score = (blend.logistic.weight * (dot.sum - blend.logistic.mean)) / blend.logistic.scale
        if (mlp && blend.mlp) {
          const x = cueBlocks(state.cues, k)
          const { mean, scale } = mlp.standardizer
          for (let j = 0; j < x.length; j++) x[j] = (x[j] - mean[j]) / scale[j]
          const p = predictMlp(mlp.network, x)[1]
          score += (blend.mlp.weight * (logit(p, 1e-6) - blend.mlp.mean)) / blend.mlp.scale
        }
        raw[k] = score
        rules[k] = ruleLogit(state.cues[k], news.rules, evaluativeConstruction(doc, units[k]))
        combined[k] = news.modelWeight * score + rules[k]
        probability[k] = sigmoid(logit(applyCalibration(calibration, combined[k]), 1e-6) + news.priorShift)
      }
      return { raw, rules, combined, probability, cues: state.cues }
    },
  }
}
