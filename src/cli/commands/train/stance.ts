// `factsift train stance --data <dir>`: runs training/stance/pipeline.ts (needs a source checkout run through tsx).
import type { Command } from 'commander'
import { runAction } from '../../run-action.js'

interface TrainFlags {
  data: string
  out?: string
  mlp: boolean
  format: string
}

/** The part of training/stance/pipeline.ts this command calls (typed here: that file is outside src/). */
interface TrainingModule {
  trainStance(options: { data: string; out?: string; noMlp?: boolean; json?: boolean }): Promise<unknown>
}

export default function register(trainCommand: Command): void {
  trainCommand
    .command('stance')
    .description('Train the stance model on FNC-1 split_train (GBDT + MLP, calibrated on a body-disjoint tenth); prints dev figures')
    .requiredOption('--data <dir>', 'folder with train_bodies.csv, split_train_stances.csv and split_dev_stances.csv')
    .option('-o, --out <file>', 'model file to write', 'models/stance.json')
    .option('--no-mlp', 'gradient-boosted trees only (no MLP in the ensemble)')
    .option('-f, --format <format>', 'text | json (metrics)', 'text')
    .action(runAction(trainStanceCommand))
}

async function trainStanceCommand(flags: TrainFlags): Promise<void> {
  const { FactsiftError } = await import('../../../errors.js')
  if (flags.format !== 'text' && flags.format !== 'json') throw new FactsiftError('E_BAD_ARGUMENT', `--format must be text or json, got "${flags.format}"`)
  // Training code lives outside src/ (it only writes model files) and is not part of the built package.
  const entry = new URL('../../../../training/stance/pipeline.ts', import.meta.url)
  let mod: TrainingModule
  try {
    mod = await import(entry.href)
  } catch {
    throw new FactsiftError('E_CONFIG', `training needs a source checkout run through tsx (npm run train:stance); cannot load ${entry.pathname}`)
  }
  await mod.trainStance({ data: flags.data, out: flags.out, noMlp: !flags.mlp, json: flags.format === 'json' })
}
