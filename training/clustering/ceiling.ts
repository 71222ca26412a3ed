// Ceiling analysis of the claim clustering (issue 19): how many gold pairs a split holds and of what kind, the pairwise
// F1 an oracle reaches when it picks the right candidate cluster whenever one is among the BM25 candidates (candidate
// recall), a threshold sweep on the split (dev-tuned: an upper bound, not a result) and sample errors.
//   npx tsx training/clustering/ceiling.ts [--split dev|train] [--depth N] [--errors N]
import { join } from 'node:path'
import { readQrels } from '../claim-matching/clef-data.js'
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js'
import type { ClusterCandidate, ClusterPolicy, ClusterTermStats } from '../../src/store/claim-repository.js'
import { chooseCluster, createClaimSimilarity, CLUSTER_CANDIDATES, listContexts, MEMBERS_COMPARED, statsTermsOf } from '../../src/watch/claim-similarity.js'
import { createModelLoader, defaultModelDirectory } from '../../src/models/loader.js'
import { dataDir, pairwise, readVerified, splitItems, type Item } from './evaluate.js'

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}
const split = (flag('split') ?? 'dev') as 'train' | 'dev'
const distractors = Number(flag('distractors') ?? 1000)
const depth = Number(flag('depth') ?? CLUSTER_CANDIDATES)
const showErrors = Number(flag('errors') ?? 20)

type Choose = (text: string, candidates: readonly ClusterCandidate[], goldOf: (id: string) => string | undefined, item: Item, stats?: ClusterTermStats) => { id: string; similarity: number } | null

/** Runs the production path with `choose` deciding; returns the assigned cluster per item. */
async function run(items: readonly Item[], choose: Choose): Promise<string[]> {
  const store = openSqliteStore(':memory:')
  const clusterGold = new Map<string, string>()
  const assigned: string[] = []
  let current = 0
  const policy: ClusterPolicy = { choose: (text, candidates, stats) => choose(text, candidates, (id) => clusterGold.get(id), items[current]!, stats), statsTerms: statsTermsOf, alerts: () => [], candidates: depth, members: MEMBERS_COMPARED }
  try {
    for (const [i, item] of items.entries()) {
      current = i
      const claim = { claimIndex: 0, text: item.text, sentence: 0, start: 0, end: item.text.length, articleUrl: null, articleTitle: null, outlet: null, speaker: null, publishedAt: null, seenAt: i, checkworthiness: 1, verdict: null, factchecks: [], stance: { agree: 0, disagree: 0, discuss: 0 } }
      const r = await store.claims.addReportClaims(`item-${i}`, [claim], policy, { webhooks: [], now: i })
      const id = r.claims[0]!.clusterId
      if (!clusterGold.has(id)) clusterGold.set(id, item.gold)
      assigned.push(id)
    }
  } finally {
    await store.close()
  }
  return assigned
}

const fmt = (s: ReturnType<typeof pairwise>) => `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} (gold ${s.truePairs}, predicted ${s.predictedPairs})`

const verified = readVerified(join(dataDir, 'verified_claims.tsv'))
const devGold = new Set([...readQrels(join(dataDir, 'dev.qrels')).values()].flatMap((s) => [...s]))
const train = splitItems('train', verified, devGold, distractors)
const items = split === 'train' ? train : splitItems('dev', verified, new Set(train.map((i) => i.gold)), distractors)
const verifiedTexts = new Set(verified.values())
const gold = items.map((i) => i.gold)

// 1. What the split holds.
const byGold = new Map<string, Item[]>()
for (const it of items) byGold.set(it.gold, [...(byGold.get(it.gold) ?? []), it])
let tweetClaim = 0, tweetTweet = 0, tweetsSharing = 0
for (const members of byGold.values()) {
  const tweets = members.filter((m) => !verifiedTexts.has(m.text)).length
  tweetClaim += tweets * (members.length - tweets)
  tweetTweet += (tweets * (tweets - 1)) / 2
  if (tweets > 1) tweetsSharing += tweets
}
console.log(`${split}: ${items.length} items, ${items.filter((i) => !verifiedTexts.has(i.text)).length} tweets, ${byGold.size} gold clusters; gold pairs: ${tweetClaim} tweet–claim, ${tweetTweet} tweet–tweet; ${tweetsSharing} tweets share their claim with another tweet of the split`)
console.log(`all singletons: ${fmt(pairwise(gold, items.map((_, i) => `s${i}`)))}`)

// 2. Oracle: the right cluster whenever it is among the candidates (pure clusters, so a cluster's gold is its first item's).
const oracle = await run(items, (_t, candidates, goldOf, item) => {
  const hit = candidates.find((c) => goldOf(c.id) === item.gold)
  return hit ? { id: hit.id, similarity: 1 } : null
})
console.log(`oracle over ${depth} BM25 candidates (candidate-recall ceiling): ${fmt(pairwise(gold, oracle))}`)

// 3. Threshold sweep on this split (on dev: tuned on dev, an upper bound only).
// --models DIR: an experiment's claim-similarity.json (beside claim-matching.json).
const similarity = createClaimSimilarity(createModelLoader(flag('models') ?? defaultModelDirectory()))
const decisions: { item: number; text: string; chosen: string | null; chosenGold?: string; score: number; rightAvailable: boolean; rightScore: number | null }[] = []
let sweepBest = { t: 0, f1: -1, line: '' }
// --sweep LOW,HIGH narrows the sweep (same 0.05 steps).
const [sweepLow, sweepHigh] = (flag('sweep') ?? '0.05,0.95').split(',').map(Number) as [number, number]
for (let t = sweepLow; !process.argv.includes('--no-sweep') && t <= sweepHigh + 0.001; t += 0.05) {
  const tt = Math.round(t * 100) / 100
  const out = await run(items, (text, candidates, _g, _i, stats) => chooseCluster(text, candidates, tt, similarity, undefined, stats))
  const s = pairwise(gold, out)
  if (process.argv.includes('--verbose')) console.log(`  ${split} t=${tt}: ${fmt(s)}`)
  if (s.f1 > sweepBest.f1) sweepBest = { t: tt, f1: s.f1, line: fmt(s) }
}
console.log(`${split}-tuned threshold ${sweepBest.t}: ${sweepBest.line}`)

