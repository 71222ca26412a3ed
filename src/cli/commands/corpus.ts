// `factsift corpus add|stats|search`: the reference corpus for lateral reading (other outlets' coverage of the same claims).
import type { Command } from 'commander'
import { runAction } from '../run-action.js'
import { checkTextOrJson, parseByteSize, parsePositiveInt } from '../parse-options.js'

interface StoreFlags {
  db?: string
  format: string
}

interface AddFlags extends StoreFlags {
  outlet?: string
  maxBytes?: number
  quiet?: boolean
}

interface SearchFlags extends StoreFlags {
  limit: number
  outlet?: string[]
  after?: string
  before?: string
  stance?: boolean
}

export default function register(program: Command): void {
  const corpus = program
    .command('corpus')
    .description('Reference coverage for lateral reading: add articles, show what is there, search it')
  corpus
    .command('add')
    .description('Add reference articles (idempotent: keyed by URL, else content hash); bad items are reported and skipped')
    .argument('<inputs...>', 'files (.jsonl .csv .tsv .json .txt .md .html), folders (read recursively), or - for JSON lines on stdin')
    .option('--db <location>', 'store: SQLite file or postgres:// URL (default ~/.factsift/factsift.db or $FACTSIFT_DB)')
    .option('--outlet <name>', 'outlet for articles that name none and have no URL')
    .option('--max-bytes <size>', 'largest JSON, text or HTML file read whole (default 50MB)', parseByteSize)
    .option('-q, --quiet', 'do not list skipped items (the summary still counts them)')
    .option('-f, --format <format>', 'text | json', 'text')
    .action(runAction(addCommand))
  corpus
    .command('stats')
    .description('Articles, outlets and date range of the corpus')
    .option('--db <location>', 'store: SQLite file or postgres:// URL')
    .option('-f, --format <format>', 'text | json', 'text')
    .action(runAction(statsCommand))
  corpus
    .command('search')
    .description('Full-text search (BM25 over titles and bodies); with --stance, classify each hit against the query as a claim')
    .argument('<text>', 'words or a claim to look for')
    .option('--db <location>', 'store: SQLite file or postgres:// URL')
    .option('-n, --limit <n>', 'results to show', parsePositiveInt, 10)
    .option('--outlet <name...>', 'only these outlets (repeatable)')
    .option('--after <date>', 'only articles published on or after this date (ISO 8601)')
    .option('--before <date>', 'only articles published on or before this date (ISO 8601)')
    .option('--stance', 'classify each hit (agree / disagree / discuss) with the stance model; unrelated hits are dropped')
    .option('-f, --format <format>', 'text | json', 'text')
    .action(runAction(searchCommand))
}

async function addCommand(inputs: string[], flags: AddFlags): Promise<void> {
  checkTextOrJson(flags.format)
  const [{ openStore, defaultDatabasePath }, { readCorpusInputs }, { addArticles }, { FactsiftError }] = await Promise.all([
    import('../../store/open-store.js'),
    import('../../corpus/read-inputs.js'),
    import('../../corpus/add-articles.js'),
    import('../../errors.js'),
  ])
  const items = readCorpusInputs(inputs, { maxBytes: flags.maxBytes ?? 50 * 1024 * 1024, outlet: flags.outlet })
  const store = await openStore(flags.db ?? defaultDatabasePath())
  try {
    const summary = await addArticles(store.corpus, items, {
      onProblem: flags.quiet ? undefined : (p) => process.stderr.write(`factsift: skipped ${p.where}: ${p.message}\n`),
    })
    const total = await store.corpus.count()
    if (flags.format === 'json') process.stdout.write(`${JSON.stringify({ ...summary, store: store.location, articles: total }, null, 2)}\n`)
    else {
      process.stdout.write(
        `corpus: ${summary.read} articles read: ${summary.inserted} added, ${summary.updated} updated, ${summary.unchanged} unchanged; ` +
          `${summary.skipped} skipped\n` + `store: ${store.location} (${total} articles)\n`,
      )
    }
    if (summary.read === 0 && summary.skipped > 0) {
      throw new FactsiftError('E_BAD_DATA_ROW', `no article could be read: ${summary.skipped} item(s) skipped`)
    }
  } finally {
    await store.close()
  }
}

