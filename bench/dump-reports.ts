// Dumps reports without timings for a fixed set of inputs, to check that a speed change leaves results byte-identical.
// Usage: npx tsx bench/dump-reports.ts OUT_DIR   (then `diff -r` two dumps)
// Inputs: examples/*.txt and examples/reference-articles, each report-gold part's articles (analyzed against a store
// holding that part's fact-checks and reference articles, as `factsift eval report` does), ../shared/seed/*.txt, and
// a few generated articles (short, ~800 words, ~60k words).
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { createEngine, type Engine } from '../src/engine/engine.js'
import { openAnalysisServices } from '../src/engine/services.js'
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js'
import { importFactChecks } from '../src/factchecks/import/import-file.js'
import { readCorpusInputs } from '../src/corpus/read-inputs.js'
import { addArticles } from '../src/corpus/add-articles.js'
import { loadGoldParts } from '../training/report/gold.js'
import { generateArticle } from './generate-article.js'

const out = process.argv[2]
if (!out) throw new Error('usage: dump-reports.ts OUT_DIR')
mkdirSync(out, { recursive: true })

function strip(report: unknown): string {
  return JSON.stringify(report, (key, value) => (key === 'timings' || key === 'analyzedAt' ? undefined : value), 2)
}

async function dump(engine: Engine, name: string, run: () => Promise<unknown>): Promise<void> {
  let text: string
  try {
    text = strip(await run())
  } catch (error) {
    text = `ERROR ${(error as Error).message}`
  }
  writeFileSync(join(out, `${name}.json`), text)
  void engine
}

const plain = createEngine()
const txts = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f)) : [])
for (const path of [...txts('examples'), ...txts('examples/reference-articles'), ...txts('../shared/seed')]) {
  await dump(plain, `plain-${basename(path)}`, () => plain.analyzeLocation(path))
}
for (const [i, words] of [[1, 30], [2, 120], [3, 800], [4, 800], [5, 60000]] as const) {
  await dump(plain, `gen-${i}-${words}`, () => plain.analyze({ text: generateArticle(i, words) }))
}

for (const part of loadGoldParts('test/fixtures/report-gold')) {
  const tmp = mkdtempSync(join(tmpdir(), 'factsift-dump-'))
  const db = join(tmp, 'gold.db')
  const store = openSqliteStore(db)
  if (part.claimReviews) await importFactChecks(store.factchecks, part.claimReviews, { format: 'json' })
  if (part.referenceArticles) await addArticles(store.corpus, readCorpusInputs([part.referenceArticles], { maxBytes: 50 * 1024 * 1024 }))
  await store.close()
  const services = await openAnalysisServices({ db })
  const engine = createEngine({ services })
  for (const article of part.articles) {
    await dump(engine, `gold-${part.name}-${basename(article.path)}`, () => engine.analyzeLocation(article.path, article.judgments.input ?? {}))
  }
  await services.store?.close()
  rmSync(tmp, { recursive: true, force: true })
}
console.log(`dumped to ${out}`)
