// Pairwise precision / recall / F1 of claim clustering on CLEF CheckThat! 2020 Task 2: tweets that share a verified
// claim say the same thing (as that claim), and the verified claims are distinct. Items of a split: its tweets, the
// verified claims they check (gold cluster = the verified claim: a tweet and its claim, and tweets sharing a claim, are
// the positive pairs) and --distractors other verified claims that no tweet of either split checks (each its own
// cluster). Items go one by one, in a
// seeded order, through the production path (the SQLite claim store's BM25 candidates + chooseCluster with the
// claim-similarity model); the threshold (a calibrated probability)
// is chosen on train (best F1), then dev is scored once at it.
//   npx tsx training/clustering/evaluate.ts [--data ../shared/data/claim-retrieval-clef2020] [--distractors 1000] [--threshold T] [--verbose] [--save]
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readClefQueries, readQrels } from '../claim-matching/clef-data.js'
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js'
import { chooseCluster, createClaimSimilarity, CLUSTER_CANDIDATES, MEMBER_AGGREGATE, MEMBERS_COMPARED, statsTermsOf, type ClaimSimilarity, type MemberAggregate } from '../../src/watch/claim-similarity.js'
import type { ClusterPolicy } from '../../src/store/claim-repository.js'
import { writeModelFile } from '../../src/ml/model-file.js'
import { createModelLoader, defaultModelDirectory, type ModelFileManifest } from '../../src/models/loader.js'

export interface Item {
  text: string
  gold: string
}

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

export const dataDir = flag('data') ?? join(import.meta.dirname, '../../../shared/data/claim-retrieval-clef2020')
const distractors = Number(flag('distractors') ?? 1000)
const fixed = flag('threshold')
/** The clustering's knobs, chosen on train: BM25 candidates per claim, member texts per candidate, how members combine. */
export const setup = { depth: Number(flag('depth') ?? CLUSTER_CANDIDATES), members: Number(flag('members') ?? MEMBERS_COMPARED), aggregate: (flag('aggregate') ?? MEMBER_AGGREGATE) as MemberAggregate, indexMembers: process.argv.includes('--index-members'), margin: Number(flag('margin') ?? 0) }

export function readVerified(path: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const line of readFileSync(path, 'utf8').split('\n').slice(1)) {
    const [id, claim] = line.split('\t')
    if (id && claim) out.set(id.trim(), claim.trim())
  }
  return out
}

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function shuffle<T>(xs: T[], seed: number): T[] {
  const random = mulberry32(seed)
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[xs[i], xs[j]] = [xs[j]!, xs[i]!]
  }
  return xs
}

export function splitItems(split: 'train' | 'dev', verified: Map<string, string>, exclude: Set<string>, extra: number): Item[] {
  const queries = readClefQueries(join(dataDir, `${split}.queries.tsv`))
  const qrels = readQrels(join(dataDir, `${split}.qrels`))
  const items: Item[] = []
  const claims = new Set<string>()
  for (const q of queries) {
    const gold = [...(qrels.get(q.id) ?? [])][0]
    if (!gold) continue
    items.push({ text: q.text, gold })
    claims.add(gold)
  }
  for (const id of claims) items.push({ text: verified.get(id)!, gold: id })
  const others = shuffle([...verified.keys()].filter((id) => !claims.has(id) && !exclude.has(id)).sort(), split === 'train' ? 7 : 11).slice(0, extra)
  for (const id of others) items.push({ text: verified.get(id)!, gold: id })
  return shuffle(items, split === 'train' ? 1 : 2)
}

/**
 * The train and dev items. Dev is always the same (its distractors exclude the train items drawn with 1,000
 * distractors), so dev figures stay comparable; train may hold more distractors (`trainDistractors`), then drawn from
 * the verified claims no dev item uses: dev's mix is ~1 tweet per 6 verified claims, train's at 1,000 ~1 per 2.
 */
