// `factsift reports prune --older-than 90d` and `factsift reports delete <id>`: stored reports, by age or one by one.
import type { Command } from 'commander'
import { runAction } from '../run-action.js'
import { checkTextOrJson, parseDuration } from '../parse-options.js'

interface StoreFlags {
  db?: string
  format: string
}

interface PruneFlags extends StoreFlags {
  olderThan: number
}

export default function register(program: Command): void {
  const reports = program.command('reports').description('Manage stored reports (what `serve` keeps)')
  reports
    .command('prune')
    .description('Delete stored reports saved more than a given time ago (serve --retention does this periodically)')
    .requiredOption('--older-than <duration>', 'age, e.g. 90d, 12h, 30m', parseDuration)
    .option('--db <location>', 'store: SQLite file or postgres:// URL (default ~/.factsift/factsift.db or $FACTSIFT_DB)')
    .option('--format <format>', 'text | json', 'text')
    .action(runAction(pruneCommand))
  reports
    .command('delete')
    .description('Delete one stored report by id')
    .argument('<id>', 'the report id (as in /v1/reports)')
    .option('--db <location>', 'store: SQLite file or postgres:// URL (default ~/.factsift/factsift.db or $FACTSIFT_DB)')
    .option('--format <format>', 'text | json', 'text')
    .action(runAction(deleteCommand))
}

async function openExisting(db: string | undefined) {
  const [{ openStore, defaultDatabasePath }, { existsSync }, { FactsiftError }] = await Promise.all([
    import('../../store/open-store.js'),
    import('node:fs'),
    import('../../errors.js'),
  ])
  const location = db ?? defaultDatabasePath()
  // Pruning a store that does not exist would create an empty one: say so instead.
  if (!/^postgres(ql)?:\/\//.test(location) && location !== ':memory:' && !existsSync(location)) {
    throw new FactsiftError('E_INPUT_NOT_FOUND', `no store at ${location}; pass --db`)
  }
  return openStore(location)
}

async function pruneCommand(flags: PruneFlags): Promise<void> {
  checkTextOrJson(flags.format)
  const { pruneReports } = await import('../../server/retention.js')
  const store = await openExisting(flags.db)
  try {
    const cutoff = new Date(Date.now() - flags.olderThan)
    const deleted = await pruneReports(store.reports, cutoff)
    if (flags.format === 'json') process.stdout.write(`${JSON.stringify({ deleted, cutoff: cutoff.toISOString(), store: store.location })}\n`)
    else process.stdout.write(`reports: deleted ${deleted} saved before ${cutoff.toISOString()} (store ${store.location})\n`)
  } finally {
    await store.close()
  }
}

async function deleteCommand(id: string, flags: StoreFlags): Promise<void> {
  checkTextOrJson(flags.format)
  const { FactsiftError } = await import('../../errors.js')
  const store = await openExisting(flags.db)
  try {
    if (!(await store.reports.delete(id))) throw new FactsiftError('E_NOT_FOUND', `no stored report with id ${id}`)
    if (flags.format === 'json') process.stdout.write(`${JSON.stringify({ deleted: id })}\n`)
    else process.stdout.write(`reports: deleted ${id}\n`)
  } finally {
    await store.close()
  }
}
