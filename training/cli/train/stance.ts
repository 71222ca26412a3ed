// `factsift train stance --data <dir>`: runs training/stance/pipeline.ts.
import type { Command } from 'commander'
import { runAction } from '../../../src/cli/run-action.js'
import { checkTextOrJson } from '../../../src/cli/parse-options.js'

interface TrainFlags {
  data: string
  out?: string
  mlp: boolean
  format: string
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
  checkTextOrJson(flags.format)
  const mod = await import('../../stance/pipeline.js')
  await mod.trainStance({ data: flags.data, out: flags.out, noMlp: !flags.mlp, json: flags.format === 'json' })
}
