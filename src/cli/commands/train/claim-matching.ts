// `factsift train claim-matching --data <dir>`: runs training/claim-matching/train.ts (needs a source checkout).
import type { Command } from 'commander'
import { runAction } from '../../run-action.js'

interface TrainFlags {
  data: string
  out?: string
  depth: string
}

/** The part of training/claim-matching/train.ts this command calls (typed here: that file is outside src/). */
interface TrainingModule {
  trainClaimMatching(options: { data: string; out?: string; depth?: number }): Promise<string>
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
  const { FactsiftError } = await import('../../../errors.js')
  const depth = Number(flags.depth)
  if (!Number.isInteger(depth) || depth < 1) throw new FactsiftError('E_BAD_ARGUMENT', `--depth must be a positive integer, got "${flags.depth}"`)
  // Training code lives outside src/ (it only writes model files) and is not part of the built package.
  const entry = new URL('../../../../training/claim-matching/train.ts', import.meta.url)
  let mod: TrainingModule
  try {
    mod = (await import(entry.href)) as TrainingModule
  } catch {
    throw new FactsiftError('E_CONFIG', `training needs a source checkout run through tsx (npm run train:claim-matching); cannot load ${entry.pathname}`)
  }
  process.stdout.write(await mod.trainClaimMatching({ data: flags.data, out: flags.out, depth }))
}
