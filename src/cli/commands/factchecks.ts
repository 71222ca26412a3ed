// `factsift factchecks import | export | search | stats`: the fact-check memory in the store.
import type { Command } from 'commander'
import { runAction } from '../run-action.js'
import type { ImportSummary } from '../../factchecks/import/import-file.js'

interface StoreFlags {
  db?: string
}

interface ImportFlags extends StoreFlags {
  format: string
  delimiter?: string
  factChecker?: string
  language?: string
  json?: boolean
  claimColumn?: string
  claimantColumn?: string
  ratingColumn?: string
  ratingNormalizedColumn?: string
  factCheckerColumn?: string
  urlColumn?: string
  dateColumn?: string
  languageColumn?: string
  titleColumn?: string
  idColumn?: string
}

interface ExportFlags extends StoreFlags {
  format: string
  output?: string
}

interface SearchFlags extends StoreFlags {
  limit: string
  json?: boolean
  bm25?: boolean
}

const DB_HELP = 'store location: SQLite file, :memory: or postgres://… (default $FACTSIFT_DB or ~/.factsift/factsift.db)'

export default function register(program: Command): void {
  const factchecks = program
    .command('factchecks')
    .description('Import, export and search published fact-checks (ClaimReview) that claims are matched against')

  factchecks
    .command('import')
    .description('Import fact-check files: ClaimReview JSON-LD (object, array, @graph, HTML page), Google Fact Check Tools API, DataCommons feed, JSONL, CSV/TSV, CLEF verified claims')
    .argument('<files...>', "files to import ('-' reads stdin)")
    .option('--db <location>', DB_HELP)
    .option('-f, --format <format>', 'auto | json | jsonl | html | csv | tsv | clef', 'auto')
    .option('--delimiter <char>', 'CSV/TSV field delimiter (default "," for csv, tab for tsv)')
    .option('--claim-column <name|n>', 'CSV/TSV column holding the claim (header name or 1-based number)')
    .option('--claimant-column <name|n>', 'column holding who made the claim')
    .option('--rating-column <name|n>', 'column holding the published rating')
    .option('--rating-normalized-column <name|n>', 'column holding a normalized rating (false … true, unrated)')
    .option('--fact-checker-column <name|n>', 'column holding the fact-checker')
    .option('--url-column <name|n>', 'column holding the fact-check URL')
    .option('--date-column <name|n>', 'column holding the review date')
    .option('--language-column <name|n>', 'column holding the language')
    .option('--title-column <name|n>', 'column holding the fact-check title')
    .option('--id-column <name|n>', 'column holding an identifier from the source')
    .option('--fact-checker <name>', 'fact-checker for records that name none')
    .option('--language <code>', 'language for records that name none')
    .option('--json', 'print the summaries as JSON')
    .action(runAction(importCommand))

  factchecks
    .command('export')
    .description('Export every stored fact-check')
    .option('--db <location>', DB_HELP)
    .option('-f, --format <format>', 'claimreview | jsonl | csv', 'claimreview')
    .option('-o, --output <file>', 'write to this file (atomically) instead of stdout')
    .action(runAction(exportCommand))

  factchecks
    .command('search')
    .description('Find stored fact-checks matching a claim (BM25 candidates re-ranked by the trained model)')
    .argument('<text>', 'the claim to look up')
    .option('--db <location>', DB_HELP)
    .option('-n, --limit <n>', 'results to show', '5')
    .option('--bm25', 'plain full-text order, without the re-ranker')
    .option('--json', 'print JSON')
    .action(runAction(searchCommand))

  factchecks
    .command('stats')
    .description('Count stored fact-checks by normalized rating and fact-checker')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .action(runAction(statsCommand))
}

async function importCommand(files: string[], flags: ImportFlags): Promise<void> {
  const [{ openStore }, { importFactChecks, IMPORT_FORMATS }, { FactsiftError }] = await Promise.all([
    import('../../store/open-store.js'),
    import('../../factchecks/import/import-file.js'),
    import('../../errors.js'),
  ])
  if (flags.format !== 'auto' && !(IMPORT_FORMATS as readonly string[]).includes(flags.format)) {
    throw new FactsiftError('E_BAD_ARGUMENT', `--format must be auto or one of ${IMPORT_FORMATS.join(', ')}, got "${flags.format}"`)
  }
  const delimiter = flags.delimiter === '\\t' || flags.delimiter === 'tab' ? '\t' : flags.delimiter
  if (delimiter !== undefined && delimiter.length !== 1) throw new FactsiftError('E_BAD_ARGUMENT', '--delimiter must be one character (or "tab")')
  const columns = {
    claim: flags.claimColumn,
    claimant: flags.claimantColumn,
    rating: flags.ratingColumn,
    ratingNormalized: flags.ratingNormalizedColumn,
    factChecker: flags.factCheckerColumn,
    url: flags.urlColumn,
    reviewedAt: flags.dateColumn,
    language: flags.languageColumn,
    title: flags.titleColumn,
    externalId: flags.idColumn,
  }
  const given = Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined))
  const store = await openStore(flags.db)
  const summaries: ImportSummary[] = []
  try {
    for (const file of files) {
      const summary = await importFactChecks(store.factchecks, file, {
        format: flags.format as 'auto',
        delimiter,
        columns: Object.keys(given).length > 0 ? given : undefined,
        defaults: { factChecker: flags.factChecker, language: flags.language },
      })
      summaries.push(summary)
      if (!flags.json) {
        const seconds = (summary.durationMs / 1000).toFixed(1)
        const lines = [
          `${summary.file} (${summary.format}): ${summary.read} read, ${summary.inserted} inserted, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.skipped} skipped in ${seconds} s`,
          ...summary.problems.map((p) => `  line ${p.line}: ${p.message}`),
        ]
        if (summary.problemsNotListed > 0) lines.push(`  … and ${summary.problemsNotListed} more skipped rows`)
        if (summary.aborted) lines.push(`  stopped at ${summary.aborted}`)
        process.stdout.write(`${lines.join('\n')}\n`)
      }
    }
    if (flags.json) process.stdout.write(`${JSON.stringify(files.length === 1 ? summaries[0] : summaries, null, 2)}\n`)
    else if (files.length > 1) {
      const total = (k: 'read' | 'inserted' | 'updated' | 'unchanged' | 'skipped') => summaries.reduce((s, x) => s + x[k], 0)
      process.stdout.write(
        `total: ${total('read')} read, ${total('inserted')} inserted, ${total('updated')} updated, ${total('unchanged')} unchanged, ${total('skipped')} skipped; ${await store.factchecks.count()} fact-checks stored\n`,
      )
    }
  } finally {
    await store.close()
  }
  const aborted = summaries.find((s) => s.aborted)
  if (aborted) throw new FactsiftError('E_BAD_DATA_ROW', `${aborted.file}: ${aborted.aborted}; rows before it were imported`)
}

