// The `factsift` command line: one thin shell over the engine. Each command lives in its own module.
import { realpathSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { Command, CommanderError } from 'commander'
import { VERSION } from '../version.js'
import { toFactsiftError } from '../errors.js'
import registerAnalyze from './commands/analyze.js'
import { registerTrainingCommands } from './training-commands.js'
import registerBatch from './commands/batch.js'
import registerCorpus from './commands/corpus.js'
import registerFactchecks from './commands/factchecks.js'
import registerReports from './commands/reports.js'
import registerServe from './commands/serve.js'
import registerWorker from './commands/worker.js'
import registerFeeds from './commands/feeds.js'
import registerWatch from './commands/watch.js'
import registerSources from './commands/sources.js'
import registerClaims from './commands/claims.js'

export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('factsift')
    .description('Offline, explainable misinformation triage for news articles')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ outputError: (text, write) => write(`factsift: E_BAD_ARGUMENT ${text.replace(/^error: /, '').trim()}\n`) })
    .exitOverride()
  registerAnalyze(program)
  await registerTrainingCommands(program, argv)
  registerBatch(program)
  registerFactchecks(program)
  registerCorpus(program)
  registerReports(program)
  registerServe(program)
  registerWorker(program)
  registerFeeds(program)
  registerWatch(program)
  registerSources(program)
  registerClaims(program)
  return program
}

/** Runs the CLI on `argv` (process.argv shape); sets process.exitCode rather than exiting mid-write. */
export async function main(argv: string[]): Promise<void> {
  // `factsift claims | head`: the reader went away; stop quietly instead of dying on an unhandled EPIPE.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0)
    throw error
  })
  try {
    await (await buildProgram(argv)).parseAsync(argv)
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; usage errors are bad input.
      process.exitCode = error.exitCode === 0 ? 0 : 2
      return
    }
    // Option parsers throw FactsiftError before any action runs.
    const failure = toFactsiftError(error)
    process.stderr.write(`factsift: ${failure.code} ${failure.message}\n`)
    process.exitCode = failure.exitCode
  }
}

// Run directly (`npx tsx src/cli/main.ts analyze …` from a checkout, no build needed); bin/factsift.js imports `main`.
if (isEntryPoint()) await main(process.argv)

function isEntryPoint(): boolean {
  try {
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1]!)).href
  } catch {
    return false // `node -e`, a REPL: no script path
  }
}
