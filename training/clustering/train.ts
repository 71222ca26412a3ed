// Trains models/claim-similarity.json: symmetric pairwise gradient-boosted trees over the claim-matching re-ranker's features
// (both directions) and its log-odds both ways, on CLEF 2020 TRAIN only. Pairs: every pair of train items sharing a
// verified claim (tweet–claim, tweet–tweet) that the claim store's BM25 candidates bring together (the production path,
// items added one by one with every claim its own cluster) as positives, and the candidates whose verified claim
// differs (hard negatives) as negatives; each with its place in the candidate list. Calibrated by
// Platt scaling on 5-fold out-of-fold scores (folds grouped by verified claim). The threshold is then chosen on the
// train clustering by evaluate.ts and written into the file (--threshold), dev never looked at.
//   npx tsx training/clustering/train.ts [--data DIR] [--out models/claim-similarity.json] [--threshold T] [--seed N]
//   [--distractors N] [--titles] [--features +name,-name] (experiments: training/clustering/README.md)
import { join, resolve } from 'node:path'
import { existsSync, readFileSync } from 'node:fs'
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js'
import type { ClusterPolicy } from '../../src/store/claim-repository.js'
import { claimView, featureColumns, KNOWN_PAIR_FEATURES, listContexts, pairFeatures, statsTermsOf, type ListContext, PAIR_FEATURE_NAMES, CLAIM_SIMILARITY_MODEL_ID } from '../../src/watch/claim-similarity.js'
import type { ClusterTermStats } from '../../src/store/claim-repository.js'
import { createModelLoader, loadModel, type ModelFileManifest } from '../../src/models/loader.js'
import { CLAIM_MATCHING_MODEL } from '../../src/analyzers/factchecks/reranker.js'
import { trainGradientBoosting, gradientBoostingMargins, splitCounts, type GradientBoostingModel } from '../../src/ml/gradient-boosting.js'
import { fitPlatt } from '../../src/ml/calibration.js'
import { writeModelFile } from '../../src/ml/model-file.js'
import { clefSplits, dataDir, readVerified, shuffle, type Item } from './evaluate.js'

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

const out = resolve(flag('out') ?? join(import.meta.dirname, '../../models/claim-similarity.json'))
/** Boosted trees (chosen over the logistic model by out-of-fold pair average precision: 0.772 vs 0.724). */
const TREES = { rounds: 200, learningRate: 0.05, maxDepth: 3, subsample: 0.8, seed: Number(flag('seed') ?? 1) }
const FOLDS = 5
/** BM25 candidates per claim, as the claim store's default (ClusterPolicy.candidates). */
const DEPTH = 10
/** Verified claims no tweet checks, added to the train items (--distractors; see clefSplits). */
const DISTRACTORS = Number(flag('distractors') ?? 1000)
/** The model's features: the default list, with --features +name,-name,… adding (KNOWN_PAIR_FEATURES) or dropping some. */
const FEATURES = (flag('features') ?? '').split(',').filter(Boolean).reduce<string[]>((list, f) => {
  const name = f.slice(1)
  if (!KNOWN_PAIR_FEATURES.includes(name)) throw new Error(`unknown feature ${name}`)
  return f.startsWith('-') ? list.filter((n) => n !== name) : [...list.filter((n) => n !== name), name]
}, [...PAIR_FEATURE_NAMES])

/** (i, j) index pairs of items: the BM25 candidates each item meets in the claim store, every item its own cluster. */
export async function candidatePairs(items: readonly Item[], depth = 10): Promise<[number, number, ListContext, ClusterTermStats][]> {
  const store = openSqliteStore(':memory:')
  const pairs: [number, number, ListContext, ClusterTermStats][] = []
  const byRepresentative = new Map<string, number>()
  let current = 0
  const policy: ClusterPolicy = {
    choose: (_text, candidates, stats) => {
      const contexts = listContexts(candidates)
      for (const [k, c] of candidates.entries()) {
        const j = byRepresentative.get(c.representative)
        if (j !== undefined) pairs.push([current, j, contexts[k]!, stats!])
      }
      return null
    },
    statsTerms: statsTermsOf,
    alerts: () => [],
    candidates: depth,
  }
  try {
    for (const [i, item] of items.entries()) {
      current = i
      if (!byRepresentative.has(item.text)) byRepresentative.set(item.text, i)
      const claim = { claimIndex: 0, text: item.text, sentence: 0, start: 0, end: item.text.length, articleUrl: null, articleTitle: null, outlet: null, speaker: null, publishedAt: null, seenAt: i, checkworthiness: 1, verdict: null, factchecks: [], stance: { agree: 0, disagree: 0, discuss: 0 } }
      await store.claims.addReportClaims(`item-${i}`, [claim], policy, { webhooks: [], now: i })
    }
  } finally {
    await store.close()
  }
  return pairs
}


/** The fact-check title of each verified claim (verified_claims.tsv: id, claim, title). */
function readTitles(path: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const line of readFileSync(path, 'utf8').split('\n').slice(1)) {
    const [id, , title] = line.split('\t')
    if (id && title?.trim()) out.set(id.trim(), title.trim())
  }
  return out
}