export function clefSplits(verified: Map<string, string>, trainDistractors = 1000, devDistractors = 1000): { train: Item[]; dev: Item[] } {
  const devGold = new Set([...readQrels(join(dataDir, 'dev.qrels')).values()].flatMap((s) => [...s]))
  const canonical = splitItems('train', verified, devGold, 1000)
  const dev = splitItems('dev', verified, new Set(canonical.map((i) => i.gold)), devDistractors)
  if (trainDistractors === 1000) return { train: canonical, dev }
  return { train: splitItems('train', verified, new Set([...devGold, ...dev.map((i) => i.gold)]), trainDistractors), dev }
}

export interface PairwiseScores {
  precision: number
  recall: number
  f1: number
  truePairs: number
  predictedPairs: number
  clusters: number
  /** Wall time per clustered claim (store + scoring; scores of pairs seen in an earlier run are cached). */
  msPerClaim?: number
  /** CPU time (user + system) per clustered claim: steadier than wall time on a shared machine. */
  cpuMsPerClaim?: number
}

/** Clusters `items` incrementally through a fresh claim store at `threshold`; pairwise scores against the gold labels. */
export async function clusterAndScore(items: readonly Item[], threshold: number, similarity: ClaimSimilarity = createClaimSimilarity(), termStats = true): Promise<PairwiseScores> {
  const store = openSqliteStore(':memory:')
  // termStats false: no DF lookup (the IDF features see an empty store), for the cost comparison only.
  const policy: ClusterPolicy = { choose: (text, candidates, stats) => chooseCluster(text, candidates, threshold, similarity, setup.aggregate, stats, setup.margin), ...(termStats ? { statsTerms: statsTermsOf } : {}), alerts: () => [], candidates: setup.depth, members: setup.members, indexMembers: setup.indexMembers }
  const assigned: string[] = []
  const started = process.hrtime.bigint()
  const cpu = process.cpuUsage()
  try {
    for (const [i, item] of items.entries()) {
      const claim = { claimIndex: 0, text: item.text, sentence: 0, start: 0, end: item.text.length, articleUrl: null, articleTitle: null, outlet: null, speaker: null, publishedAt: null, seenAt: i, checkworthiness: 1, verdict: null, factchecks: [], stance: { agree: 0, disagree: 0, discuss: 0 } }
      const result = await store.claims.addReportClaims(`item-${i}`, [claim], policy, { webhooks: [], now: i })
      assigned.push(result.claims[0]!.clusterId)
    }
  } finally {
    await store.close()
  }
  const msPerClaim = Number(process.hrtime.bigint() - started) / 1e6 / items.length
  const used = process.cpuUsage(cpu)
  return { ...pairwise(items.map((i) => i.gold), assigned), msPerClaim, cpuMsPerClaim: (used.user + used.system) / 1000 / items.length }
}

/** Pairwise P/R/F1 via contingency counts: pairs in the same predicted cluster vs the same gold cluster. */
export function pairwise(gold: readonly string[], predicted: readonly string[]): PairwiseScores {
  const pairs = (counts: Map<string, number>) => [...counts.values()].reduce((sum, n) => sum + (n * (n - 1)) / 2, 0)
  const count = (keys: readonly string[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>())
  const goldPairs = pairs(count(gold))
  const predictedPairs = pairs(count(predicted))
  const both = pairs(count(gold.map((g, i) => `${g}\u0000${predicted[i]}`)))
  const precision = predictedPairs ? both / predictedPairs : 1
  const recall = goldPairs ? both / goldPairs : 1
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, truePairs: goldPairs, predictedPairs, clusters: new Set(predicted).size }
}

const fmt = (s: PairwiseScores) =>
  `P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  (gold pairs ${s.truePairs}, predicted pairs ${s.predictedPairs}, clusters ${s.clusters})`

