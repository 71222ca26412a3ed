// `factsift analyze <file|url|->`: one article in, one report out (text on a terminal, JSON otherwise, or HTML).
import type { Command } from 'commander'
import { runAction } from '../run-action.js'
import { parseByteSize, parsePositiveInt } from '../parse-options.js'

interface AnalyzeFlags {
  format?: string
  out?: string
  title?: string
  url?: string
  outlet?: string
  publishedAt?: string
  maxBytes?: number
  timeout?: number
  allowPrivateNetwork?: boolean
  db?: string
  color?: boolean
  maxClaims?: number
}

export default function register(program: Command): void {
  program
    .command('analyze')
    .description('Analyze one article: a text, HTML or JSON file, an http(s) URL, or - for stdin')
    .argument('<input>', 'file path, http(s) URL, or - to read stdin')
    .option('-f, --format <format>', 'text | json | html (default: text on a terminal, json otherwise, or from --out)')
    .option('-o, --out <file>', 'write the report to a file (atomically) instead of stdout')
    .option('--title <title>', 'article title (overrides the extracted one)')
    .option('--url <url>', 'article URL (metadata only; to fetch, pass the URL as <input>)')
    .option('--outlet <name>', 'publishing outlet')
    .option('--published-at <date>', 'publication date (ISO 8601)')
    .option('--max-bytes <size>', 'largest accepted input, e.g. 5MB', parseByteSize)
    .option('--timeout <ms>', 'URL fetch timeout in milliseconds', parsePositiveInt)
    .option('--allow-private-network', 'allow fetching private, loopback and link-local addresses')
    .option('--db <location>', 'store with fact-checks and reference corpus (SQLite file or postgres:// URL)')
    .option('--no-color', 'plain text output')
    .option('--max-claims <n>', 'text format: how many claims to list, each in full (default 20)', parsePositiveInt)
    .action(runAction(analyzeCommand))
}

async function analyzeCommand(input: string, flags: AnalyzeFlags): Promise<void> {
  const [{ createEngine }, { openAnalysisServices }, { renderReport, parseReportFormat }, { writeFileAtomic }] = await Promise.all([
    import('../../engine/engine.js'),
    import('../../engine/services.js'),
    import('../../render/render.js'),
    import('../../util/atomic-write.js'),
  ])
  const format = parseReportFormat(flags.format ?? defaultFormat(flags.out))
  const services = await openAnalysisServices({
    db: flags.db,
    limits: {
      ...(flags.maxBytes !== undefined ? { maxBytes: flags.maxBytes } : {}),
      ...(flags.timeout !== undefined ? { fetchTimeoutMs: flags.timeout } : {}),
      ...(flags.allowPrivateNetwork ? { allowPrivateNetwork: true } : {}),
    },
  })
  try {
    const engine = createEngine({ services })
    const report = await engine.analyzeLocation(input, {
      title: flags.title,
      url: flags.url,
      outlet: flags.outlet,
      publishedAt: flags.publishedAt,
    })
    const color = flags.color !== false && !flags.out && process.stdout.isTTY === true
    // Text wraps to the terminal; piped or written to a file, to 100 columns.
    const width = !flags.out && process.stdout.isTTY ? process.stdout.columns : undefined
    const rendered = renderReport(report, format, {
      color,
      ...(flags.maxClaims !== undefined ? { maxClaims: flags.maxClaims } : {}),
      ...(width ? { width } : {}),
    })
    if (flags.out) writeFileAtomic(flags.out, rendered)
    else process.stdout.write(rendered)
  } finally {
    await services.store?.close()
  }
}

function defaultFormat(out: string | undefined): string {
  if (out) {
    if (/\.html?$/i.test(out)) return 'html'
    if (/\.(txt|text)$/i.test(out)) return 'text'
    return 'json'
  }
  return process.stdout.isTTY ? 'text' : 'json'
}
