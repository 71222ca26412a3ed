// Scale benchmark of the fact-check memory: import rate into SQLite, database size, match latency at N fact-checks
// (re-ranked, with plain BM25 search as the baseline in the same run), and peak memory while importing a big streamed
// JSON file. All data is generated (synthetic words with a Zipf distribution) into a temp folder and deleted after.
//   npm run bench:factchecks -- [--count 1000000] [--queries 1000] [--stream-mb 1024] [--dir /tmp] [--keep]
import { fork } from 'node:child_process'
import { createWriteStream, mkdtempSync, rmSync, statSync, existsSync } from 'node:fs'
import { once } from 'node:events'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { parseArgs } from 'node:util'
import { createRng, type Rng } from '../src/ml/rng.js'
import { openStore } from '../src/store/open-store.js'
import { importFactChecks } from '../src/factchecks/import/import-file.js'
import { createModelLoader } from '../src/models/loader.js'
import { createFactCheckMatcher, loadClaimMatchingModel } from '../src/analyzers/factchecks/matcher.js'

const SYLLABLES = ['ba', 'ke', 'ri', 'to', 'mu', 'sa', 'ne', 'lo', 'pi', 'da', 've', 'go', 'zu', 'fa', 'ti', 'ro', 'me', 'ka', 'li', 'no', 'su', 'de', 'ha', 'ju', 'we', 'sh', 'st', 'pr', 'an', 'el', 'or', 'um']
const FUNCTION_WORDS = ['the', 'a', 'of', 'to', 'in', 'and', 'is', 'that', 'for', 'on', 'was', 'with', 'as', 'by', 'his', 'her', 'at', 'from', 'are', 'has', 'said', 'shows', 'after']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const RATINGS = ['False', 'Mostly False', 'Half True', 'Mostly True', 'True', 'Pants on Fire', 'Misleading', 'Unproven']

/** Synthetic English-like text: 60,000 pseudo-words with Zipf frequencies (s = 1.05) mixed with function words. */
function createTextGenerator(seed: number) {
  const rng: Rng = createRng(seed)
  const vocab: string[] = []
  const seen = new Set<string>()
  const wordRng = createRng(12345)
  while (vocab.length < 60_000) {
    let w = ''
    const n = 2 + Math.floor(wordRng() * 3)
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(wordRng() * SYLLABLES.length)]
    if (!seen.has(w)) {
      seen.add(w)
      vocab.push(w)
    }
  }
  const cdf = new Float64Array(vocab.length)
  let sum = 0
  for (let i = 0; i < vocab.length; i++) cdf[i] = sum += 1 / Math.pow(i + 1, 1.05)
  for (let i = 0; i < vocab.length; i++) cdf[i] /= sum
  const contentWord = () => {
    const u = rng()
    let lo = 0
    let hi = vocab.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cdf[mid]! < u) lo = mid + 1
      else hi = mid
    }
    const w = vocab[lo]!
    return rng() < 0.08 ? w[0]!.toUpperCase() + w.slice(1) : w
  }
  const word = () => (rng() < 0.35 ? FUNCTION_WORDS[Math.floor(rng() * FUNCTION_WORDS.length)]! : rng() < 0.03 ? String(Math.floor(rng() * 2000)) : contentWord())
  const words = (min: number, max: number) => Array.from({ length: min + Math.floor(rng() * (max - min + 1)) }, word)
  const sentence = (min: number, max: number) => {
    const t = words(min, max).join(' ')
    return `${t[0]!.toUpperCase()}${t.slice(1)}.`
  }
  return { rng, word, words, sentence, contentWord }
}

type TextGenerator = ReturnType<typeof createTextGenerator>

