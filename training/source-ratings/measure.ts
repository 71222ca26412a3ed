// How much the publisher's rating adds to the text-only credibility model, on FakeNewsNet PolitiFact (the one labelled
// set with URLs): npm run measure:source-ratings -- [<jsonl>] [--k 5] [--refit-text] [--json]
// Prints, in one run: URL coverage, AUC of the rating alone, and AUC text-only vs text + source (a 3-feature logistic
// regression stacked on the text log-odds, cross-validated with folds that never split a publisher), plus the weights
// fitted on all URL rows for the risk model. Rows without a URL keep the text-only probability.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readCredibilityJsonl, targetOf } from '../credibility/dataset.js'
import { fitOptionsFor, type ModelVariant } from '../credibility/defaults.js'
import { fitCredibility } from '../credibility/fit.js'
import { analyzersById, observeRows } from '../credibility/extract.js'
import { loadCredibilityModel } from '../../src/analyzers/credibility/load-model.js'
import { scoreObservation } from '../../src/analyzers/credibility/model.js'
import { groupKFold, stratifiedKFold, type Fold } from '../ml/cross-validation.js'
import { rocAuc } from '../ml/classification-metrics.js'
import { sigmoid } from '../../src/ml/math.js'
import { createModelLoader } from '../../src/models/loader.js'
import { createRatingsRegistry, isRated } from '../../src/source-ratings/registry.js'
import { crossValidateStack, fitStack, STACK_FEATURES, stackFolds, type StackRow } from './stack.js'

const args = process.argv.slice(2)
const flag = (name: string) => args.includes(`--${name}`)
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args.splice(i, 2)[1]! : fallback
}
const k = Number(option('k', '5'))
const variant = option('variant', 'full') as ModelVariant
const refitText = flag('refit-text')
const asJson = flag('json')
const path = args.find((a) => !a.startsWith('--')) ?? '../shared/data/credibility-fakenewsnet/fakenewsnet-politifact.jsonl'
const log = (line: string) => process.stderr.write(`${line}\n`)

const rows = readCredibilityJsonl(path)
// dataset.ts does not keep `url`; read it beside each row (same non-blank lines, same order).
const urls = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { url?: unknown }).url)
const urlOf = urls.map((u) => (typeof u === 'string' && u.trim() ? u.trim() : null))
const labels = rows.map((r) => targetOf(r.label))

// The publisher of each URL row, first: the refit folds group by it.
const registry = createRatingsRegistry()
const lookups = urlOf.map((u) => (u ? registry.lookup(u) : null))

// 1. The text model's log-odds: the shipped model as is (trained on Pérez-Rosas, never on this set), and with
//    --refit-text also the shipped recipe cross-validated on this set (folds by publisher).
const model = loadCredibilityModel(createModelLoader())
const cacheKey = createHash('sha256').update(readFileSync(path)).update(JSON.stringify(model.weights)).update(`${refitText} ${k} ${variant}`).digest('hex').slice(0, 16)
const cachePath = join(tmpdir(), `factsift-measure-source-ratings-${cacheKey}.json`)
let text: { shipped: number[]; shippedP: number[]; refit: { byRow: number[]; byPublisher: number[] } | null }
if (existsSync(cachePath)) {
  text = JSON.parse(readFileSync(cachePath, 'utf8'))
  log(`text scores from ${cachePath}`)
} else {
  const analyzers = await analyzersById(model.analyzers ?? [])
  const observations = await observeRows(rows, { analyzers, onProgress: (d, n) => (d % 50 === 0 || d === n) && log(`analyzed ${d}/${n}`) })
  const scores = observations.map((o) => scoreObservation(model, o))
  let refit: { byRow: number[]; byPublisher: number[] } | null = null
  if (refitText) {
    // Out-of-fold text log-odds, with the same folds the stacker uses below (stacking never sees a row's own fit).
    const outOfFold = (folds: Fold[], what: string) => {
      const out = new Array<number>(rows.length).fill(Number.NaN)
      for (const fold of folds) {
        log(`refitting the ${variant} text model (${what}): fold with ${fold.test.length} test rows`)
        const fitted = fitCredibility(fold.train.map((i) => observations[i]), fold.train.map((i) => labels[i]), fitOptionsFor(variant, 1), fold.train.map((i) => rows[i].group))
        for (const i of fold.test) out[i] = scoreObservation(fitted, observations[i]).logOdds
      }
      return out
    }
    refit = { byRow: outOfFold(rowFolds(), 'by row'), byPublisher: outOfFold(publisherFolds(), 'by publisher') }
  }
  text = { shipped: scores.map((s) => s.logOdds), shippedP: scores.map((s) => s.probability), refit }
  writeFileSync(cachePath, JSON.stringify(text))
}

