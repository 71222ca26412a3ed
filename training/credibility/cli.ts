// Runs `eval credibility` / `train credibility` exactly as `factsift` will, before main.ts wires them in:
//   npx tsx training/credibility/cli.ts eval credibility --data …
import { Command } from 'commander'
import registerEval from '../../src/cli/commands/eval/credibility.js'
import registerTrain from '../../src/cli/commands/train/credibility.js'

const program = new Command('factsift')
registerEval(program.command('eval'))
registerTrain(program.command('train'))
await program.parseAsync(process.argv)