async function main(): Promise<void> {
  const models = createModelLoader()
  const matching = loadModel(models, CLAIM_MATCHING_MODEL)
  const verified = readVerified(join(dataDir, 'verified_claims.tsv'))
  const split = clefSplits(verified, DISTRACTORS).train
  // --titles: each train verified claim's fact-check title joins the items, with the claim's gold: clean paraphrase
  // pairs ("Maggots found living inside a package of Huggies brand diapers." / "Maggots Found in Huggies Diapers?"), so
  // the model also sees two clean sentences that say the same thing, not only tweet–claim positives.
  const titles = process.argv.includes('--titles') ? readTitles(join(dataDir, 'verified_claims.tsv')) : new Map<string, string>()
  const titleItems = [...new Set(split.map((i) => i.gold))].flatMap((g) => (titles.get(g) ? [{ text: titles.get(g)!, gold: g }] : []))
  const items = titleItems.length > 0 ? shuffle([...split, ...titleItems], 3) : split
  // Only the pairs production scores: each item against its BM25 candidates (the list context needs the list).
  const pairs = (await candidatePairs(items, DEPTH)).filter(([i, j]) => items[i]!.text !== items[j]!.text)
  const byGold = new Map<string, number[]>()
  items.forEach((it, i) => byGold.set(it.gold, [...(byGold.get(it.gold) ?? []), i]))
  const labels = pairs.map(([i, j]) => (items[i]!.gold === items[j]!.gold ? 1 : 0))
  const columns = featureColumns(FEATURES)
  const rows = pairs.map(([i, j, context, stats]) => {
    const full = pairFeatures(claimView(items[i]!.text), claimView(items[j]!.text), matching, context, stats)
    return columns.map((c) => full[c]!)
  })
  const positives = labels.reduce((a: number, b) => a + b, 0)
  console.log(`train pairs: ${pairs.length} (${positives} same verified claim, ${pairs.length - positives} BM25 candidates with another claim)`)

  // Folds grouped by verified claim (the smaller gold of the pair decides): out-of-fold margins for the calibration.
  const goldIds = [...byGold.keys()].sort()
  const foldOf = new Map(goldIds.map((g, k) => [g, k % FOLDS]))
  const fold = pairs.map(([i, j]) => foldOf.get(items[i]!.gold < items[j]!.gold ? items[i]!.gold : items[j]!.gold)!)
  const fit = (idx: number[]) => trainGradientBoosting(idx.map((k) => rows[k]!), idx.map((k) => labels[k]!), TREES)
  const score = (m: GradientBoostingModel, k: number) => {
    const margins = gradientBoostingMargins(m, rows[k]!)
    return margins[1]! - margins[0]!
  }
  const oof = new Array<number>(pairs.length).fill(0)
  for (let f = 0; f < FOLDS; f++) {
    const m = fit(pairs.map((_, k) => k).filter((k) => fold[k] !== f))
    for (let k = 0; k < pairs.length; k++) if (fold[k] === f) oof[k] = score(m, k)
  }
  const calibration = fitPlatt(oof, labels)
  const final = fit(pairs.map((_, k) => k))
  // Out-of-fold pair classification at 0.5 (calibrated), for the card.
  let tp = 0, fp = 0, fn = 0
  for (let k = 0; k < pairs.length; k++) {
    const p = 1 / (1 + Math.exp(-(calibration.a * oof[k]! + calibration.b)))
    if (p >= 0.5 && labels[k]) tp++
    else if (p >= 0.5) fp++
    else if (labels[k]) fn++
  }
  const previous = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as { threshold?: number; metrics?: Record<string, unknown> }) : null
  const threshold = flag('threshold') !== undefined ? Number(flag('threshold')) : (previous?.threshold ?? 0.5)
  const model = {
    id: CLAIM_SIMILARITY_MODEL_ID,
    version: 3,
    createdAt: new Date().toISOString().slice(0, 10),
    trainedOn: `CLEF CheckThat! 2020 Task 2 (English): train.queries.tsv/train.qrels tweets, the verified claims they check and ${DISTRACTORS.toLocaleString('en')} unchecked verified claims (no dev claim) from verified_claims.tsv${titleItems.length > 0 ? ', and the fact-check titles of those claims' : ''} (free for general research use)`,
    metrics: {
      ...(previous?.metrics ?? {}),
      command: 'npx tsx training/clustering/train.ts, then npx tsx training/clustering/evaluate.ts (threshold)',
      trainPairs: { pairs: pairs.length, distractors: DISTRACTORS, titles: titleItems.length, positives, depth: DEPTH, trees: TREES, folds: FOLDS, oofAt05: { precision: +(tp / (tp + fp)).toFixed(4), recall: +(tp / (tp + fn)).toFixed(4) } },
    },
    features: FEATURES,
    gbdt: final,
    calibration,
    threshold,
  }
  writeModelFile(out, model as unknown as ModelFileManifest & Record<string, unknown>)
  console.log(`wrote ${out}: out-of-fold at P≥0.5 precision ${(tp / (tp + fp)).toFixed(3)} recall ${(tp / (tp + fn)).toFixed(3)}; splits per feature ${FEATURES.map((n, i) => `${n} ${splitCounts(final)[i]}`).join(', ')}`)
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
