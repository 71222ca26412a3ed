// `factsift eval sourcing --data <dir>`: quote, speaker, attribution, cited-source and opinion figures on a gold folder.
import type { Command } from 'commander'
import { runAction } from '../../../src/cli/run-action.js'

interface EvalFlags {
  data: string
  details?: boolean
  knownEntities?: string
  outletAliases?: string
}

export default function register(evalCommand: Command): void {
  evalCommand
    .command('sourcing')
    .description('Measure the sourcing analyzers on hand-labelled passages; print JSON with P/R/F1 for quote spans, speaker accuracy, attribution macro-F1 and cited sources')
    .requiredOption('--data <dir>', 'folder of gold passage files (*.json, see test/fixtures/sourcing/README.md)')
    .option('--details', 'also list every error (missed or extra quote, wrong speaker or label)')
    .option('--known-entities <file>', 'extra known entities merged over data/known-entities.json')
    .option('--outlet-aliases <file>', 'extra outlet aliases merged over data/outlet-aliases.json')
    .action(runAction(evalSourcing))
}

async function evalSourcing(flags: EvalFlags): Promise<void> {
  const { evaluateSourcingDirectory } = await import('../../sourcing/evaluate.js')
  const result = await evaluateSourcingDirectory(flags.data, {
    details: flags.details === true,
    knownEntities: flags.knownEntities,
    outletAliases: flags.outletAliases,
  })
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
}
