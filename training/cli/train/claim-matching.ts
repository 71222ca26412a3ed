// `factsift train claim-matching --data <dir>`: runs training/claim-matching/train.ts.
import type { Command } from 'commander'
import { runAction } from '../../../src/cli/run-action.js'

interface TrainFlags {
  data: string
  out?: string
  depth: string
}

export default function register(trainCommand: Command): void {
  trainCommand
    .command('claim-matching')
    .description('Train the fact-check re-ranker on CLEF CheckThat! 2020 Task 2 train tweets (CV-tuned, calibrated; dev measured once)')
    .requiredOption('--data <dir>', 'folder with verified_claims.tsv, train.queries.tsv, train.qrels, dev.queries.tsv, dev.qrels')
    .option('-o, --out <file>', 'model file to write (default: models/claim-matching.json)')
    .option('--depth <n>', 'BM25 candidates re-ranked per claim', '30')
    .action(runAction(trainClaimMatchingCommand))
}

async function trainClaimMatchingCommand(flags: TrainFlags): Promise<void> {
  const { FactsiftError } = await import('../../../src/errors.js')
  const depth = Number(flags.depth)
  if (!Number.isInteger(depth) || depth < 1) throw new FactsiftError('E_BAD_ARGUMENT', `--depth must be a positive integer, got "${flags.depth}"`)
  const mod = await import('../../claim-matching/train.js')
  process.stdout.write(await mod.trainClaimMatching({ data: flags.data, out: flags.out, depth }))
}
