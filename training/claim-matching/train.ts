// Trains the claim-matching re-ranker on CLEF CheckThat! 2020 Task 2 train tweets only; dev is measured, never tuned on.
//   npm run train:claim-matching -- --data /work/shared/data/claim-retrieval-clef2020 [--out models/claim-matching.json]
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { openStore } from '../../src/store/open-store.js'
import { importFactChecks } from '../../src/factchecks/import/import-file.js'
import { readClefQueries, readQrels } from './clef-data.js'
import { buildClefRuns, rankingMetrics, bm25Scores, type ClefRun, type RankingMetrics } from './clef-evaluation.js'
import { evaluateClaimMatching } from './evaluate-claim-matching.js'
import { FEATURE_NAMES } from '../../src/analyzers/factchecks/rerank-features.js'
import { CLAIM_MATCHING_MODEL_ID, type ClaimMatchingModel } from '../../src/analyzers/factchecks/reranker.js'
import { groupKFold, type Fold } from '../ml/cross-validation.js'
import { writeModelFile } from '../../src/ml/model-file.js'
import type { ModelFileManifest } from '../../src/models/loader.js'
import { fitPairwise, scoreRun, type PairwiseOptions } from './pairwise.js'
import { calibrateOutOfFold } from './calibrate.js'
import { restateClaims } from './augment.js'
import type { FactCheckRecord } from '../../src/store/factcheck-repository.js'

export interface TrainClaimMatchingOptions {
  /** Folder with verified_claims.tsv, train.queries.tsv and train.qrels (dev.* are only measured). */
  data: string
  out?: string
  /** BM25 candidates re-ranked per claim (default 30: beyond that the gain on train CV is ~0.002 MAP@5, the cost ~1 ms a claim). */
  depth?: number
  folds?: number
  /**
   * The threshold is the lowest at which at most this share of train tweets, with their fact-checks taken out of the
   * store, still get a match (out-of-fold; default 0.1).
   */
  maxUncheckedShown?: number
  /** Progress lines (default: stderr). */
  log?: (line: string) => void
}

const METRICS = ['MAP@1', 'MAP@3', 'MAP@5', 'MAP@10', 'MRR', 'P@1'] as const
const f4 = (x: number) => x.toFixed(4)
const r4 = (x: number) => Math.round(x * 10000) / 10000
const rounded = (m: RankingMetrics) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, r4(v)]))

/** Grouped k-fold CV over the grid; the options with the best out-of-fold MAP@5 on tweets win (ties: the earlier). */
function selectOptions(
  train: readonly ClefRun[],
  splits: readonly Fold[],
  tweets: readonly ClefRun[],
  depth: number,
  log: (line: string) => void,
): PairwiseOptions {
  let best: { options: PairwiseOptions; map5: number } | null = null
  for (const l2 of [1e-3, 1e-2, 1e-1]) {
    for (const negatives of [...new Set([10, depth])]) {
      const options = { l2, negatives }
      const oof = new Map<ClefRun, number[]>()
      for (const split of splits) {
        const model = fitPairwise(split.train.map((i) => train[i]!), options)
        for (const i of split.test) oof.set(train[i]!, scoreRun(model, train[i]!.set.features))
      }
      const map5 = rankingMetrics(tweets, (run) => oof.get(run)!)['MAP@5']
      log(`  cv l2=${l2} negatives=${negatives}: MAP@5 ${f4(map5)}`)
      if (!best || map5 > best.map5 + 1e-9) best = { options, map5 }
    }
  }
  return best!.options
}

