// Lateral reading per analysed article over a generated reference corpus (default 100,000 short articles in a temporary
// SQLite store): the claims of one article are each looked up (BM25 top-30 candidates, the FNC-1 stance model dropping
// unrelated ones, the claim-stance model reading the related articles' sentences), and the time per article is reported
// as p50 / p99 (candidates below half the best BM25 score skipped, as the searcher does; also once without that cap),
// beside two same-run baselines over the same claims: BM25 alone, and BM25 + FNC-1 without claim-stance.
// Usage: npm run bench:lateral-reading [-- --articles 100000 --words 120 --queries 100 --claims 5 --db /tmp/x.db --json]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js'
import { createModelLoader } from '../src/models/loader.js'
import { createStanceClassifier, loadStanceModel } from '../src/analyzers/lateral-reading/stance/model.js'
import { createClaimStanceClassifier, loadClaimStanceModel } from '../src/analyzers/lateral-reading/claim-stance/model.js'
import { relatedArticles } from '../src/analyzers/lateral-reading/related.js'
import { generateClaim } from './generate-corpus-article.js'
import { fillCorpus, sqliteBytes } from './corpus-fixture.js'

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    words: { type: 'string', default: '120' },
    queries: { type: 'string', default: '100' },
    claims: { type: 'string', default: '5' },
    db: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
})
const ARTICLES = Number(values.articles)
const WORDS = Number(values.words)
const QUERIES = Number(values.queries)
const CLAIMS = Number(values.claims)
const CANDIDATES = 30

const models = createModelLoader()
const stanceModel = loadStanceModel(models)
const claimStanceModel = loadClaimStanceModel(models)
if (!claimStanceModel) throw new Error('models/claim-stance.json is missing: run npm run train:claim-stance first')
const claimStance = createClaimStanceClassifier(claimStanceModel)

const dir = values.db ? null : mkdtempSync(join(tmpdir(), 'factsift-bench-lateral-'))
const dbPath = values.db ?? join(dir!, 'corpus.db')
const store = openSqliteStore(dbPath)
const results: Record<string, unknown> = { articles: ARTICLES, bodyWords: WORDS, queryArticles: QUERIES, claimsPerArticle: CLAIMS, candidates: CANDIDATES, node: process.version }
try {
  const { buildSeconds } = await fillCorpus(store.corpus, ARTICLES, WORDS)
  const size = sqliteBytes(dbPath)
  results.database = { megabytes: round(size / 1e6), buildSeconds }

  // The analysed articles' claims: CLAIMS claim-like sentences about each of QUERIES corpus articles (reworded a little).
  const articles = Array.from({ length: QUERIES }, (_, q) => {
    const target = (q * 7_919 + 13) % ARTICLES
    return Array.from({ length: CLAIMS }, (_, c) => generateClaim(target, 1000 + q * CLAIMS + c, WORDS))
  })
  // One FNC-1 classifier per process, with its body-profile cache, as the searcher keeps it (default cache 2,000 bodies).
  const stance = createStanceClassifier(stanceModel, 2000)
  const warmStance = createStanceClassifier(stanceModel, 2000)
  for (let w = 0; w < 10; w++) {
    const claim = generateClaim((w * 104_729) % ARTICLES, 99 + w, WORDS)
    await relatedArticles(store, warmStance, claim, { candidates: CANDIDATES, claimStance })
  }

  const perArticle = async (lookup: (claim: string) => Promise<unknown>) => {
    const wall: number[] = []
    const cpu: number[] = []
    for (const claims of articles) {
      const t0 = performance.now()
      const c0 = cpuMs()
      for (const claim of claims) await lookup(claim)
      cpu.push(cpuMs() - c0)
      wall.push(performance.now() - t0)
    }
    return { ...percentiles(wall), cpu: percentiles(cpu) }
  }
  let decided = 0
  let related = 0
  // Order: BM25 alone, BM25 + FNC-1, full; then the full path once more, so a cold SQLite page cache on the first pass
  // does not flatter the later ones (the reported full figure is the second pass).
  const bm25 = await perArticle((claim) => store.corpus.search(claim, { limit: CANDIDATES }))
  const fnc1 = await perArticle((claim) => relatedArticles(store, stance, claim, { candidates: CANDIDATES, claimStance: null }))
  await perArticle((claim) => relatedArticles(store, stance, claim, { candidates: CANDIDATES, claimStance }))
  const full = await perArticle(async (claim) => {
    const items = await relatedArticles(store, stance, claim, { candidates: CANDIDATES, claimStance })
    related += items.length
    decided += items.filter((r) => r.sentences && r.sentences.stance !== 'nei').length
  })
  // Same run: the full path without the BM25 score-gap cap (every one of the top-30 candidates classified, as before).
  const uncapped = await perArticle((claim) => relatedArticles(store, stance, claim, { candidates: CANDIDATES, claimStance, minBm25Share: 0 }))
  results.perArticle = { bm25Only: bm25, bm25PlusFnc1: fnc1, bm25PlusFnc1PlusClaimStance: full, uncappedFull: uncapped }
  results.relatedPerClaim = round(related / (QUERIES * CLAIMS))
  results.decidedPerClaim = round(decided / (QUERIES * CLAIMS))
} finally {
  await store.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
}

if (values.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`)
else {
  const r = results as Record<string, any>
  const line = (name: string, m: any) => `  ${name.padEnd(36)} p50 ${m.p50} ms, p95 ${m.p95} ms, p99 ${m.p99} ms wall (CPU p50 ${m.cpu.p50} ms, p99 ${m.cpu.p99} ms)`
  process.stdout.write([
    `lateral reading per article: ${QUERIES} articles × ${CLAIMS} claims, BM25 top-${CANDIDATES} over ${ARTICLES} generated articles of ~${WORDS} words ` +
      `(${r.database.megabytes} MB SQLite${r.database.buildSeconds ? `, built in ${r.database.buildSeconds} s` : ''}; ${r.node}):`,
    line('BM25 alone (baseline)', r.perArticle.bm25Only),
    line('BM25 + FNC-1 (baseline)', r.perArticle.bm25PlusFnc1),
    line('BM25 + FNC-1 + claim-stance', r.perArticle.bm25PlusFnc1PlusClaimStance),
    line('same, no BM25 gap cap (all top-30)', r.perArticle.uncappedFull),
    `  related articles per claim ${r.relatedPerClaim}, read by claim-stance to a decision ${r.decidedPerClaim}`,
    '',
  ].join('\n'))
}

function cpuMs(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

function percentiles(samples: number[]): { p50: number; p95: number; p99: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!)
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), mean: round(samples.reduce((a, b) => a + b, 0) / samples.length) }
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
