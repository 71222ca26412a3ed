// `factsift train checkworthiness --data <dir>`: runs training/checkworthiness/train.ts.
import type { Command } from 'commander'
import { runAction } from '../../../src/cli/run-action.js'

interface TrainFlags {
  data: string
  out?: string
  cv?: boolean
  select?: boolean
  news?: string | boolean
  newsPrior?: string
}

export default function register(trainCommand: Command): void {
  trainCommand
    .command('checkworthiness')
    .description('Train the check-worthiness model on CLEF CheckThat! 2019 (train/, calibrated on held-back folds, dev evaluated once)')
    .requiredOption('--data <dir>', 'folder with train/ and dev/ CLEF TSV files')
    .option('-o, --out <file>', 'model file to write (default: models/checkworthiness.json; the card goes beside it)')
    .option('--cv', 'also run leave-one-transcript-out CV over all transcripts (train + dev)')
    .option('--select', 'compare the candidate models by CV on train/ and write training/checkworthiness/selection.md only')
    .option('--news <dir>', 'news passages for the transfer figures (default: test/fixtures/checkworthiness/news)')
    .option('--no-news', 'skip the news transfer figures')
    .option('--news-prior <share>', 'assumed share of check-worthy sentences in news (default 0.35)')
    .action(runAction(trainCheckworthinessCommand))
}

async function trainCheckworthinessCommand(flags: TrainFlags): Promise<void> {
  const mod = await import('../../checkworthiness/train.js')
  mod.trainCheckworthiness({
    data: flags.data,
    out: flags.out,
    cv: flags.cv,
    select: flags.select,
    news: flags.news === false ? null : typeof flags.news === 'string' ? flags.news : undefined,
    newsPrior: flags.newsPrior === undefined ? undefined : Number(flags.newsPrior),
  })
}
