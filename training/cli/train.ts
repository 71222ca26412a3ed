// `factsift train <task>`: trains one of our models from a dataset and writes models/<id>.json with its card.
import type { Command } from 'commander'
import registerCheckworthiness from './train/checkworthiness.js'
import registerClaimMatching from './train/claim-matching.js'
import registerCredibility from './train/credibility.js'
import registerStance from './train/stance.js'

export default function register(program: Command): void {
  const trainCommand = program.command('train').description('Train a model from a dataset; writes models/<id>.json and its model card')
  registerCheckworthiness(trainCommand)
  registerClaimMatching(trainCommand)
  registerCredibility(trainCommand)
  registerStance(trainCommand)
}
