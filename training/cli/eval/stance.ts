// `factsift eval stance --bodies <csv> --stances <csv>`: FNC-1 score, per-class and macro F1, confusion, and the baseline.
import type { Command } from 'commander'
import { runAction } from '../../../src/cli/run-action.js'
import { checkTextOrJson } from '../../../src/cli/parse-options.js'

interface EvalFlags {
  bodies: string
  stances: string
  format: string
  model?: string
}

export default function register(evalCommand: Command): void {
  evalCommand
    .command('stance')
    .description('Score the stance model on FNC-1 style CSVs: FNC-1 weighted score, per-class F1, macro-F1, confusion matrix, and a baseline')
    .requiredOption('--bodies <csv>', 'bodies file: "Body ID", articleBody (e.g. train_bodies.csv)')
    .requiredOption('--stances <csv>', 'labelled pairs: Headline, "Body ID", Stance (e.g. split_dev_stances.csv)')
    .option('-f, --format <format>', 'text | json', 'text')
    .option('--model <file>', 'model file to evaluate (default: the shipped models/stance.json)')
    .action(runAction(evalStance))
}

async function evalStance(flags: EvalFlags): Promise<void> {
  checkTextOrJson(flags.format)
  const { FactsiftError } = await import('../../../src/errors.js')
  const [{ readFncBodies, readFncStances }, { stanceModelFromJSON, loadStanceModel }, { evaluateStance, formatStanceEvaluation }, { createModelLoader }, fs] =
    await Promise.all([
      import('../../stance/fnc-data.js'),
      import('../../../src/analyzers/lateral-reading/stance/model.js'),
      import('../../stance/evaluate.js'),
      import('../../../src/models/loader.js'),
      import('node:fs'),
    ])
  let model
  if (flags.model) {
    let text: string
    try {
      text = fs.readFileSync(flags.model, 'utf8')
    } catch {
      throw new FactsiftError('E_INPUT_NOT_FOUND', `${flags.model} does not exist or cannot be read`)
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      throw new FactsiftError('E_MODEL_INVALID', `${flags.model} is not valid JSON`)
    }
    model = stanceModelFromJSON(parsed, flags.model)
  } else {
    model = loadStanceModel(createModelLoader())
  }
  const [bodies, pairs] = await Promise.all([readFncBodies(flags.bodies), readFncStances(flags.stances)])
  if (pairs.some((pair) => pair.label < 0)) throw new FactsiftError('E_INPUT_INVALID', `${flags.stances} has no Stance column to score against`)
  const evaluation = evaluateStance(model, bodies, pairs, flags.stances)
  if (flags.format === 'json') {
    process.stdout.write(`${JSON.stringify({ stances: flags.stances, bodies: flags.bodies, modelCreatedAt: model.createdAt, ...evaluation }, null, 2)}\n`)
    return
  }
  process.stdout.write(`FNC-1 stance evaluation: ${pairs.length} pairs from ${flags.stances}, ${bodies.size} bodies\n\n${formatStanceEvaluation(evaluation)}`)
}
