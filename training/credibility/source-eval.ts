// `factsift eval credibility` with the publisher's rating: for rows with a `url`, AUC with and without the source in one
// run. (1) The recipe being evaluated: its out-of-fold text scores stacked with the rating, the stacker refitted in each
// fold of the same split. (2) What analysis runs: the shipped text model with the shipped stacker (SOURCE_STACK; fitted
// on FakeNewsNet PolitiFact, so in-sample there). Rows without a URL keep the text-only probability in both.
import { rocAuc } from '../ml/classification-metrics.js'
import type { Fold } from '../ml/cross-validation.js'
import { crossValidateStack, type StackRow } from '../source-ratings/stack.js'
import { logit } from '../../src/ml/math.js'
import { scoreObservation, type CredibilityModel, type Observation } from '../../src/analyzers/credibility/model.js'
import { sourceEvidence } from '../../src/analyzers/credibility/source-evidence.js'
import { createRatingsRegistry, isRated, type RatingsRegistry } from '../../src/source-ratings/index.js'
import type { CredibilityRow } from './dataset.js'

export interface SourceAuc {
  textOnly: number
  withSource: number
}

export interface SourceEvalReport {
  rows: number
  withUrl: number
  rated: number
  /** AUC of 1 − rating on the rated rows alone. */
  ratingAlone: number
  /** Per evaluated variant: the recipe's out-of-fold text scores, with the rating stacked per fold. */
  crossValidated: { variant: string; all: SourceAuc; urlRows: SourceAuc }[]
  /** The shipped model and stacker as analysis runs them (the stacker was fitted on FakeNewsNet PolitiFact). */
  shipped: { all: SourceAuc; urlRows: SourceAuc }
}

/** The publisher rating of each row (undefined: no URL; null: URL on an unrated domain). */
export function rowRatings(rows: readonly CredibilityRow[], registry: RatingsRegistry = createRatingsRegistry()): (number | null | undefined)[] {
  return rows.map((r) => {
    if (!r.url) return undefined
    const found = registry.lookup(r.url)
    return isRated(found) ? found.score : null
  })
}

function aucOn(idx: readonly number[], labels: readonly number[], scores: readonly number[]): number {
  return rocAuc(idx.map((i) => labels[i]!), idx.map((i) => scores[i]!))
}

/** Stacks the rating on out-of-fold text probabilities with the same folds; rows without a URL keep the text score. */
export function stackWithSource(textP: readonly number[], labels: readonly number[], ratings: readonly (number | null | undefined)[], folds: readonly Fold[]): number[] {
  const urlRows = ratings.map((r, i) => (r === undefined ? -1 : i)).filter((i) => i >= 0)
  const at = new Map(urlRows.map((i, j) => [i, j]))
  const stackRows: StackRow[] = urlRows.map((i) => ({ textLogOdds: logit(textP[i]!, 1e-6), rating: ratings[i] as number | null, label: labels[i] as 0 | 1, group: String(i) }))
  const keep = (idx: number[]) => idx.filter((i) => at.has(i)).map((i) => at.get(i)!)
  const stacked = crossValidateStack(stackRows, folds.map((f) => ({ train: keep(f.train), test: keep(f.test) })))
  const out = [...textP]
  urlRows.forEach((i, j) => (out[i] = stacked[j]!))
  return out
}

export function evaluateWithSource(
  rows: readonly CredibilityRow[],
  labels: readonly number[],
  observations: readonly Observation[],
  crossValidated: readonly { variant: string; probabilities: number[]; folds: Fold[] }[],
  shippedModel: CredibilityModel,
): SourceEvalReport | null {
  const ratings = rowRatings(rows)
  const all = rows.map((_, i) => i)
  const urlRows = all.filter((i) => ratings[i] !== undefined)
  if (urlRows.length === 0) return null
  const rated = urlRows.filter((i) => ratings[i] !== null)
  const pair = (text: readonly number[], withSource: readonly number[]) => ({
    all: { textOnly: aucOn(all, labels, text), withSource: aucOn(all, labels, withSource) },
    urlRows: { textOnly: aucOn(urlRows, labels, text), withSource: aucOn(urlRows, labels, withSource) },
  })
  const shippedText = observations.map((o) => scoreObservation(shippedModel, o))
  const shippedWith = shippedText.map((s, i) => {
    const r = ratings[i]
    if (r === undefined) return s.probability
    const rating = r === null ? { unrated: true as const } : { score: r, band: 'mixed' as const, list: 'lin2023', citation: '', domain: '' }
    const publisher = { name: null, domain: null, via: 'url' as const, rating }
    return sourceEvidence({ url: rows[i]!.url!, publisher }, [], s).probability ?? s.probability
  })
  return {
    rows: rows.length,
    withUrl: urlRows.length,
    rated: rated.length,
    ratingAlone: aucOn(rated, labels, ratings.map((r) => (typeof r === 'number' ? 1 - r : 0))),
    crossValidated: crossValidated.map((v) => ({ variant: v.variant, ...pair(v.probabilities, stackWithSource(v.probabilities, labels, ratings, v.folds)) })),
    shipped: pair(shippedText.map((s) => s.probability), shippedWith),
  }
}

/** The figures as text lines. */
export function formatSourceEval(r: SourceEvalReport): string[] {
  const f = (x: number) => (Number.isNaN(x) ? 'n/a' : x.toFixed(3))
  const line = (label: string, a: { all: SourceAuc; urlRows: SourceAuc }) =>
    `${label.padEnd(46)}AUC all rows ${f(a.all.textOnly)} → ${f(a.all.withSource)}   URL rows ${f(a.urlRows.textOnly)} → ${f(a.urlRows.withSource)}`
  return [
    '',
    `with the publisher's rating (text only → with source): ${r.withUrl} of ${r.rows} rows have a URL, ${r.rated} on a rated domain; the rating alone: AUC ${f(r.ratingAlone)} on the rated rows`,
    ...r.crossValidated.map((v) => line(`  ${v.variant} (stacker refitted per fold)`, v)),
    line('  shipped model + shipped stacker*', r.shipped),
    '  * as analysis runs it; the stacker was fitted on FakeNewsNet PolitiFact (npm run measure:source-ratings), so on that set this line is in-sample',
  ]
}
