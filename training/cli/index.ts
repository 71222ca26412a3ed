// The `factsift eval …` and `factsift train …` commands. They live here, outside the runtime build: they read
// datasets, fit models and write model files, and the published package ships none of that. src/cli/training-commands.ts
// loads this file in a source checkout.
import { Command } from 'commander'
import registerEval from './eval.js'
import registerTrain from './train.js'

/** Adds `eval` and `train` with every task to `program` (the runtime CLI's program, so options and errors match). */
export function registerTrainingCommands(program: Command): void {
  registerEval(program)
  registerTrain(program)
}
