// `factsift eval` and `factsift train`: implemented in training/cli/ (outside the runtime build) and loaded from there
// in a source checkout, through tsx (a dev dependency). The published package has neither, and says so.
import type { Command } from 'commander'
import { FactsiftError } from '../errors.js'

/** The one place runtime code reaches training code (checked by scripts/check-layers.mjs). */
const TRAINING_CLI = '../../training/cli/index.ts'

interface TrainingCli {
  registerTrainingCommands(program: Command): void
}

export const TRAINING_COMMANDS = ['eval', 'train'] as const

/** True when argv asks for `eval` or `train` (only then is the training code loaded: it costs start-up time). */
export function wantsTrainingCommand(argv: readonly string[]): boolean {
  return (TRAINING_COMMANDS as readonly string[]).includes(argv[2] ?? '')
}

/** Registers the training commands when asked for, else a one-line placeholder for each in --help. */
export async function registerTrainingCommands(program: Command, argv: readonly string[]): Promise<void> {
  if (wantsTrainingCommand(argv)) {
    ;(await loadTrainingCli()).registerTrainingCommands(program)
    return
  }
  program.command('eval').description('Measure a model or analyzer on a labelled dataset (source checkout only; `factsift eval --help`)')
  program.command('train').description('Train a model from a dataset and write its file and card (source checkout only)')
}

async function loadTrainingCli(): Promise<TrainingCli> {
  const entry = new URL(TRAINING_CLI, import.meta.url) // from src/cli/ or dist/cli/: the checkout's training/cli/
  try {
    const { tsImport } = await import('tsx/esm/api')
    return (await tsImport(entry.href, import.meta.url)) as TrainingCli
  } catch (error) {
    throw new FactsiftError('E_CONFIG', `eval and train need a source checkout with its dev dependencies (npm install): cannot load ${entry.pathname} (${(error as Error).message.split('\n')[0]})`)
  }
}