function factCheck(g: TextGenerator, i: number) {
  return {
    claim: g.sentence(8, 28),
    claimant: g.rng() < 0.5 ? `${g.contentWord()} ${g.contentWord()}` : null,
    rating: RATINGS[i % RATINGS.length],
    factChecker: `Checker ${i % 40}`,
    url: `https://factchecks.example.org/${i}`,
    reviewedAt: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`,
    language: 'en',
    title: `${g.sentence(4, 10).slice(0, -1)}?`,
  }
}

function claimReview(g: TextGenerator, i: number): string {
  const f = factCheck(g, i)
  return JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: f.url,
    claimReviewed: f.claim,
    itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: f.claimant ?? 'Someone' }, datePublished: f.reviewedAt },
    author: { '@type': 'Organization', name: f.factChecker, url: 'https://factchecks.example.org' },
    reviewRating: { '@type': 'Rating', alternateName: f.rating, ratingValue: 1 + (i % 5), bestRating: 5, worstRating: 1 },
    datePublished: f.reviewedAt,
    headline: f.title,
    inLanguage: 'en',
  })
}

async function writeLines(path: string, lines: (i: number) => string, until: (i: number, bytes: number) => boolean, open = '', close = '', separator = '\n') {
  const out = createWriteStream(path)
  let bytes = 0
  let i = 0
  out.write(open)
  for (; !until(i, bytes); i++) {
    const line = `${i > 0 ? separator : ''}${lines(i)}`
    bytes += Buffer.byteLength(line)
    if (!out.write(line)) await once(out, 'drain')
  }
  out.end(close)
  await once(out, 'finish')
  return { records: i, bytes }
}

function cpuMs(start: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(start)
  return (c.user + c.system) / 1000
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** A tweet-like query: most of a stored claim (or none of one), noise words, and a signature. */
function makeQuery(g: TextGenerator, source: string | null): string {
  const kept = source ? source.replace(/[.?]/g, '').split(' ').filter(() => g.rng() < 0.7) : g.words(12, 25)
  const noise = g.words(5, 12)
  return `${[...kept, ...noise].join(' ')} — ${g.contentWord()} ${g.contentWord()} (@${g.contentWord()}) ${MONTHS[Math.floor(g.rng() * 12)]} ${1 + Math.floor(g.rng() * 28)}, 2021`
}

async function benchImportAndMatch(dir: string, count: number, queries: number) {
  const g = createTextGenerator(7)
  const file = join(dir, 'factchecks.jsonl')
  let t = performance.now()
  await writeLines(file, (i) => JSON.stringify(factCheck(g, i)), (i) => i >= count)
  console.log(`generated ${count} fact-checks as JSONL (${mb(statSync(file).size)}) in ${((performance.now() - t) / 1000).toFixed(1)} s`)

  const dbPath = join(dir, 'bench.db')
  const store = await openStore(dbPath)
  t = performance.now()
  const cpu = process.cpuUsage()
  const summary = await importFactChecks(store.factchecks, file, { batchSize: 5000 })
  const wall = performance.now() - t
  const importCpu = cpuMs(cpu)
  console.log(
    `import: ${summary.inserted} inserted (${summary.skipped} skipped) in ${(wall / 1000).toFixed(1)} s wall, ${(importCpu / 1000).toFixed(1)} s CPU` +
      ` → ${Math.round(summary.inserted / (wall / 1000))} fact-checks/s wall, ${Math.round(summary.inserted / (importCpu / 1000))} /s per CPU-second (target ≥ 20,000)`,
  )
  await store.close()
  const dbBytes = statSync(dbPath).size + (existsSync(`${dbPath}-wal`) ? statSync(`${dbPath}-wal`).size : 0)
  console.log(`database: ${mb(dbBytes)} for ${count} fact-checks (${Math.round(dbBytes / count)} bytes each, file + WAL after close)`)

  const reopened = await openStore(dbPath)
  const loader = createModelLoader()
  const model = loadClaimMatchingModel(loader)
  const matcher = createFactCheckMatcher(reopened, loader)
  const qg = createTextGenerator(99)
  const pick = (i: number) => `https://factchecks.example.org/${Math.floor(qg.rng() * count + i) % count}`
  const texts: { text: string; source: string | null }[] = []
  for (let i = 0; i < queries + 50; i++) {
    const key = pick(i)
    const record = i % 2 === 0 ? await reopened.factchecks.get!(key) : null
    texts.push({ text: makeQuery(qg, record ? `${record.claim} ${record.title}` : null), source: record ? key : null })
  }
  const measure = async (label: string, fn: (text: string) => Promise<unknown>) => {
    for (const q of texts.slice(0, 50)) await fn(q.text) // warm-up: JIT, page cache, term statistics
    const wallTimes: number[] = []
    const cpuTimes: number[] = []
    const results: unknown[] = []
    for (const q of texts.slice(50)) {
      const c = process.cpuUsage()
      const w = performance.now()
      results.push(await fn(q.text))
      wallTimes.push(performance.now() - w)
      cpuTimes.push(cpuMs(c))
    }
    wallTimes.sort((a, b) => a - b)
    cpuTimes.sort((a, b) => a - b)
    const fig = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(2)} ms, p90 ${percentile(xs, 90).toFixed(2)} ms, p99 ${percentile(xs, 99).toFixed(2)} ms`
    console.log(`${label}: CPU ${fig(cpuTimes)} | wall ${fig(wallTimes)}`)
    return { p50: percentile(cpuTimes, 50), p99: percentile(cpuTimes, 99), results }
  }
  const bm25 = await measure(`BM25 search (top ${model.depth}), ${count} fact-checks`, (text) => reopened.factchecks.search(text, model.depth))
  const match = await measure(`match (BM25 + re-rank), ${count} fact-checks`, (text) => matcher.match(text, 3))
  console.log(`match / BM25 search: p50 ×${(match.p50 / bm25.p50).toFixed(2)}, p99 ×${(match.p99 / bm25.p99).toFixed(2)} (targets: match p50 ≤ 5 ms, p99 ≤ 25 ms on one core)`)
  const measured = texts.slice(50)
  const copies = measured.filter((q) => q.source)
  const found = copies.filter((q) => (match.results[measured.indexOf(q)] as { url: string }[])[0]?.url === q.source).length
  const quiet = measured.filter((q, i) => !q.source && (match.results[i] as unknown[]).length === 0).length
  console.log(
    `sanity (synthetic words, threshold ${model.threshold}): a query copying 70% of a stored claim shows it as the top match in` +
      ` ${((found / copies.length) * 100).toFixed(1)}%; a query copying none shows no match in ${((quiet / (measured.length - copies.length)) * 100).toFixed(1)}%`,
  )
  await reopened.close()
}

/** Runs one streamed import in a child process (a clean heap) and reports its peak RSS. */
function childImport(file: string, db: string): Promise<{ records: number; peakRss: number; startRss: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(import.meta.filename, ['--child-import', file, '--child-db', db], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    child.on('message', (m) => resolve(m as { records: number; peakRss: number; startRss: number; ms: number }))
    child.on('error', reject)
    child.on('exit', (code) => (code ? reject(new Error(`child import exited with ${code}`)) : undefined))
  })
}

async function benchStreamedImport(dir: string, megabytes: number) {
  for (const size of [Math.max(1, Math.round(megabytes / 8)), megabytes]) {
    const g = createTextGenerator(3)
    const file = join(dir, `claimreviews-${size}mb.json`)
    const t = performance.now()
    const written = await writeLines(file, (i) => claimReview(g, i), (_, bytes) => bytes >= size * 1024 * 1024, '[\n', '\n]\n', ',\n')
    console.log(`generated a ${mb(written.bytes)} JSON array of ${written.records} ClaimReviews in ${((performance.now() - t) / 1000).toFixed(1)} s`)
    const db = join(dir, `stream-${size}.db`)
    const r = await childImport(file, db)
    console.log(
      `streamed import of ${mb(written.bytes)}: ${r.records} records in ${(r.ms / 1000).toFixed(1)} s; RSS ${mb(r.startRss)} at start, peak ${mb(r.peakRss)}` +
        ` (${((r.peakRss / written.bytes) * 100).toFixed(1)}% of the file size)`,
    )
    rmSync(file, { force: true })
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true })
  }
}

async function child(file: string, db: string) {
  const store = await openStore(db)
  const startRss = process.memoryUsage.rss()
  let peakRss = startRss
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20)
  const t = performance.now()
  const summary = await importFactChecks(store.factchecks, file, { batchSize: 5000 })
  clearInterval(timer)
  peakRss = Math.max(peakRss, process.memoryUsage.rss())
  await store.close()
  process.send!({ records: summary.inserted, peakRss, startRss, ms: performance.now() - t })
}

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000000' },
    queries: { type: 'string', default: '1000' },
    'stream-mb': { type: 'string', default: '1024' },
    dir: { type: 'string', default: tmpdir() },
    keep: { type: 'boolean', default: false },
    'child-import': { type: 'string' },
    'child-db': { type: 'string' },
  },
})

if (values['child-import']) {
  await child(values['child-import'], values['child-db']!)
} else {
  const dir = mkdtempSync(join(values.dir!, 'factsift-bench-'))
  console.log(`bench:factchecks in ${dir} — node ${process.version}, ${new Date().toISOString()}`)
  try {
    await benchImportAndMatch(dir, Number(values.count), Number(values.queries))
    if (Number(values['stream-mb']) > 0) await benchStreamedImport(dir, Number(values['stream-mb']))
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true })
  }
}
