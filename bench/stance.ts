// Benchmarks lateral reading on one core: stance pairs per second (cold and cached bodies, vs the baseline features) and
// BM25 retrieval latency over a generated corpus (default 100,000 articles).
// Usage: npm run bench:stance [-- --articles 100000 --words 300 --queries 300 --db /tmp/x.db --json]
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js'
import { createModelLoader } from '../src/models/loader.js'
import { createStanceClassifier, ensembleProbabilities, loadStanceModel } from '../src/analyzers/lateral-reading/stance/model.js'
import { baselineFeatures, prepareBaselineBody } from '../src/analyzers/lateral-reading/stance/baseline-features.js'
import { relatedArticles } from '../src/analyzers/lateral-reading/related.js'
import { generateClaim, generateCorpusArticle } from './generate-corpus-article.js'
import { fillCorpus, sqliteBytes } from './corpus-fixture.js'

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    words: { type: 'string', default: '300' },
    queries: { type: 'string', default: '300' },
    db: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
})
const ARTICLES = Number(values.articles)
const WORDS = Number(values.words)
const QUERIES = Number(values.queries)

const model = loadStanceModel(createModelLoader())
const results: Record<string, unknown> = { articles: ARTICLES, bodyWords: WORDS, node: process.version }

function cpuMs(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

function measure(run: () => number): { pairs: number; wallMs: number; cpuMs: number; perSecondWall: number; perSecondCpu: number } {
  const wall0 = performance.now()
  const cpu0 = cpuMs()
  const pairs = run()
  const wallMs = performance.now() - wall0
  const cpu = cpuMs() - cpu0
  return { pairs, wallMs: round(wallMs), cpuMs: round(cpu), perSecondWall: Math.round((pairs * 1000) / wallMs), perSecondCpu: Math.round((pairs * 1000) / cpu) }
}

// 1. Stance pairs: 40 claims × 30 candidate articles each (a few analyses' worth of lateral reading).
const CLAIMS = 40
const CANDIDATES = 30
const claims = Array.from({ length: CLAIMS }, (_, c) => generateClaim(ARTICLES + c * CANDIDATES, 17 + c, WORDS))
const bodies = Array.from({ length: CLAIMS * CANDIDATES }, (_, i) => generateCorpusArticle(ARTICLES + i, WORDS))
// Warm the JIT on 2,000 other pairs first, so the runs below measure a process in steady state.
{
  const warm = createStanceClassifier(model, 10)
  for (let i = 0; i < 2000; i++) warm.classify(warm.featurizer.headline(generateClaim(i, i, WORDS)), warm.featurizer.headline(generateCorpusArticle(ARTICLES * 2 + i, WORDS).body))
}
const classifier = createStanceClassifier(model, bodies.length + 1)
const cold = measure(() => {
  let pairs = 0
  for (let c = 0; c < CLAIMS; c++) {
    const headline = classifier.featurizer.headline(claims[c]!)
    for (let k = 0; k < CANDIDATES; k++) {
      const article = bodies[c * CANDIDATES + k]!
      classifier.classify(headline, classifier.featurizer.body(article.key, article.body))
      pairs++
    }
  }
  return pairs
})
// Steady state of a long-running process: the words are known (the cold run saw them), the article profiles are not.
const known = createStanceClassifier(model, bodies.length + 1)
const knownWords = measure(() => {
  let pairs = 0
  for (let c = 0; c < CLAIMS; c++) {
    const headline = known.featurizer.headline(claims[c]!)
    for (let k = 0; k < CANDIDATES; k++) {
      const article = bodies[c * CANDIDATES + k]!
      known.classify(headline, known.featurizer.body(article.key, article.body))
      pairs++
    }
  }
  return pairs
})
const cached = measure(() => {
  let pairs = 0
  for (let round = 0; round < 3; round++) {
    for (let c = 0; c < CLAIMS; c++) {
      const headline = classifier.featurizer.headline(claims[c]!)
      for (let k = 0; k < CANDIDATES; k++) {
        const article = bodies[((c + round) % CLAIMS) * CANDIDATES + k]!
        classifier.classify(headline, classifier.featurizer.body(article.key, article.body))
        pairs++
      }
    }
  }
  return pairs
})
const baseline = measure(() => {
  const ensemble = model.baseline!
  let pairs = 0
  for (let c = 0; c < CLAIMS; c++) {
    for (let k = 0; k < CANDIDATES; k++) {
      ensembleProbabilities(ensemble, baselineFeatures(claims[c]!, prepareBaselineBody(bodies[c * CANDIDATES + k]!.body)))
      pairs++
    }
  }
  return pairs
})
results.stance = { cold, knownWords, cached, baseline, coldVsBaseline: round(cold.perSecondCpu / baseline.perSecondCpu) }

// 2. Retrieval over the generated corpus.
const dir = values.db ? null : mkdtempSync(join(tmpdir(), 'factsift-bench-stance-'))
const dbPath = values.db ?? join(dir!, 'corpus.db')
const reuse = Boolean(values.db && existsSync(values.db))
const store = openSqliteStore(dbPath)
try {
  const { have, buildSeconds } = await fillCorpus(store.corpus, ARTICLES, WORDS)
  const size = sqliteBytes(dbPath)
  const targets = Array.from({ length: QUERIES }, (_, q) => (q * 7_919) % ARTICLES)
  const queries = targets.map((index, q) => generateClaim(index, 1000 + q, WORDS))
  for (const query of queries.slice(0, 20)) await store.corpus.search(query, { limit: CANDIDATES })
  const plain: number[] = []
  const plainCpu: number[] = []
  let found = 0
  for (let q = 0; q < queries.length; q++) {
    const t0 = performance.now()
    const c0 = cpuMs()
    const hits = await store.corpus.search(queries[q]!, { limit: CANDIDATES })
    plainCpu.push(cpuMs() - c0)
    plain.push(performance.now() - t0)
    if (hits.some((h) => h.article.key === `https://news.example/${targets[q]}`)) found++
  }
  const filtered: number[] = []
  for (const query of queries) {
    const t0 = performance.now()
    await store.corpus.search(query, { limit: CANDIDATES, outlets: ['Reuters', 'AP'], publishedAfter: '2024-03-01', publishedBefore: '2024-09-30' })
    filtered.push(performance.now() - t0)
  }
  const endToEnd: number[] = []
  const searcher = createStanceClassifier(model, 2000)
  for (const query of queries.slice(0, 100)) {
    const t0 = performance.now()
    await relatedArticles(store, searcher, query, { candidates: CANDIDATES })
    endToEnd.push(performance.now() - t0)
  }
  results.retrieval = {
    database: { path: reuse ? dbPath : '(temporary)', megabytes: round(size / 1e6), buildSeconds, articlesPerSecond: buildSeconds ? Math.round((ARTICLES - have) / buildSeconds) : null },
    queries: queries.length,
    top30: { ...percentiles(plain), cpu: percentiles(plainCpu), sourceFoundInTop30: round(found / queries.length) },
    top30Filtered: percentiles(filtered),
    relatedEndToEnd: { ...percentiles(endToEnd), queries: endToEnd.length },
  }
} finally {
  await store.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
}

if (values.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`)
else printReport(results)

function printReport(r: Record<string, any>): void {
  const s = r.stance
  const line = (name: string, m: any) =>
    `  ${name.padEnd(44)} ${String(m.perSecondCpu).padStart(7)} pairs/s per CPU-second  (${m.perSecondWall} pairs/s wall, ${m.pairs} pairs)`
  const t = r.retrieval
  process.stdout.write([
    `stance on one core (${CLAIMS} claims × ${CANDIDATES} articles of ~${WORDS} words; ${r.node}):`,
    line('cold: every article profiled from its text', s.cold),
    line('new articles, words seen before', s.knownWords),
    line('cached: article profiles reused (LRU)', s.cached),
    line('baseline: official-baseline features + trees', s.baseline),
    `  cold model / baseline: ${s.coldVsBaseline}×`,
    `retrieval over ${ARTICLES} generated articles (${t.database.megabytes} MB SQLite` +
      (t.database.buildSeconds ? `, built in ${t.database.buildSeconds} s = ${t.database.articlesPerSecond} articles/s` : '') + '):',
    `  BM25 top-30:                     p50 ${t.top30.p50} ms, p95 ${t.top30.p95} ms, p99 ${t.top30.p99} ms wall ` +
      `(CPU p50 ${t.top30.cpu.p50} ms, p95 ${t.top30.cpu.p95} ms); source article in top 30 for ${(t.top30.sourceFoundInTop30 * 100).toFixed(0)}% of ${t.queries} queries`,
    `  BM25 top-30 with outlet+date filters: p50 ${t.top30Filtered.p50} ms, p95 ${t.top30Filtered.p95} ms`,
    `  related(): BM25 + stance on 30:  p50 ${t.relatedEndToEnd.p50} ms, p95 ${t.relatedEndToEnd.p95} ms (${t.relatedEndToEnd.queries} claims)`,
    '',
  ].join('\n'))
}

function percentiles(samples: number[]): { p50: number; p95: number; p99: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!)
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), mean: round(samples.reduce((a, b) => a + b, 0) / samples.length) }
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