// 4. Errors at the shipped threshold: wrong joins and misses (right cluster among the candidates but not chosen).
const texts = new Map<string, string>()
const links: [number, number][] = []
const firstIndex = new Map<string, number>()
items.forEach((it, i) => { if (!firstIndex.has(it.text)) firstIndex.set(it.text, i) })
const threshold = Number(flag('threshold') ?? similarity.threshold)
const assignedAt = await run(items, (text, candidates, goldOf, item, stats) => {
  for (const c of candidates) texts.set(c.id, c.representative)
  const choice = chooseCluster(text, candidates, threshold, similarity, undefined, stats)
  if (choice) {
    // The member the join leans on most (its best-scoring member text): the direct link behind the join.
    const c = candidates.find((k) => k.id === choice.id)!
    const members = c.members && c.members.length > 0 ? c.members : [c.representative]
    const k = candidates.indexOf(c)
    const scored = members.map((m) => [similarity.similarity(text, m, listContexts(candidates)[k], stats), m] as const).sort((a, b) => b[0] - a[0])
    links.push([items.indexOf(item), firstIndex.get(scored[0]![1])!])
  }
  const right = candidates.find((c) => goldOf(c.id) === item.gold)
  const rightScore = right ? chooseCluster(text, [right], 0, similarity, undefined, stats)?.similarity ?? 0 : null
  decisions.push({ item: items.indexOf(item), text, chosen: choice?.id ?? null, chosenGold: choice ? goldOf(choice.id) : undefined, score: choice?.similarity ?? 0, rightAvailable: Boolean(right), rightScore })
  return choice
})
const wrong = decisions.filter((d) => d.chosen && d.chosenGold !== items[d.item]!.gold)
const missed = decisions.filter((d) => !d.chosen && d.rightAvailable)
const unreachable = decisions.filter((d) => !d.rightAvailable && (byGold.get(items[d.item]!.gold)!.indexOf(items[d.item]!) > 0))
console.log(`at ${threshold}: ${fmt(pairwise(gold, assignedAt))}; ${wrong.length} wrong joins, ${missed.length} misses with the right cluster among the candidates, ${unreachable.length} items whose earlier gold mates are not among the candidates`)
// Chaining: a wrong pair is direct when one item joined through the other (its best-scoring member), else it came by
// the transitivity of single-link joins (A joined B, C joined B: A–C never compared as the deciding link).
{
  const direct = new Set(links.map(([a, b]) => (a < b ? `${a},${b}` : `${b},${a}`)))
  const byCluster = new Map<string, number[]>()
  assignedAt.forEach((c, i) => byCluster.set(c, [...(byCluster.get(c) ?? []), i]))
  let wrongPairs = 0, wrongDirect = 0, rightPairs = 0, rightDirect = 0
  for (const members of byCluster.values()) for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) {
    const [a, b] = [members[x]!, members[y]!]
    const isDirect = direct.has(a < b ? `${a},${b}` : `${b},${a}`)
    if (items[a]!.gold === items[b]!.gold) { rightPairs++; if (isDirect) rightDirect++ }
    else { wrongPairs++; if (isDirect) wrongDirect++ }
  }
  console.log(`predicted pairs at ${threshold}: ${rightPairs} right (${rightDirect} direct links), ${wrongPairs} wrong (${wrongDirect} direct links, ${wrongPairs - wrongDirect} by chaining)`)
}
const kind = (t: string) => (verifiedTexts.has(t) ? 'claim' : 'tweet')
// Diagnostic: the same run with joins of two verified claims forbidden (they are distinct by construction): how much of
// the gap those merges make.
const noClaimMerges = await run(items, (text, candidates, _g, _i, stats) =>
  chooseCluster(text, verifiedTexts.has(text) ? candidates.filter((c) => !verifiedTexts.has(c.representative)) : candidates, threshold, similarity, undefined, stats))
console.log(`diagnostic, joins of two verified claims forbidden: ${fmt(pairwise(gold, noClaimMerges))}`)
const kinds = new Map<string, number>()
for (const d of wrong) { const k = `${kind(d.text)}→${kind(texts.get(d.chosen!)!)}`; kinds.set(k, (kinds.get(k) ?? 0) + 1) }
console.log(`wrong joins by kind (new → cluster representative): ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`)
for (const d of [...wrong.slice(0, showErrors / 2), ...missed.slice(0, showErrors / 2)]) {
  const mine = items[d.item]!
  const other = d.chosen ? texts.get(d.chosen)! : [...byGold.get(mine.gold)!].find((m) => m !== mine && items.indexOf(m) < d.item)!.text
  console.log(`\n[${d.chosen ? `WRONG JOIN p=${d.score}` : `MISS right p=${d.rightScore}`}] ${kind(mine.text)}: ${mine.text.slice(0, 220)}\n   ${d.chosen ? 'joined' : 'should join'} ${kind(other)}: ${other.slice(0, 220)}`)
}
