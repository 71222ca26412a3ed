// The training run: model selection (--select), calibration on out-of-fold scores, one dev evaluation, LOTO CV (--cv).
import { fitPlatt, applyCalibration } from '../../src/ml/calibration.js'
import { logit } from '../../src/ml/math.js'
import { brierScore, expectedCalibrationError } from '../ml/probability-metrics.js'
import { createScorer } from '../../src/analyzers/checkworthiness/scorer.js'
import { lengthBaselineScores, rankingFigures, summarize, type RankingFigures } from './evaluate.js'
import { DEFAULT_RULE_WEIGHTS, type NewsRules } from '../../src/analyzers/checkworthiness/news-rules.js'
import { readNewsPassages, type NewsPassage } from './news-passages.js'
import { evaluateNews, type NewsFigures } from './news-eval.js'
import type { CheckworthinessModel } from '../../src/analyzers/checkworthiness/model.js'
import type { WordVectorsJSON } from '../../src/ml/word-vectors.js'
import { loadSplits, type Annotate, type PreparedTranscript } from './dataset.js'
import { leaveOneTranscriptOut, transcriptKFold } from './cross-validate.js'
import { CANDIDATES } from './configs.js'
import type { TrainConfig } from './learners.js'
import { fitModel } from './learners.js'

export interface TrainingOptions {
  data: string
  /** Compare the candidate models by LOTO CV on train/ and stop (writes nothing). */
  select: boolean
  /** Also run LOTO CV over all transcripts (train + dev) with the shipped configuration. */
  cv: boolean
  /** Evaluate dev/ once after training (off only while developing features, so dev is never looked at repeatedly). */
  evaluateDev: boolean
  /** News passages for the transfer figures (skipped when null). */
  news: string | null
  /** Share of check-worthy sentences assumed in news (sets the prior shift). */
  newsPrior: number
  config: TrainConfig
  /** Word vectors for the sentence-vector block (needed when the config uses it). */
  wordVectors?: WordVectorsJSON
  log: (line: string) => void
}

export interface TrainingResult {
  model: CheckworthinessModel
  trainCv: { model: RankingFigures; combined: RankingFigures; baseline: RankingFigures }
  dev: { model: RankingFigures; combined: RankingFigures; baseline: RankingFigures; brier: number; ece: number } | null
  loto: { transcripts: number; model: RankingFigures; combined: RankingFigures; baseline: RankingFigures } | null
  news: { all: NewsFigures; heldOut: NewsFigures } | null
}

/** Passages 01–10 were used while designing the news rules; 11 onwards are held out for the reported figures. */
export function isHeldOutPassage(id: string): boolean {
  return Number.parseInt(id, 10) > 10
}

function baseline(transcripts: readonly PreparedTranscript[]): RankingFigures {
  return rankingFigures(transcripts.map((t) => ({ name: t.name, scores: lengthBaselineScores(t.texts), labels: t.labels })))
}

export function formatRow(label: string, f: RankingFigures): string {
  const s = summarize(f, 3)
  const p = s.precisionAt
  return `${label.padEnd(26)} MAP ${s.map.toFixed(3)}  R-P ${s.rPrecision.toFixed(3)}  P@1 ${p[1].toFixed(3)}  P@3 ${p[3].toFixed(3)}  P@5 ${p[5].toFixed(3)}  P@10 ${p[10].toFixed(3)}  P@20 ${p[20].toFixed(3)}  P@50 ${p[50].toFixed(3)}`
}

/** Model selection: every candidate's 4-fold transcript CV figures on train/ (debate score alone), and its news P@3 when passages are given. */
export function runSelection(
  train: readonly PreparedTranscript[],
  news: NewsRules,
  passages: NewsPassage[] | null,
  annotate: Annotate,
  log: (line: string) => void,
): void {
  log(formatRow('baseline (length)', baseline(train)))
  const heldOut = passages?.filter((p) => isHeldOutPassage(p.id)) ?? []
  for (const config of CANDIDATES) {
    const started = performance.now()
    const cv = transcriptKFold(train, 4, config, news)
    let transfer = ''
    if (heldOut.length) {
      const f = evaluateNews(createScorer(fitModel(train, config, news)), annotate, heldOut).precisionAt3
      transfer = `  news P@3 model ${f.model.toFixed(3)} combined ${f.combined.toFixed(3)}`
    }
    log(`${formatRow(config.name, cv.model)}${transfer}  (${((performance.now() - started) / 1000).toFixed(0)} s)`)
  }
}