async function statsCommand(flags: StoreFlags): Promise<void> {
  checkTextOrJson(flags.format)
  const store = await openExisting(flags.db)
  const stats = store ? await store.corpus.stats() : { articles: 0, distinctOutlets: 0, outlets: [], withoutOutlet: 0, earliest: null, latest: null }
  await store?.close()
  if (flags.format === 'json') {
    process.stdout.write(`${JSON.stringify(stats, null, 2)}\n`)
    return
  }
  const lines = [`${stats.articles} articles from ${stats.distinctOutlets ?? stats.outlets.length} outlets` +
    (stats.withoutOutlet ? ` (${stats.withoutOutlet} without an outlet)` : '')]
  if (stats.earliest) lines.push(`published ${stats.earliest} … ${stats.latest}`)
  for (const { outlet, articles } of stats.outlets.slice(0, 20)) lines.push(`  ${String(articles).padStart(8)}  ${outlet}`)
  process.stdout.write(`${lines.join('\n')}\n`)
}

async function searchCommand(text: string, flags: SearchFlags): Promise<void> {
  checkTextOrJson(flags.format)
  const [{ normalizeDate }, { FactsiftError }] = await Promise.all([import('../../ingest/dates.js'), import('../../errors.js')])
  const date = (value: string | undefined, name: string) => {
    if (value === undefined) return undefined
    const normalized = normalizeDate(value)
    if (!normalized) throw new FactsiftError('E_BAD_ARGUMENT', `--${name} must be a date such as 2024-03-05, got "${value}"`)
    return normalized
  }
  const filter = { outlets: flags.outlet, publishedAfter: date(flags.after, 'after'), publishedBefore: date(flags.before, 'before') }
  const store = await openExisting(flags.db)
  if (!store) {
    process.stdout.write(flags.format === 'json' ? '[]\n' : 'the corpus is empty: add articles with factsift corpus add\n')
    return
  }
  try {
    if (flags.stance) {
      const [{ relatedArticles }, { createStanceClassifier, loadStanceModel }, { createModelLoader }] = await Promise.all([
        import('../../analyzers/lateral-reading/related.js'),
        import('../../analyzers/lateral-reading/stance/model.js'),
        import('../../models/loader.js'),
      ])
      const model = loadStanceModel(createModelLoader())
      const related = (await relatedArticles(store, createStanceClassifier(model), text, { filter, candidates: Math.max(30, flags.limit) })).slice(0, flags.limit)
      const rows = related.map((r) => ({ ...articleSummary(r.article), bm25: round(r.bm25), stance: r.prediction.stance, score: round(r.prediction.score), relatedness: round(r.relatedness) }))
      writeRows(rows, flags.format, (r) => `${r.stance.padEnd(9)} ${r.score.toFixed(2)}  ${r.title}\n           ${[r.outlet, r.publishedAt, r.url].filter(Boolean).join(' · ')}`)
      return
    }
    const hits = await store.corpus.search(text, { ...filter, limit: flags.limit })
    const rows = hits.map((h) => ({ ...articleSummary(h.article), bm25: h.bm25 }))
    writeRows(rows, flags.format, (r) => `${r.bm25.toPrecision(3).padStart(8)}  ${r.title}\n          ${[r.outlet, r.publishedAt, r.url].filter(Boolean).join(' · ')}`)
  } finally {
    await store.close()
  }
}

function articleSummary(a: { key: string; title: string; url: string | null; outlet: string | null; publishedAt: string | null }) {
  return { key: a.key, title: a.title, outlet: a.outlet, publishedAt: a.publishedAt, url: a.url }
}

function writeRows<T>(rows: T[], format: string, line: (row: T) => string): void {
  if (format === 'json') process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`)
  else process.stdout.write(rows.length === 0 ? 'no matching articles\n' : `${rows.map(line).join('\n')}\n`)
}

/** The store named by --db, or the default one when it exists; null when there is none yet (read-only commands create nothing). */
async function openExisting(db: string | undefined) {
  const [{ openStore, defaultDatabasePath }, { existsSync }] = await Promise.all([import('../../store/open-store.js'), import('node:fs')])
  if (db) return openStore(db)
  const path = defaultDatabasePath()
  return existsSync(path) ? openStore(path) : null
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
