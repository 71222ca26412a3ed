// `factsift batch <input> --out results.jsonl`: many articles through worker threads, with progress and resume.
import type { Command } from 'commander'
import { runAction } from '../run-action.js'
import { parseByteSize, parsePositiveInt } from '../parse-options.js'
import { FactsiftError } from '../../errors.js'

interface BatchFlags {
  out: string
  errors?: string
  resume?: boolean
  overwrite?: boolean
  threads?: number
  format?: string
  idColumn?: string
  textColumn?: string
  htmlColumn?: string
  urlColumn?: string
  titleColumn?: string
  outletColumn?: string
  dateColumn?: string
  summaryHtml?: string
  summaryJson?: string
  db?: string
  maxBytes?: number
  allowPrivateNetwork?: boolean
  queue?: string
  wait?: boolean
  quiet?: boolean
  allowErrors?: boolean
}

export default function register(program: Command): void {
  program
    .command('batch')
    .description('Analyze many articles: JSONL, CSV/TSV, or a directory of .txt/.html files; one JSON record per line out')
    .argument('<input>', 'a .jsonl, .csv or .tsv file (other names: told by the content), or a directory')
    .requiredOption('-o, --out <file>', 'output JSONL: one record per item ({id, seq, where, status, report|error})')
    .option('--errors <file>', 'write error records here instead of --out')
    .option('--resume', 'continue an interrupted run: skip ids already in --out (and --errors)')
    .option('--overwrite', 'replace an existing --out file')
    .option('-j, --threads <n>', 'worker threads (default: one per core, but no more than one per 250 items: a thread costs ~3 s of CPU to start)', parsePositiveInt)
    .option('--format <format>', 'jsonl | csv | tsv | dir (default: from the input)')
    .option('--id-column <name>', 'column/field with the item id (default id; a content hash when absent)')
    .option('--text-column <name>', 'column/field with the article text (default text)')
    .option('--html-column <name>', 'column/field with article HTML (default html)')
    .option('--url-column <name>', 'column/field with the article URL (default url)')
    .option('--title-column <name>', 'column/field with the title (default title)')
    .option('--outlet-column <name>', 'column/field with the outlet (default outlet)')
    .option('--date-column <name>', 'column/field with the publication date (default publishedAt)')
    .option('--summary-html <file>', 'write a standalone summary page (risk histogram, most flagged articles)')
    .option('--summary-json <file>', 'write the summary as JSON')
    .option('--db <location>', 'store with fact-checks and corpus to match against (SQLite file or postgres:// URL)')
    .option('--max-bytes <size>', 'largest accepted article, e.g. 5MB', parseByteSize)
    .option('--allow-private-network', 'allow fetching private addresses for url items')
    .option('--queue <redis-url>', 'enqueue the items to a BullMQ queue for `factsift worker` processes instead of local threads (redis://host:6379?queue=name&prefix=p; --threads is then ignored)')
    .option('--wait', 'with --queue: wait for the workers (needs --db), writing --out, progress and the summary')
    .option('--allow-errors', 'exit 0 even when some items failed (default: exit 1, the summary says how many)')
    .option('-q, --quiet', 'no progress output')
    .action(runAction(batchCommand))
}

async function batchCommand(input: string, flags: BatchFlags): Promise<void> {
  const [{ runBatch }, { createProgressReporter }, { formatSummary }, { renderSummaryHtml }, { writeFileAtomic }] = await Promise.all([
    import('../../batch/run-batch.js'),
    import('../../batch/progress.js'),
    import('../../batch/summary.js'),
    import('../../batch/summary-html.js'),
    import('../../util/atomic-write.js'),
  ])
  const columns = {
    ...(flags.idColumn ? { id: flags.idColumn } : {}),
    ...(flags.textColumn ? { text: flags.textColumn } : {}),
    ...(flags.htmlColumn ? { html: flags.htmlColumn } : {}),
    ...(flags.urlColumn ? { url: flags.urlColumn } : {}),
    ...(flags.titleColumn ? { title: flags.titleColumn } : {}),
    ...(flags.outletColumn ? { outlet: flags.outletColumn } : {}),
    ...(flags.dateColumn ? { publishedAt: flags.dateColumn } : {}),
  }
  const limits = {
    ...(flags.maxBytes !== undefined ? { maxBytes: flags.maxBytes } : {}),
    ...(flags.allowPrivateNetwork ? { allowPrivateNetwork: true } : {}),
  }
  const progress = createProgressReporter(process.stderr, { quiet: flags.quiet ?? false })
  const common = {
    input,
    out: flags.out,
    ...(flags.errors ? { errorsOut: flags.errors } : {}),
    ...(flags.format ? { format: parseFormat(flags.format) } : {}),
    columns,
    resume: flags.resume ?? false,
    overwrite: flags.overwrite ?? false,
    ...(flags.db ? { db: flags.db } : {}),
    limits,
    progress,
  }
  const summary = flags.queue
    ? await (await import('../../queue/distributed-batch.js')).runDistributedBatch({ ...common, queue: flags.queue, wait: flags.wait ?? false })
    : await runBatch({ ...common, ...(flags.threads ? { threads: flags.threads } : {}) })
  process.stderr.write(`${formatSummary(summary)}\n`)
  if (flags.summaryHtml) writeFileAtomic(flags.summaryHtml, renderSummaryHtml(summary))
  if (flags.summaryJson) writeFileAtomic(flags.summaryJson, `${JSON.stringify(summary, null, 2)}\n`)
  // Exit 0 only when every item succeeded: a script must not take a batch of failures for a success.
  if (summary.errors > 0 && !flags.allowErrors) {
    process.stderr.write(`factsift: ${summary.errors} of ${summary.items} items failed; exit 1 (--allow-errors exits 0)\n`)
    process.exitCode = 1
  }
}

function parseFormat(value: string): 'jsonl' | 'csv' | 'tsv' | 'dir' {
  if (value === 'jsonl' || value === 'csv' || value === 'tsv' || value === 'dir') return value
  throw new FactsiftError('E_BAD_ARGUMENT', `unknown input format "${value}"; use jsonl, csv, tsv or dir`)
}
