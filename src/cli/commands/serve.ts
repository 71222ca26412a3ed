// `factsift serve`: the REST API and the web UI over the same engine and store as the CLI.
import type { Command } from 'commander'
import { runAction } from '../run-action.js'
import { availableParallelism } from 'node:os'
import { parseByteSize, parseDuration, parsePositiveInt } from '../parse-options.js'
import { FactsiftError } from '../../errors.js'

interface ServeFlags {
  port: number
  host: string
  db?: string
  maxBytes?: number
  rateLimit: number
  cors?: string
  timeout?: number
  allowPrivateNetwork?: boolean
  trustProxy?: boolean
  threads?: number
  queue: number
  analysisTimeout: number
  retention?: number
  storeText: boolean
  maxReportBytes?: number
  logLevel: string
}

/**
 * Analysis threads by default: one per core up to 4 cores, one per core but one beyond. The event loop's work per
 * request (HTTP, JSON parsing, dispatch) is about a tenth of an analysis (`npm run bench:server` prints both), so on a
 * small machine it fits beside a thread on every core, and keeping a core for it left most of that core idle (on 2
 * cores, half the machine). Its share grows with the thread count: from 5 cores on it keeps a core of its own.
 */
export function defaultThreads(cores = availableParallelism()): number {
  return Math.max(1, cores <= 4 ? cores : cores - 1)
}

export default function register(program: Command): void {
  program
    .command('serve')
    .description('Serve the web UI at / and the REST API under /v1 (OpenAPI at /openapi.json, docs at /docs)')
    .option('-p, --port <port>', 'TCP port (0 picks a free one)', parsePort, 8080)
    .option('--host <host>', 'interface to listen on; use 0.0.0.0 to accept other machines', '127.0.0.1')
    .option('--db <location>', 'store for reports, fact-checks and corpus: SQLite file or postgres:// URL (default ~/.factsift/factsift.db)')
    .option('--max-bytes <size>', 'largest request body and article, e.g. 5MB', parseByteSize)
    .option('--rate-limit <n>', 'requests per minute per client on /v1 (0 turns the limit off)', parseCount, 300)
    .option('--cors <origins>', 'comma-separated origins allowed to call the API from their pages (default: none)')
    .option('--timeout <ms>', 'URL fetch timeout in milliseconds', parsePositiveInt)
    .option('--allow-private-network', 'let /v1/analyze fetch private, loopback and link-local addresses')
    .option('--trust-proxy', 'take the client address from X-Forwarded-For (only behind your own reverse proxy)')
    .option('--threads <n>', 'analysis worker threads (default: one per core up to 4 cores, cores - 1 beyond; 0 analyzes on the event loop, which then stalls /healthz)', parseCount)
    .option('--queue <n>', 'analyses that may wait for a thread; beyond, 503 E_SERVER_BUSY with Retry-After', parseCount, 64)
    .option('--analysis-timeout <duration>', 'time budget of one analysis request, waiting included (503 while queued, 504 once running)', parseDuration, 60_000)
    .option('--retention <duration>', 'delete stored reports older than this (e.g. 90d), checked at start and periodically (default: keep all)', parseDuration)
    .option('--no-store-text', 'store reports without the article text (search then finds them by title only)')
    .option('--max-report-bytes <size>', 'largest report JSON kept in the store (default 8MB); larger ones are returned but not saved', parseByteSize)
    .option('--log-level <level>', 'fatal | error | warn | info | debug', 'info')
    .addHelpText(
      'after',
      '\nEnvironment:\n' +
        '  FACTSIFT_API_KEYS  comma-separated keys (16+ characters), each `key` (every scope) or `key:scope+scope`\n' +
        '                     with scopes read (GET), write (POST), admin (everything, DELETE too). When set, every\n' +
        '                     /v1 route needs a key: `Authorization: Bearer <key>` or `X-API-Key: <key>`.\n' +
        '  FACTSIFT_DB        default store location',
    )
    .action(runAction(serveCommand))
}