/** Trains the shipped model on train/, calibrates it on out-of-fold scores, then evaluates dev once. */
export function runTraining(options: TrainingOptions, annotate: Annotate): TrainingResult | null {
  const { log, config } = options
  const started = performance.now()
  const train = loadSplits(options.data, ['train'], annotate, options.wordVectors)
  log(`annotated ${train.length} train transcripts in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  const labels = train.flatMap((t) => t.labels)
  const debatePrior = labels.reduce((a: number, b) => a + b, 0) / labels.length
  const news: NewsRules = {
    rules: { ...DEFAULT_RULE_WEIGHTS },
    modelWeight: 1,
    newsPrior: options.newsPrior,
    priorShift: Number((logit(options.newsPrior) - logit(debatePrior)).toFixed(4)),
  }
  if (options.select) {
    runSelection(train, news, options.news ? readNewsPassages(options.news) : null, annotate, log)
    return null
  }

  // Out-of-fold scores on train/ give the CV figures and the held-back data the calibration is fitted on.
  const cv = leaveOneTranscriptOut(train, config, news)
  const trainCv = { model: cv.model, combined: cv.combined, baseline: baseline(train) }
  log(formatRow(`train LOTO CV: ${config.name}`, cv.model))
  log(formatRow('train LOTO CV: +news rules', cv.combined))
  log(formatRow('train: baseline (length)', trainCv.baseline))
  const calibration = fitPlatt(cv.scores.flatMap((s) => [...s.combined]), labels)

  const model = fitModel(train, config, news)
  model.calibration = { kind: 'platt', a: Number(calibration.a.toPrecision(6)), b: Number(calibration.b.toPrecision(6)) }
  const scorer = createScorer(model)

  let dev: TrainingResult['dev'] = null
  const devSet = options.evaluateDev || options.cv ? loadSplits(options.data, ['dev'], annotate, options.wordVectors) : []
  if (options.evaluateDev && devSet.length) {
    const scored = devSet.map((t) => scorer.scoreUnits(t.doc, t.units))
    const devLabels = devSet.flatMap((t) => t.labels)
    const probabilities = scored.flatMap((s) => [...s.combined].map((z) => applyCalibration(model.calibration, z)))
    dev = {
      model: rankingFigures(devSet.map((t, i) => ({ name: t.name, scores: scored[i].raw, labels: t.labels }))),
      combined: rankingFigures(devSet.map((t, i) => ({ name: t.name, scores: scored[i].combined, labels: t.labels }))),
      baseline: baseline(devSet),
      brier: brierScore(devLabels, probabilities),
      ece: expectedCalibrationError(devLabels, probabilities),
    }
    log(formatRow('dev: model', dev.model))
    log(formatRow('dev: model + news rules', dev.combined))
    log(formatRow('dev: baseline (length)', dev.baseline))
    log(`dev calibration (debate prior): Brier ${dev.brier.toFixed(4)}  ECE ${dev.ece.toFixed(4)}`)
  }

  let loto: TrainingResult['loto'] = null
  if (options.cv) {
    const all = [...train, ...devSet]
    const full = leaveOneTranscriptOut(all, config, news, (name, f) => log(`  LOTO fold ${f + 1}/${all.length}: ${name}`))
    loto = { transcripts: all.length, model: full.model, combined: full.combined, baseline: baseline(all) }
    log(formatRow(`LOTO CV (${all.length}): model`, full.model))
    log(formatRow(`LOTO CV (${all.length}): + news rules`, full.combined))
    log(formatRow(`LOTO CV (${all.length}): baseline`, loto.baseline))
  }

  let newsFigures: TrainingResult['news'] = null
  if (options.news) {
    const passages = readNewsPassages(options.news)
    newsFigures = {
      all: evaluateNews(scorer, annotate, passages),
      heldOut: evaluateNews(scorer, annotate, passages.filter((p) => isHeldOutPassage(p.id))),
    }
    for (const [label, f] of [['all', newsFigures.all], ['held-out', newsFigures.heldOut]] as const) {
      const p = f.precisionAt3
      log(`news P@3 ${label} (${f.passages} passages): model ${p.model.toFixed(3)}  rules ${p.rules.toFixed(3)}  combined ${p.combined.toFixed(3)}  baseline ${p.baseline.toFixed(3)}`)
    }
    const c = newsFigures.heldOut.calibration
    log(`news calibration held-out: Brier ${c.brier.toFixed(4)} ECE ${c.ece.toFixed(4)} (without prior shift: Brier ${c.brierWithoutShift.toFixed(4)} ECE ${c.eceWithoutShift.toFixed(4)})`)
  }
  return { model, trainCv, dev, loto, news: newsFigures }
}
