// `factsift eval <task>`: measures a capability on a dataset; each task registers itself here from its own module.
import type { Command } from 'commander'

export default function register(program: Command): void {
  program.command('eval').description('Measure a model or analyzer on a labelled dataset (prints metrics and a baseline)')
}
