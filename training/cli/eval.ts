// `factsift eval <task>`: measures a capability on a dataset; each task lives in its own module under eval/.
import type { Command } from 'commander'
import registerCheckworthiness from './eval/checkworthiness.js'
import registerClaimStance from './eval/claim-stance.js'
import registerClaimMatching from './eval/claim-matching.js'
import registerCredibility from './eval/credibility.js'
import registerReport from './eval/report.js'
import registerSourcing from './eval/sourcing.js'
import registerStance from './eval/stance.js'

export default function register(program: Command): void {
  const evalCommand = program
    .command('eval')
    .description('Measure a model or analyzer on a labelled dataset (prints metrics and a baseline measured in the same run)')
  registerCheckworthiness(evalCommand)
  registerClaimStance(evalCommand)
  registerClaimMatching(evalCommand)
  registerCredibility(evalCommand)
  registerReport(evalCommand)
  registerSourcing(evalCommand)
  registerStance(evalCommand)
}
