// `factsift sources import | list | export | remove | lookup`: users' own source-ratings lists, ranked over the
// shipped table (Lin et al. 2023); every rating says which list it came from.
import type { Command } from 'commander'
import { readFileSync } from 'node:fs'
import { runAction } from '../run-action.js'

interface StoreFlags {
  db?: string
}

interface ImportFlags extends StoreFlags {
  list: string
  citation?: string
  format: string
  strict?: boolean
  json?: boolean
}

const DB_HELP = 'store location: SQLite file, :memory: or postgres://… (default $FACTSIFT_DB or ~/.factsift/factsift.db)'

export default function register(program: Command): void {
  const sources = program
    .command('sources')
    .description('Your own source-ratings lists (domain → 0–1 score or reliable / mixed / unreliable / satire), ranked over the shipped table')

  sources
    .command('import')
    .description('Import a CSV (domain,score | domain,label; header optional) or JSON list ([{domain, score|label}] or {domain: score|label}); replaces a list of the same name')
    .argument('<file>', "CSV or JSON file ('-' reads stdin)")
    .requiredOption('--list <name>', 'the list name each rating will report')
    .option('--citation <text>', 'shown beside each rating from this list (default: user list "<name>")')
    .option('-f, --format <format>', 'auto | csv | json', 'auto')
    .option('--strict', 'refuse the whole file at its first bad row (E_BAD_DATA_ROW) instead of skipping bad rows')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print the result as JSON')
    .action(runAction(importCommand))

  sources
    .command('list')
    .description('The lists in precedence order (first created ranks first, the shipped table last); with a name, that list\'s ratings')
    .argument('[name]', 'a list to show')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .action(runAction(listCommand))

  sources
    .command('export')
    .description('Write a list as CSV or JSON (both read back by `sources import`)')
    .argument('<name>', 'the list')
    .option('-f, --format <format>', 'csv | json', 'csv')
    .option('-o, --output <file>', 'write to this file (atomically) instead of stdout')
    .option('--db <location>', DB_HELP)
    .action(runAction(exportCommand))

  sources
    .command('remove')
    .description('Remove a list, or one domain from it')
    .argument('<name>', 'the list')
    .option('--domain <domain>', 'remove only this domain\'s rating')
    .option('--db <location>', DB_HELP)
    .action(runAction(removeCommand))

  sources
    .command('lookup')
    .description('The rating of domains or URLs, and the list each comes from')
    .argument('<domains...>', 'domains or URLs')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .action(runAction(lookupCommand))
}

async function importCommand(file: string, flags: ImportFlags): Promise<void> {
  const [{ openStore }, { importSourceList }, { FactsiftError }] = await Promise.all([
    import('../../store/open-store.js'),
    import('../../engine/source-lists.js'),
    import('../../errors.js'),
  ])
  if (!['auto', 'csv', 'json'].includes(flags.format)) throw new FactsiftError('E_BAD_ARGUMENT', `--format must be auto, csv or json, got "${flags.format}"`)
  let text: string
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8')
  } catch {
    throw new FactsiftError('E_INPUT_NOT_FOUND', `cannot read ${file}`)
  }
  const store = await openStore(flags.db)
  try {
    const result = await importSourceList(store.sourceRatings, text, {
      name: flags.list,
      ...(flags.citation ? { citation: flags.citation } : {}),
      ...(flags.format !== 'auto' ? { format: flags.format as 'csv' | 'json' } : {}),
      where: file === '-' ? 'stdin' : file,
      strict: flags.strict ?? false,
    })
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
    } else {
      const lines = [`${result.list.name}: ${result.imported} ratings imported, ${result.problems.length} rows skipped; rank ${result.list.rank} (cited as ${result.list.citation})`]
      for (const p of result.problems) lines.push(`  ${p.code} ${p.message}`)
      process.stdout.write(`${lines.join('\n')}\n`)
    }
  } finally {
    await store.close()
  }
}