async function exportCommand(flags: ExportFlags): Promise<void> {
  const [{ openStore }, { exportFactChecks, exportFactChecksToFile, EXPORT_FORMATS }, { FactsiftError }] = await Promise.all([
    import('../../store/open-store.js'),
    import('../../factchecks/export.js'),
    import('../../errors.js'),
  ])
  if (!(EXPORT_FORMATS as readonly string[]).includes(flags.format)) {
    throw new FactsiftError('E_BAD_ARGUMENT', `--format must be one of ${EXPORT_FORMATS.join(', ')}, got "${flags.format}"`)
  }
  const format = flags.format as (typeof EXPORT_FORMATS)[number]
  const store = await openStore(flags.db)
  try {
    if (flags.output) {
      const n = await exportFactChecksToFile(store.factchecks, format, flags.output)
      process.stderr.write(`wrote ${n} fact-checks to ${flags.output}\n`)
    } else {
      await exportFactChecks(store.factchecks, format, (text) => process.stdout.write(text))
    }
  } finally {
    await store.close()
  }
}

async function searchCommand(text: string, flags: SearchFlags): Promise<void> {
  const [{ openStore }, { createModelLoader }, { loadClaimMatchingModel, rankFactChecks }, { FactsiftError }] = await Promise.all([
    import('../../store/open-store.js'),
    import('../../models/loader.js'),
    import('../../analyzers/factchecks/matcher.js'),
    import('../../errors.js'),
  ])
  const limit = Number(flags.limit)
  if (!Number.isInteger(limit) || limit < 1) throw new FactsiftError('E_BAD_ARGUMENT', `--limit must be a positive integer, got "${flags.limit}"`)
  if (!text.trim()) throw new FactsiftError('E_INPUT_EMPTY', 'the search text is empty')
  const store = await openStore(flags.db)
  try {
    let results: { claim: string; rating: string; ratingNormalized?: string; factChecker: string; url: string; score: number; bm25: number }[]
    if (flags.bm25) {
      const hits = await store.factchecks.search(text, limit)
      results = hits.map((h) => ({
        claim: h.record.claim,
        rating: h.record.rating,
        ratingNormalized: h.record.ratingNormalized,
        factChecker: h.record.factChecker ?? '',
        url: h.record.url ?? '',
        score: h.bm25,
        bm25: h.bm25,
      }))
    } else {
      const model = loadClaimMatchingModel(createModelLoader())
      results = (await rankFactChecks(store, model, text)).slice(0, limit)
    }
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(results, null, 2)}\n`)
      return
    }
    if (results.length === 0) {
      process.stdout.write('no matching fact-checks\n')
      return
    }
    const lines = results.map((r, i) => {
      const score = flags.bm25 ? `bm25 ${r.score.toFixed(2)}` : `p=${r.score.toFixed(2)}`
      const rating = r.rating ? `${r.rating} (${r.ratingNormalized})` : (r.ratingNormalized ?? 'unrated')
      return [`${i + 1}. [${score}] ${rating} — ${r.factChecker || 'unknown fact-checker'}`, `   ${r.claim}`, ...(r.url ? [`   ${r.url}`] : [])].join('\n')
    })
    process.stdout.write(`${lines.join('\n')}\n`)
  } finally {
    await store.close()
  }
}

async function statsCommand(flags: StoreFlags & { json?: boolean }): Promise<void> {
  const { openStore } = await import('../../store/open-store.js')
  const store = await openStore(flags.db)
  try {
    const repo = store.factchecks
    const stats = repo.stats ? await repo.stats() : { factChecks: await repo.count(), byRating: null, factCheckers: [] }
    if (flags.json) {
      process.stdout.write(`${JSON.stringify({ location: store.location, ...stats }, null, 2)}\n`)
      return
    }
    const lines = [`${stats.factChecks} fact-checks in ${store.location}`]
    if (stats.byRating) lines.push(`by rating: ${Object.entries(stats.byRating).map(([k, v]) => `${k} ${v}`).join(', ')}`)
    if (stats.factCheckers.length > 0) lines.push(`top fact-checkers: ${stats.factCheckers.map((f) => `${f.factChecker} ${f.factChecks}`).join(', ')}`)
    process.stdout.write(`${lines.join('\n')}\n`)
  } finally {
    await store.close()
  }
}
