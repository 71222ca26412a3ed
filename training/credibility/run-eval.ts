// `factsift eval credibility`: k-fold CV or train→test across corpora, optional leave-one-domain-out, with a baseline.
import { FactsiftError } from '../../src/errors.js'
import { readCredibilityJsonl, targetOf, type CredibilityRow, type SatirePolicy } from './dataset.js'
import { fitOptionsFor, type ModelVariant } from './defaults.js'
import { crossValidate, leaveOneGroupOutEval, trainTest, type EvalMetrics } from './evaluate.js'
import { analyzersById, observeRows } from './extract.js'
import { evaluateWithSource, formatSourceEval, type SourceEvalReport } from './source-eval.js'

export interface EvalRequest {
  data: string[]
  /** Train on these and test on `data`; without it, cross-validate on `data`. */
  train?: string[]
  cv: number
  /** Split CV folds by story (fake and the legitimate article it imitates stay together) or by row. */
  groupBy: 'story' | 'row'
  /** Also leave one domain out at a time (rows need `domain`). */
  lodo: boolean
  satire: SatirePolicy
  variants: ModelVariant[]
  seed: number
  /** Analyzer ids to run before scoring; default: the registry. */
  analyzers?: string[]
  onProgress?: (message: string) => void
}

export interface VariantResult {
  variant: ModelVariant
  model: EvalMetrics
  baseline: EvalMetrics
  lodo?: { pooled: EvalMetrics; perDomain: { domain: string; model: EvalMetrics; baseline: EvalMetrics }[] }
}

export interface EvalReport {
  setup: string
  rows: number
  results: VariantResult[]
  /** Cross-validation on rows with a `url`: AUC with and without the publisher's rating, in the same run. */
  source?: SourceEvalReport
}

export async function runCredibilityEval(request: EvalRequest): Promise<EvalReport> {
  const test = request.data.flatMap((path) => readCredibilityJsonl(path))
  const train = request.train?.flatMap((path) => readCredibilityJsonl(path))
  if (!train && (!Number.isInteger(request.cv) || request.cv < 2)) throw new FactsiftError('E_BAD_ARGUMENT', '--cv must be an integer ≥ 2')
  const progress = (label: string) => (done: number, total: number) => {
    if (done === total || done % 100 === 0) request.onProgress?.(`${label}: analyzed ${done}/${total}`)
  }
  const analyzers = request.analyzers ? await analyzersById(request.analyzers) : undefined
  const testObs = await observeRows(test, { ...(analyzers ? { analyzers } : {}), onProgress: progress('data') })
  const trainObs = train ? await observeRows(train, { ...(analyzers ? { analyzers } : {}), onProgress: progress('train') }) : null
  const y = labelsOf(test, request.satire)
  const results: VariantResult[] = []
  const outOfFold: { variant: string; probabilities: number[]; folds: { train: number[]; test: number[] }[] }[] = []
  for (const variant of request.variants) {
    request.onProgress?.(`fitting the ${variant} model`)
    const options = fitOptionsFor(variant, request.seed)
    // Each fit keeps stories together in its calibration folds (fit.ts), also when the evaluation splits by row.
    const stories = test.map((r) => r.group)
    const main = train
      ? trainTest(trainObs!, labelsOf(train, request.satire), testObs, y, options, train.map((r) => r.group))
      : crossValidate(testObs, y, request.cv, options, request.groupBy === 'story' ? stories : undefined, stories)
    const { outOfFold: oof, ...metrics } = main
    if (oof) outOfFold.push({ variant, ...oof })
    const result: VariantResult = { variant, ...metrics }
    if (request.lodo) {
      const domains = test.map((r) => r.domain ?? '')
      if (domains.some((d) => !d)) throw new FactsiftError('E_BAD_ARGUMENT', '--lodo needs a domain on every row')
      const g = leaveOneGroupOutEval(testObs, y, domains, options, stories)
      result.lodo = { pooled: g.pooled.model, perDomain: g.perGroup.map((p) => ({ domain: p.group, model: p.result.model, baseline: p.result.baseline })) }
    }
    results.push(result)
  }
  const setup = train
    ? `train ${request.train!.join(', ')} (${train.length}) → test ${request.data.join(', ')} (${test.length})`
    : `${request.cv}-fold cross-validation by ${request.groupBy} on ${request.data.join(', ')} (${test.length})`
  let source: SourceEvalReport | null = null
  if (!train && test.some((r) => r.url)) {
    const [{ loadCredibilityModel }, { createModelLoader }] = await Promise.all([
      import('../../src/analyzers/credibility/load-model.js'),
      import('../../src/models/loader.js'),
    ])
    source = evaluateWithSource(test, y, testObs, outOfFold, loadCredibilityModel(createModelLoader()))
  }
  return { setup, rows: test.length, results, ...(source ? { source } : {}) }
}

function labelsOf(rows: readonly CredibilityRow[], satire: SatirePolicy): number[] {
  const y = rows.map((r) => targetOf(r.label, satire))
  const positives = y.reduce<number>((a, b) => a + b, 0)
  if (positives === 0 || positives === y.length) throw new FactsiftError('E_BAD_ARGUMENT', 'the data needs both reliable and unreliable rows')
  return y
}

/** The figures as a plain-text table. */
export function formatEvalReport(report: EvalReport): string {
  const head = `${'model'.padEnd(30)}${['acc', 'macroF1', 'AUC', 'Brier', 'ECE'].map((h) => h.padStart(9)).join('')}`
  const row = (label: string, m: EvalMetrics) =>
    `${label.padEnd(30)}${[m.accuracy, m.macroF1, m.rocAuc, m.brier, m.ece].map((v) => (Number.isNaN(v) ? 'n/a' : v.toFixed(3)).padStart(9)).join('')}`
  const lines = [report.setup, 'unreliable = fake (and satire unless --satire reliable); decision at P = 0.5; ECE over 10 equal-width bins', '', head]
  for (const r of report.results) lines.push(row(r.variant, r.model))
  if (report.results[0]) lines.push(row('majority-class baseline', report.results[0].baseline))
  for (const r of report.results) {
    if (!r.lodo) continue
    lines.push('', `leave-one-domain-out (${r.variant}): pooled`, head, row('  pooled', r.lodo.pooled))
    for (const d of r.lodo.perDomain) lines.push(row(`  ${d.domain}`, d.model))
  }
  if (report.source) lines.push(...formatSourceEval(report.source))
  return lines.join('\n')
}
