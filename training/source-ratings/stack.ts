// A 3-feature logistic regression stacked on the text model's log-odds: [text log-odds, rating − 0.5 (0 when unrated),
// unrated], fitted on articles with a URL; and its cross-validated out-of-fold predictions.
import { groupKFold, stratifiedKFold, type Fold } from '../ml/cross-validation.js'
import { predictProba, trainLogistic, type LogisticModel } from '../../src/ml/logistic.js'

/** One article with a URL: the text model's log-odds and its publisher's rating (null = unrated). */
export interface StackRow {
  textLogOdds: number
  rating: number | null
  label: 0 | 1
  /** The publisher (rated domain, or registrable domain when unrated): folds never split one. */
  group: string
}

export const STACK_FEATURES = ['textLogOdds', 'ratingMinusHalf', 'unrated'] as const

/** The feature vector of a row; the rating is centred on 0.5 so "rated 0.5" and "no rating term" coincide. */
export function stackFeatures(row: Pick<StackRow, 'textLogOdds' | 'rating'>): number[] {
  return row.rating === null ? [row.textLogOdds, 0, 1] : [row.textLogOdds, row.rating - 0.5, 0]
}

/** L2 on the mean log loss: light, three weights over ~200 rows. */
export const STACK_L2 = 0.01

export function fitStack(rows: readonly StackRow[]): LogisticModel {
  return trainLogistic(rows.map(stackFeatures), rows.map((r) => r.label), { l2: STACK_L2, dims: STACK_FEATURES.length })
}

export function stackProbability(model: LogisticModel, row: Pick<StackRow, 'textLogOdds' | 'rating'>): number {
  return predictProba(model, stackFeatures(row))
}

/** Folds over the rows: by publisher (group k-fold) or stratified by label. */
export function stackFolds(rows: readonly StackRow[], k: number, by: 'publisher' | 'row', seed = 1): Fold[] {
  return by === 'publisher' ? groupKFold(rows.map((r) => r.group), k) : stratifiedKFold(rows.map((r) => r.label), k, seed)
}

/** Out-of-fold P(fake) for each row. */
export function crossValidateStack(rows: readonly StackRow[], folds: readonly Fold[]): number[] {
  const out = new Array<number>(rows.length).fill(Number.NaN)
  for (const fold of folds) {
    const model = fitStack(fold.train.map((i) => rows[i]))
    for (const i of fold.test) out[i] = stackProbability(model, rows[i])
  }
  return out
}
