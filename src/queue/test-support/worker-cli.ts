// Runs `factsift worker …` from the TypeScript sources (tests spawn this: no build needed, SIGKILL-able like the real CLI).
import { Command } from 'commander'
import register from '../../cli/commands/worker.js'

const program = new Command('factsift')
register(program)
await program.parseAsync(process.argv)
