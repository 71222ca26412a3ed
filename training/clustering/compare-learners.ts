// Experiment (not shipped): out-of-fold pair-level average precision of the logistic model vs gradient-boosted trees
// on the claim-similarity train pairs (folds grouped by verified claim, as train.ts).
import { join } from 'node:path'
import { readQrels } from '../claim-matching/clef-data.js'
import { claimView, pairFeatures, PAIR_FEATURE_NAMES } from '../../src/watch/claim-similarity.js'
import { createModelLoader, loadModel } from '../../src/models/loader.js'
import { CLAIM_MATCHING_MODEL, FEATURE_CLIP } from '../../src/analyzers/factchecks/reranker.js'
import { fitStandardizer, standardize } from '../../src/ml/standardize.js'
import { trainLogistic, logisticDecision } from '../../src/ml/logistic.js'
import { trainGradientBoosting, gradientBoostingMargins } from '../../src/ml/gradient-boosting.js'
import { dataDir, readVerified, splitItems } from './evaluate.js'
import { candidatePairs } from './train.js'

const matching = loadModel(createModelLoader(), CLAIM_MATCHING_MODEL)
const verified = readVerified(join(dataDir, 'verified_claims.tsv'))
const devGold = new Set([...readQrels(join(dataDir, 'dev.qrels')).values()].flatMap((s) => [...s]))
const items = splitItems('train', verified, devGold, 1000)
const pairs = (await candidatePairs(items, 10)).filter(([i, j]) => items[i]!.text !== items[j]!.text)
const labels = pairs.map(([i, j]) => (items[i]!.gold === items[j]!.gold ? 1 : 0))
// The default feature list (pairFeatures appends EXTRA_FEATURE_NAMES after it).
const rows = pairs.map(([i, j, c, s]) => pairFeatures(claimView(items[i]!.text), claimView(items[j]!.text), matching, c, s).slice(0, PAIR_FEATURE_NAMES.length))
const goldIds = [...new Set(items.map((i) => i.gold))].sort()
const foldOf = new Map(goldIds.map((g, k) => [g, k % 5]))
const fold = pairs.map(([i, j]) => foldOf.get(items[i]!.gold < items[j]!.gold ? items[i]!.gold : items[j]!.gold)!)
const clip = (z: Float64Array) => z.map((v) => Math.max(-FEATURE_CLIP, Math.min(FEATURE_CLIP, v)))
function ap(scores: number[]): number {
  const order = scores.map((s, k) => [s, labels[k]!] as const).sort((a, b) => b[0] - a[0])
  let hits = 0, sum = 0
  order.forEach(([, y], r) => { if (y) { hits++; sum += hits / (r + 1) } })
  return sum / hits
}
const lr = new Array<number>(pairs.length).fill(0)
const gb = new Array<number>(pairs.length).fill(0)
// --trees ROUNDS,DEPTH,RATE: the boosted trees' settings (default the shipped 200,3,0.05).
const [rounds, maxDepth, learningRate] = (process.argv[process.argv.indexOf('--trees') + 1] ?? '').includes(',') ? process.argv[process.argv.indexOf('--trees') + 1]!.split(',').map(Number) as [number, number, number] : [200, 3, 0.05]
for (let f = 0; f < 5; f++) {
  const idx = pairs.map((_, k) => k).filter((k) => fold[k] !== f)
  const st = fitStandardizer(idx.map((k) => rows[k]!))
  const m = trainLogistic(idx.map((k) => clip(standardize(st, rows[k]!))), idx.map((k) => labels[k]!), { l2: 0.01 })
  const g = trainGradientBoosting(idx.map((k) => rows[k]!), idx.map((k) => labels[k]!), { rounds, learningRate, maxDepth, subsample: 0.8, seed: 1 })
  for (let k = 0; k < pairs.length; k++) if (fold[k] === f) {
    lr[k] = logisticDecision(m, clip(standardize(st, rows[k]!)))
    const mg = gradientBoostingMargins(g, rows[k]!)
    gb[k] = mg.length > 1 ? mg[1]! - mg[0]! : mg[0]!
  }
}
console.log(`trees ${rounds} rounds, depth ${maxDepth}, rate ${learningRate}; out-of-fold pair AP: logistic ${ap(lr).toFixed(4)}, boosted trees ${ap(gb).toFixed(4)}, mean of ranks ${ap(lr.map((v, k) => v + gb[k]!)).toFixed(4)} (${pairs.length} pairs, ${labels.filter(Boolean).length} positive)`)
