// `factsift eval claim-stance --data <file>`: macro-F1, per-class P/R/F1, confusion and the baseline on CLIMATE-FEVER
// JSONL, SICK TSV or our news-pairs JSONL.
import type { Command } from 'commander'
import { runAction } from '../../../src/cli/run-action.js'
import { checkTextOrJson } from '../../../src/cli/parse-options.js'

interface EvalFlags {
  data: string
  format: string
  split: string
  model?: string
}

export default function register(evalCommand: Command): void {
  evalCommand
    .command('claim-stance')
    .description('Score the short-text claim-stance model (supports / refutes / nei) and its baseline on labelled pairs')
    .requiredOption('--data <file>', 'CLIMATE-FEVER JSONL (claim, evidences[]), SICK TSV, or news-pairs JSONL (claim, evidence, label)')
    .option('-f, --format <format>', 'text | json', 'text')
    .option('--split <split>', 'SICK only: heldout (the fifth never trained on) | train | all', 'all')
    .option('--model <file>', 'model file to evaluate (default: the shipped models/claim-stance.json)')
    .action(runAction(evalClaimStance))
}

async function evalClaimStance(flags: EvalFlags): Promise<void> {
  checkTextOrJson(flags.format)
  const { FactsiftError } = await import('../../../src/errors.js')
  if (!['heldout', 'train', 'all'].includes(flags.split)) throw new FactsiftError('E_BAD_ARGUMENT', `--split must be heldout, train or all, got "${flags.split}"`)
  const [{ parsePairs }, { claimStanceModelFromJSON, loadClaimStanceModel }, { evaluateClaimStance, formatClaimStanceEvaluation }, { createModelLoader }, fs] =
    await Promise.all([
      import('../../claim-stance/datasets.js'),
      import('../../../src/analyzers/lateral-reading/claim-stance/model.js'),
      import('../../claim-stance/evaluate.js'),
      import('../../../src/models/loader.js'),
      import('node:fs'),
    ])
  const read = (path: string): string => {
    try {
      return fs.readFileSync(path, 'utf8')
    } catch {
      throw new FactsiftError('E_INPUT_NOT_FOUND', `${path} does not exist or cannot be read`)
    }
  }
  let model
  if (flags.model) {
    let parsed: unknown
    try {
      parsed = JSON.parse(read(flags.model))
    } catch (error) {
      if (error instanceof FactsiftError) throw error
      throw new FactsiftError('E_MODEL_INVALID', `${flags.model} is not valid JSON`)
    }
    model = claimStanceModelFromJSON(parsed, flags.model)
  } else {
    model = loadClaimStanceModel(createModelLoader())
    if (!model) throw new FactsiftError('E_MODEL_INVALID', 'models/claim-stance.json is missing; run npm run train:claim-stance')
  }
  const text = read(flags.data)
  if (!text.trim()) throw new FactsiftError('E_INPUT_EMPTY', `${flags.data} is empty`)
  const { format, pairs } = parsePairs(text, flags.data, flags.split as 'heldout' | 'train' | 'all')
  if (pairs.length === 0) throw new FactsiftError('E_INPUT_INVALID', `${flags.data} holds no labelled pairs${format === 'sick' ? ` in split ${flags.split}` : ''}`)
  const evaluation = evaluateClaimStance(model, pairs)
  const split = format === 'sick' ? flags.split : undefined
  if (flags.format === 'json') {
    process.stdout.write(`${JSON.stringify({ data: flags.data, format, split, modelCreatedAt: model.createdAt, ...evaluation }, null, 2)}\n`)
    return
  }
  process.stdout.write(`claim-stance evaluation: ${pairs.length} pairs from ${flags.data} (${format}${split ? `, split ${split}` : ''})\n\n${formatClaimStanceEvaluation(evaluation)}`)
}
