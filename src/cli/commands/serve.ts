// `factsift serve`: the REST API and the web UI over the same engine and store as the CLI.
import type { Command } from 'commander'
import { runAction } from '../run-action.js'
import { parseByteSize, parsePositiveInt } from '../parse-options.js'
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
  threads: number
  logLevel: string
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
    .option('--threads <n>', 'analyze in N worker threads instead of on the event loop (0 = in-process)', parseCount, 0)
    .option('--log-level <level>', 'fatal | error | warn | info | debug', 'info')
    .addHelpText(
      'after',
      '\nEnvironment:\n  FACTSIFT_API_KEYS  comma-separated keys (16+ characters); when set, POST endpoints require one\n' +
        '                     as `Authorization: Bearer <key>` or `X-API-Key: <key>`.\n  FACTSIFT_DB        default store location',
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
      ...(flags.threads > 0 ? { analysisThreads: { count: flags.threads, db, limits } } : {}),
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
  process.stdout.write(`factsift serve: ${server.url}/ (API docs ${server.url}/docs; store ${store}; API keys ${apiKeys.length > 0 ? 'required for POST' : 'off'})\n`)
  if (!isLoopback(flags.host) && apiKeys.length === 0) {
    process.stderr.write('factsift: warning: listening beyond this machine without FACTSIFT_API_KEYS; anyone who can reach it can analyze and import\n')
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