async function main(): Promise<void> {
  const verified = readVerified(join(dataDir, 'verified_claims.tsv'))
  // --train-distractors N: the train clustering that chooses the threshold holds N distractors (dev keeps --distractors).
  const { train, dev } = clefSplits(verified, Number(flag('train-distractors') ?? distractors), distractors)
  console.log(`setup: ${setup.depth} candidates, ${setup.members} members each, ${setup.aggregate}${setup.indexMembers ? ', member terms indexed' : ''}${setup.margin ? `, margin ${setup.margin}` : ''}`)
  console.log(`train: ${train.length} items (${new Set(train.map((i) => i.gold)).size} gold clusters); dev: ${dev.length} items (${new Set(dev.map((i) => i.gold)).size} gold clusters); ${flag('train-distractors') ?? distractors} / ${distractors} distractor verified claims`)
  // --models DIR: score with the models of DIR (an experiment's claim-similarity.json beside claim-matching.json).
  const models = () => createModelLoader(flag('models') ?? defaultModelDirectory())
  const similarity = createClaimSimilarity(models())
  let threshold = fixed !== undefined ? Number(fixed) : similarity.threshold
  let trainScores: PairwiseScores | null = null
  if (fixed === undefined) {
    let best: { t: number; s: PairwiseScores } | null = null
    // --grid LOW,HIGH narrows the sweep (same 0.05 steps) when a run is slow.
    const [low, high] = (flag('grid') ?? '0.05,0.95').split(',').map(Number) as [number, number]
    for (let t = low; t <= high + 0.001; t += 0.05) {
      const s = await clusterAndScore(train, Math.round(t * 100) / 100, similarity)
      if (process.argv.includes('--verbose')) console.log(`  train t=${t.toFixed(2)}  ${fmt(s)}`)
      if (!best || s.f1 > best.s.f1) best = { t: Math.round(t * 100) / 100, s }
    }
    threshold = best!.t
    trainScores = best!.s
    console.log(`train: best threshold ${threshold.toFixed(2)}: ${fmt(best!.s)}  (shipped threshold ${similarity.threshold})`)
  } else {
    trainScores = await clusterAndScore(train, threshold, similarity)
    console.log(`train at ${threshold.toFixed(2)}: ${fmt(trainScores)}`)
  }
  if (process.argv.includes('--train-only')) return
  // Cost per claim with nothing cached: a fresh scorer on the dev run (dev is scored once, at the train threshold).
  const devScores = await clusterAndScore(dev, threshold, createClaimSimilarity(models()))
  console.log(`dev at ${threshold.toFixed(2)}: ${fmt(devScores)}; ${devScores.msPerClaim!.toFixed(2)} ms wall, ${devScores.cpuMsPerClaim!.toFixed(2)} ms CPU per claim (store + BM25 candidates + term DFs + scoring, uncached)`)
  if (process.argv.includes('--cost')) {
    // Same run, same data, fresh scorers: the store's DF lookup for the IDF features off, then on again.
    const without = await clusterAndScore(dev, threshold, createClaimSimilarity(models()), false)
    const again = await clusterAndScore(dev, threshold, createClaimSimilarity(models()))
    console.log(`cost per claim on dev, CPU: ${without.cpuMsPerClaim!.toFixed(3)} ms without the DF lookup, ${again.cpuMsPerClaim!.toFixed(3)} ms with it (wall ${without.msPerClaim!.toFixed(2)} / ${again.msPerClaim!.toFixed(2)} ms)`)
  }
  if (process.argv.includes('--save')) {
    const path = join(import.meta.dirname, '../../models/claim-similarity.json')
    const file = JSON.parse(readFileSync(path, 'utf8')) as ModelFileManifest & Record<string, unknown>
    const r = (s: PairwiseScores) => ({ precision: +s.precision.toFixed(4), recall: +s.recall.toFixed(4), f1: +s.f1.toFixed(4), goldPairs: s.truePairs, predictedPairs: s.predictedPairs, clusters: s.clusters })
    file.threshold = threshold
    file.metrics = { ...file.metrics, clustering: { command: 'npx tsx training/clustering/evaluate.ts --save', distractors, threshold, setup, train: r(trainScores), dev: r(devScores), devMsPerClaim: +devScores.msPerClaim!.toFixed(3), devCpuMsPerClaim: +devScores.cpuMsPerClaim!.toFixed(3) } }
    writeModelFile(path, file)
    console.log(`saved threshold ${threshold} and the clustering metrics into ${path}`)
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