// 2. Ratings.
const withUrl = rows.map((_, i) => i).filter((i) => urlOf[i] !== null)
const rated = withUrl.filter((i) => isRated(lookups[i]!))
const ratingOf = (i: number): number | null => {
  const r = lookups[i]
  return r && isRated(r) ? r.score : null
}
function publisherGroups(): string[] {
  return rows.map((r, i) => lookups[i]?.domain ?? `no-url:${r.id}`)
}
/** The folds `factsift eval credibility` uses on this set (by story = by row here: every id is its own story), seed 1. */
function rowFolds(): Fold[] {
  return stratifiedKFold(labels, k, 1)
}
/** Folds that never split a publisher: the text model cannot learn an outlet's boilerplate and meet it again. */
function publisherFolds(): Fold[] {
  return groupKFold(publisherGroups(), k)
}
const sub = (idx: readonly number[], values: readonly number[]) => idx.map((i) => values[i])
const auc = (idx: readonly number[], scores: readonly number[]) => rocAuc(sub(idx, labels), sub(idx, scores))

const ratedMean = rated.reduce((a, i) => a + ratingOf(i)!, 0) / rated.length
const fakeRated = rated.filter((i) => labels[i] === 1)
const realRated = rated.filter((i) => labels[i] === 0)
const mean = (idx: number[]) => idx.reduce((a, i) => a + ratingOf(i)!, 0) / idx.length
const ratingRisk = rows.map((_, i) => 1 - (ratingOf(i) ?? ratedMean))

// 3. Stacking, per text score source.
interface Variant {
  name: string
  textOnly: { byRow: number[]; byPublisher: number[] }
  withSource: { publisher: number[]; row: number[] }
  weights: { features: readonly string[]; weights: number[]; bias: number }
}
/** Restricts all-row folds to the URL rows, re-indexed to positions in `withUrl`. */
function onUrlRows(folds: Fold[]): Fold[] {
  const at = new Map(withUrl.map((i, j) => [i, j]))
  const keep = (idx: number[]) => idx.filter((i) => at.has(i)).map((i) => at.get(i)!)
  return folds.map((f) => ({ train: keep(f.train), test: keep(f.test) }))
}
function stackVariant(name: string, logOdds: { byRow: readonly number[]; byPublisher: readonly number[] }, textP: { byRow: readonly number[]; byPublisher: readonly number[] }): Variant {
  const stackRows = (l: readonly number[]): StackRow[] => withUrl.map((i) => ({ textLogOdds: l[i], rating: ratingOf(i), label: labels[i], group: lookups[i]!.domain ?? `url:${i}` }))
  const combine = (textProbability: readonly number[], oof: number[]) => {
    const p = [...textProbability]
    withUrl.forEach((i, j) => (p[i] = oof[j]))
    return p
  }
  const byPublisher = crossValidateStack(stackRows(logOdds.byPublisher), onUrlRows(publisherFolds()))
  const byRow = crossValidateStack(stackRows(logOdds.byRow), onUrlRows(rowFolds()))
  const final = fitStack(stackRows(logOdds.byRow))
  return {
    name,
    textOnly: { byRow: [...textP.byRow], byPublisher: [...textP.byPublisher] },
    withSource: { publisher: combine(textP.byPublisher, byPublisher), row: combine(textP.byRow, byRow) },
    weights: { features: STACK_FEATURES, weights: final.weights, bias: final.bias },
  }
}
const same = <T,>(x: T) => ({ byRow: x, byPublisher: x })
const variants = [stackVariant('shipped text model (trained on Pérez-Rosas, not refitted here)', same(text.shipped), same(text.shippedP))]
if (text.refit) variants.push(stackVariant(`shipped recipe (${variant}) refitted here by ${k}-fold CV`, text.refit, { byRow: text.refit.byRow.map(sigmoid), byPublisher: text.refit.byPublisher.map(sigmoid) }))