/** Trains, measures and writes the model file; returns the summary table. */
export async function trainClaimMatching(options: TrainClaimMatchingOptions): Promise<string> {
  const data = resolve(options.data)
  const out = options.out ?? 'models/claim-matching.json'
  const depth = options.depth ?? 30
  const folds = options.folds ?? 5
  const maxUncheckedShown = options.maxUncheckedShown ?? 0.1
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`))

  const store = await openStore(':memory:')
  let tweets: ClefRun[]
  let restated: ClefRun[]
  try {
    await importFactChecks(store.factchecks, join(data, 'verified_claims.tsv'), { format: 'clef' })
    tweets = await buildClefRuns(store.factchecks, readClefQueries(join(data, 'train.queries.tsv')), readQrels(join(data, 'train.qrels')), depth)
    log(`train: ${tweets.length} tweets, ${await store.factchecks.count()} verified claims, depth ${depth}`)
    // Article-style restatements of the claims the train tweets point at (see augment.ts).
    const goldIds = new Set(tweets.flatMap((run) => [...run.relevant]))
    const golds: FactCheckRecord[] = []
    for await (const record of store.factchecks.iterate()) if (goldIds.has(record.externalId ?? '')) golds.push(record)
    golds.sort((a, b) => Number(a.externalId) - Number(b.externalId))
    const { queries, qrels } = restateClaims(golds)
    restated = await buildClefRuns(store.factchecks, queries, qrels, depth)
    log(`  + ${restated.length} synthetic restatements of their fact-checked claims (training and calibration only)`)
  } finally {
    await store.close()
  }
  log(`  first-stage BM25 (train tweets): MAP@5 ${f4(rankingMetrics(tweets, bm25Scores)['MAP@5'])}`)

  // Folds: tweets grouped by tweet; restatements dealt round-robin, so each one is scored out of fold too.
  const train = [...tweets, ...restated]
  const tweetSet = new Set(tweets)
  const splits: Fold[] = groupKFold(tweets.map((r) => r.queryId), folds).map((fold, k) => {
    const extraTest = restated.map((_, i) => tweets.length + i).filter((i) => i % folds === k)
    const extraTrain = restated.map((_, i) => tweets.length + i).filter((i) => i % folds !== k)
    return { train: [...fold.train, ...extraTrain], test: [...fold.test, ...extraTest] }
  })
  const chosen = selectOptions(train, splits, tweets, depth, log)
  const calibrated = calibrateOutOfFold(train, splits, chosen, maxUncheckedShown, (run) => tweetSet.has(run))
  for (const point of calibrated.curve.filter((p) => Math.round(p.threshold * 100) % 10 === 0)) {
    log(`  threshold ${point.threshold.toFixed(2)}: cv precision ${f4(point.precision)}, recall ${f4(point.recall)}, unchecked shown ${f4(point.uncheckedShown)}`)
  }
  const cv = rankingMetrics(tweets, (run) => calibrated.oof.get(run)!)
  const cvRestated = rankingMetrics(restated, (run) => calibrated.oof.get(run)!)
  log(`chosen l2=${chosen.l2} negatives=${chosen.negatives}: cv MAP@5 ${f4(cv['MAP@5'])} (restatements: ${f4(cvRestated['MAP@5'])})`)
  log(`threshold ${calibrated.threshold}: cv precision ${f4(calibrated.precision)}, recall ${f4(calibrated.recall)}, unchecked shown ${f4(calibrated.uncheckedShown)}`)

  const final = fitPairwise(train, chosen)
  const model: ClaimMatchingModel = {
    id: CLAIM_MATCHING_MODEL_ID,
    version: 1,
    createdAt: '2026-11-24',
    trainedOn:
      'CLEF CheckThat! 2020 Task 2 (English): verified_claims.tsv + train.queries.tsv/train.qrels only, plus synthetic restatements of the train tweets\' fact-checked claims (free for general research use)',
    metrics: {},
    features: [...FEATURE_NAMES],
    depth,
    standardizer: final.standardizer,
    logistic: final.logistic,
    calibration: calibrated.calibration,
    threshold: calibrated.threshold,
  }
  // Dev is measured once, with the finished model: nothing above looked at it.
  const dev = await evaluateClaimMatching(model, {
    claims: join(data, 'verified_claims.tsv'),
    queries: join(data, 'dev.queries.tsv'),
    qrels: join(data, 'dev.qrels'),
  })
  model.metrics = {
    command: `npm run train:claim-matching -- --data ${options.data}`,
    hyperParameters: { ...chosen, depth, folds, maxUncheckedShown },
    trainCv: rounded(cv),
    trainCvRestatements: rounded(cvRestated),
    trainCvThreshold: {
      threshold: calibrated.threshold,
      precision: r4(calibrated.precision),
      recall: r4(calibrated.recall),
      uncheckedShown: r4(calibrated.uncheckedShown),
    },
    dev: rounded(dev.reranker),
    devBm25: rounded(dev.bm25),
    devFirstStage: rounded(dev.firstStage),
    devThreshold: { shown: r4(dev.threshold.shown), precision: r4(dev.threshold.precision), shownWithoutFactCheck: r4(dev.threshold.shownWithoutFactCheck) },
  }
  writeModelFile(resolve(out), model as unknown as ModelFileManifest & Record<string, unknown>)

  const row = (label: string, m: RankingMetrics) => `${label.padEnd(30)}${METRICS.map((k) => f4(m[k]).padStart(8)).join('')}`
  return [
    `${''.padEnd(30)}${METRICS.map((k) => k.padStart(8)).join('')}`,
    row(`train ${folds}-fold CV, re-ranker`, cv),
    row('  restatements, CV', cvRestated),
    row('dev, re-ranker', dev.reranker),
    row('dev, BM25 (raw tweet)', dev.bm25),
    row('dev, BM25 first stage', dev.firstStage),
    `threshold ${calibrated.threshold}: dev top match shown for ${f4(dev.threshold.shown)} of tweets, right in ${f4(dev.threshold.precision)};` +
      ` with their fact-checks removed, a match is still shown for ${f4(dev.threshold.shownWithoutFactCheck)}`,
    `wrote ${out}`,
    '',
  ].join('\n')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      out: { type: 'string', default: 'models/claim-matching.json' },
      depth: { type: 'string', default: '30' },
      folds: { type: 'string', default: '5' },
    },
  })
  if (!values.data) {
    process.stderr.write('usage: npm run train:claim-matching -- --data <claim-retrieval-clef2020 folder> [--out models/claim-matching.json]\n')
    process.exit(2)
  }
  process.stdout.write(await trainClaimMatching({ data: values.data, out: values.out, depth: Number(values.depth), folds: Number(values.folds) }))
}