async function serveCommand(flags: ServeFlags): Promise<void> {
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(flags.logLevel)) {
    throw new FactsiftError('E_BAD_ARGUMENT', `unknown log level "${flags.logLevel}"`)
  }
  const [{ createEngine }, { openAnalysisServices }, { startServer }, { parseApiKeys }, { defaultDatabasePath }] = await Promise.all([
    import('../../engine/engine.js'),
    import('../../engine/services.js'),
    import('../../server/start-server.js'),
    import('../../server/api-keys.js'),
    import('../../store/open-store.js'),
  ])
  const apiKeys = parseApiKeys(process.env.FACTSIFT_API_KEYS)
  const limits = {
    ...(flags.maxBytes !== undefined ? { maxBytes: flags.maxBytes } : {}),
    ...(flags.timeout !== undefined ? { fetchTimeoutMs: flags.timeout } : {}),
    ...(flags.allowPrivateNetwork ? { allowPrivateNetwork: true } : {}),
  }
  const db = flags.db ?? defaultDatabasePath()
  const threads = flags.threads ?? defaultThreads()
  const services = await openAnalysisServices({ db, createDefault: true, limits })
  const engine = createEngine({ services })
  let server: Awaited<ReturnType<typeof startServer>>
  try {
    server = await startServer({
      engine,
      port: flags.port,
      host: flags.host,
      bodyLimit: engine.services.limits.maxBytes,
      rateLimit: flags.rateLimit === 0 ? false : { max: flags.rateLimit, windowMs: 60_000 },
      apiKeys,
      corsOrigins: flags.cors ? flags.cors.split(',').map((origin) => origin.trim()).filter(Boolean) : [],
      trustProxy: flags.trustProxy === true,
      ...(threads > 0 ? { analysisThreads: { count: threads, db, limits } } : {}),
      admission: { maxQueue: flags.queue, timeoutMs: flags.analysisTimeout },
      storage: { storeText: flags.storeText, ...(flags.maxReportBytes !== undefined ? { maxReportBytes: flags.maxReportBytes } : {}) },
      ...(flags.retention !== undefined ? { retentionMs: flags.retention } : {}),
      logger: { level: flags.logLevel },
    })
  } catch (error) {
    await services.store?.close()
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') throw new FactsiftError('E_BAD_ARGUMENT', `port ${flags.port} on ${flags.host} is already in use`)
    if (code === 'EACCES' || code === 'EADDRNOTAVAIL') throw new FactsiftError('E_BAD_ARGUMENT', `cannot listen on ${flags.host}:${flags.port} (${code})`)
    throw error
  }
  const store = services.store ? `${services.store.kind} ${services.store.location}` : 'none'
  const analysis = threads > 0 ? `${threads} analysis thread${threads === 1 ? '' : 's'}` : 'analysis on the event loop'
  process.stdout.write(
    `factsift serve: ${server.url}/ (API docs ${server.url}/docs; store ${store}; ${analysis}; API keys ${apiKeys.length > 0 ? 'required on /v1' : 'off'})\n`,
  )
  if (!isLoopback(flags.host) && apiKeys.length === 0) {
    process.stderr.write('factsift: warning: listening beyond this machine without FACTSIFT_API_KEYS; anyone who can reach it can read stored articles, analyze and import\n')
  }
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  // A second Ctrl+C, or a shutdown stuck on a connection or a worker thread, still ends the process.
  const force = () => {
    process.stderr.write('factsift: warning: shutdown did not finish; exiting\n')
    process.exit(process.exitCode ?? 1)
  }
  process.once('SIGINT', force)
  setTimeout(force, 10_000).unref()
  await server.close()
  await services.store?.close()
  process.off('SIGINT', force)
}

function parsePort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new FactsiftError('E_BAD_ARGUMENT', `invalid port "${value}"`)
  return port
}

function parseCount(value: string): number {
  const count = Number(value)
  if (!Number.isInteger(count) || count < 0) throw new FactsiftError('E_BAD_ARGUMENT', `expected a whole number, got "${value}"`)
  return count
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.')
}
