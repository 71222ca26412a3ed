// `factsift train <task>`: trains one of our models from a dataset and writes models/<id>.json with its card.
import type { Command } from 'commander'

export default function register(program: Command): void {
  program.command('train').description('Train a model from a dataset; writes models/<id>.json and its model card')
}