const all = rows.map((_, i) => i)
const report = {
  data: `${path} (${rows.length} rows, ${labels.filter((y) => y === 1).length} fake)`,
  coverage: { withUrl: withUrl.length, rated: rated.length, unrated: withUrl.filter((i) => !isRated(lookups[i]!)).map((i) => lookups[i]!.domain ?? urlOf[i]) },
  ratingAlone: {
    aucRated: auc(rated, ratingRisk),
    aucAllUrlsUnratedAsMean: auc(withUrl, ratingRisk),
    meanRatingFake: mean(fakeRated),
    meanRatingReal: mean(realRated),
  },
  variants: variants.map((v) => ({
    name: v.name,
    auc: {
      all: { byRow: { textOnly: auc(all, v.textOnly.byRow), withSource: auc(all, v.withSource.row) }, byPublisher: { textOnly: auc(all, v.textOnly.byPublisher), withSource: auc(all, v.withSource.publisher) } },
      urlRows: { byRow: { textOnly: auc(withUrl, v.textOnly.byRow), withSource: auc(withUrl, v.withSource.row) }, byPublisher: { textOnly: auc(withUrl, v.textOnly.byPublisher), withSource: auc(withUrl, v.withSource.publisher) } },
    },
    fittedOnAllUrlRows: v.weights,
  })),
}

if (asJson) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
} else {
  const f = (x: number) => x.toFixed(3)
  const lines = [
    report.data,
    `coverage: ${report.coverage.withUrl} rows with a URL, ${report.coverage.rated} on a rated domain (${f(report.coverage.rated / report.coverage.withUrl)}); unrated: ${report.coverage.unrated.join(', ')}`,
    `rating alone: AUC ${f(report.ratingAlone.aucRated)} on the ${rated.length} rated rows, ${f(report.ratingAlone.aucAllUrlsUnratedAsMean)} on all ${withUrl.length} URL rows (unrated = mean rating); mean rating fake ${f(report.ratingAlone.meanRatingFake)}, real ${f(report.ratingAlone.meanRatingReal)}`,
  ]
  for (const v of report.variants) {
    lines.push('', v.name, `  ${k}-fold by row (as \`factsift eval credibility\`): all ${rows.length} rows (no URL → text only) text only ${f(v.auc.all.byRow.textOnly)} → with source ${f(v.auc.all.byRow.withSource)}; the ${withUrl.length} URL rows ${f(v.auc.urlRows.byRow.textOnly)} → ${f(v.auc.urlRows.byRow.withSource)}`)
    lines.push(`  ${k}-fold by publisher (no outlet on both sides): all rows text only ${f(v.auc.all.byPublisher.textOnly)} → with source ${f(v.auc.all.byPublisher.withSource)}; URL rows ${f(v.auc.urlRows.byPublisher.textOnly)} → ${f(v.auc.urlRows.byPublisher.withSource)}`)
    lines.push(`  stacker fitted on all URL rows (on the text log-odds of the by-row line): logit P(fake) = ${v.fittedOnAllUrlRows.bias.toFixed(4)} ${v.fittedOnAllUrlRows.features.map((name, j) => `${v.fittedOnAllUrlRows.weights[j] >= 0 ? '+' : '−'} ${Math.abs(v.fittedOnAllUrlRows.weights[j]).toFixed(4)}·${name}`).join(' ')}`)
  }
  process.stdout.write(`${lines.join('\n')}\n`)
}