async function listCommand(name: string | undefined, flags: StoreFlags & { json?: boolean }): Promise<void> {
  const [{ openStore }, { loadRatingsTable }, { FactsiftError }] = await Promise.all([
    import('../../store/open-store.js'),
    import('../../source-ratings/index.js'),
    import('../../errors.js'),
  ])
  const store = await openStore(flags.db)
  try {
    if (name) {
      const list = await store.sourceRatings.getList(name)
      if (!list) throw new FactsiftError('E_NOT_FOUND', `no source list named "${name}"`)
      const rows = [...list.entries].map(([domain, e]) => ({ domain, score: e.score, ...(e.label ? { label: e.label } : {}) }))
      if (flags.json) process.stdout.write(`${JSON.stringify({ name: list.name, citation: list.citation, ratings: rows }, null, 2)}\n`)
      else process.stdout.write(`${[`${list.name} (${list.citation}): ${rows.length} ratings`, ...rows.map((r) => `  ${r.domain}  ${r.score}${r.label ? ` (${r.label})` : ''}`)].join('\n')}\n`)
      return
    }
    const lists = await store.sourceRatings.lists()
    const table = loadRatingsTable().header
    const shipped = { name: table.list, citation: table.shortCitation, count: table.count, rank: lists.length + 1, shipped: true }
    if (flags.json) {
      process.stdout.write(`${JSON.stringify([...lists.map((l) => ({ ...l, shipped: false })), shipped], null, 2)}\n`)
    } else {
      const lines = lists.map((l) => `${String(l.rank).padStart(2)}. ${l.name}: ${l.count} ratings, cited as ${l.citation} (updated ${l.updatedAt.slice(0, 10)})`)
      lines.push(`${String(shipped.rank).padStart(2)}. ${shipped.name}: ${shipped.count} ratings, cited as ${shipped.citation} (shipped table)`)
      process.stdout.write(`${lines.join('\n')}\n`)
    }
  } finally {
    await store.close()
  }
}

async function exportCommand(name: string, flags: StoreFlags & { format: string; output?: string }): Promise<void> {
  const [{ openStore }, { exportSourceList }, { writeFileAtomic }, { FactsiftError }] = await Promise.all([
    import('../../store/open-store.js'),
    import('../../engine/source-lists.js'),
    import('../../util/atomic-write.js'),
    import('../../errors.js'),
  ])
  if (flags.format !== 'csv' && flags.format !== 'json') throw new FactsiftError('E_BAD_ARGUMENT', `--format must be csv or json, got "${flags.format}"`)
  const store = await openStore(flags.db)
  try {
    const list = await store.sourceRatings.getList(name)
    if (!list) throw new FactsiftError('E_NOT_FOUND', `no source list named "${name}"`)
    const text = exportSourceList(list, flags.format)
    if (flags.output) {
      writeFileAtomic(flags.output, text)
      process.stderr.write(`wrote ${list.entries.size} ratings to ${flags.output}\n`)
    } else process.stdout.write(text)
  } finally {
    await store.close()
  }
}

async function removeCommand(name: string, flags: StoreFlags & { domain?: string }): Promise<void> {
  const [{ openStore }, { ratingKey }, { FactsiftError }] = await Promise.all([
    import('../../store/open-store.js'),
    import('../../source-ratings/index.js'),
    import('../../errors.js'),
  ])
  const store = await openStore(flags.db)
  try {
    if (flags.domain !== undefined) {
      const key = ratingKey(flags.domain)
      if (!key) throw new FactsiftError('E_BAD_ARGUMENT', `"${flags.domain}" is not a domain`)
      if (!(await store.sourceRatings.removeRating(name, key))) throw new FactsiftError('E_NOT_FOUND', `source list "${name}" does not rate ${key}`)
      process.stdout.write(`removed ${key} from ${name}\n`)
    } else {
      if (!(await store.sourceRatings.removeList(name))) throw new FactsiftError('E_NOT_FOUND', `no source list named "${name}"`)
      process.stdout.write(`removed source list ${name}\n`)
    }
  } finally {
    await store.close()
  }
}

async function lookupCommand(domains: string[], flags: StoreFlags & { json?: boolean }): Promise<void> {
  const [{ openStore }, { createSourceRatingsService }, { rateAddress }] = await Promise.all([
    import('../../store/open-store.js'),
    import('../../analyzers/publisher/ratings-service.js'),
    import('../../analyzers/publisher/resolve.js'),
  ])
  const store = await openStore(flags.db)
  try {
    const registry = await createSourceRatingsService({ store }).registry()
    const results = domains.map((input) => ({ input, ...rateAddress(registry, input) }))
    if (flags.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`)
    else {
      process.stdout.write(`${results.map((r) => ('unrated' in r.rating ? `${r.input}: unrated${r.domain ? ` (${r.domain})` : ''}` : `${r.input}: ${r.rating.score} ${r.rating.band} — ${r.rating.domain}, ${r.rating.list} (${r.rating.citation})`)).join('\n')}\n`)
    }
  } finally {
    await store.close()
  }
}
