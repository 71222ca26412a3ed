// `factsift train credibility --data <jsonl>…`: trains the article credibility model and writes models/credibility.json.
import type { Command } from 'commander'
import type { ModelVariant } from '../../credibility/defaults.js'
import { runAction } from '../../../src/cli/run-action.js'

interface TrainFlags {
  data: string[]
  out?: string
  variant: string
  satire: string
  seed: string
  analyzers?: string
  createdAt?: string
}

export default function register(trainCommand: Command): void {
  trainCommand
    .command('credibility')
    .description('Train the credibility (risk) model from JSONL rows {text, title?, label: fake|real|satire}; writes models/credibility.json')
    .requiredOption('--data <jsonl...>', 'one or more JSONL files of labelled articles')
    .option('--out <file>', 'where to write the model (default: the package models/credibility.json)')
    .option('--variant <variant>', 'interpretable (features only) | full (features + hashed word n-grams) | skeleton (full + skeleton n-grams)', 'interpretable')
    .option('--satire <policy>', 'count satire as unreliable | reliable', 'unreliable')
    .option('--analyzers <ids>', 'comma-separated analyzer ids to run before scoring (default: the registry)')
    .option('--seed <n>', 'seed for the calibration folds', '1')
    .option('--created-at <iso>', 'date written into the manifest (default: now)')
    .action(runAction(trainCredibility))
}

async function trainCredibility(flags: TrainFlags): Promise<void> {
  const [{ FactsiftError }, { trainCredibilityModel }, { writeModelFile }, { defaultModelDirectory }, path] = await Promise.all([
    import('../../../src/errors.js'),
    import('../../credibility/run-train.js'),
    import('../../../src/ml/model-file.js'),
    import('../../../src/models/loader.js'),
    import('node:path'),
  ])
  const { MODEL_VARIANTS } = await import('../../credibility/defaults.js')
  if (!(MODEL_VARIANTS as readonly string[]).includes(flags.variant)) throw new FactsiftError('E_BAD_ARGUMENT', `--variant must be one of ${MODEL_VARIANTS.join(', ')}, got "${flags.variant}"`)
  if (flags.satire !== 'unreliable' && flags.satire !== 'reliable') throw new FactsiftError('E_BAD_ARGUMENT', `--satire must be unreliable or reliable, got "${flags.satire}"`)
  const seed = Number(flags.seed)
  if (!Number.isInteger(seed)) throw new FactsiftError('E_BAD_ARGUMENT', `--seed must be an integer, got "${flags.seed}"`)
  if (flags.createdAt !== undefined && Number.isNaN(Date.parse(flags.createdAt))) throw new FactsiftError('E_BAD_ARGUMENT', `--created-at must be an ISO date`)
  const model = await trainCredibilityModel({
    data: flags.data,
    variant: flags.variant as ModelVariant,
    satire: flags.satire,
    seed,
    ...(flags.analyzers ? { analyzers: flags.analyzers.split(',').map((id) => id.trim()).filter(Boolean) } : {}),
    ...(flags.createdAt ? { createdAt: new Date(flags.createdAt).toISOString() } : {}),
    onProgress: (message) => process.stderr.write(`${message}\n`),
  })
  const out = flags.out ?? path.join(defaultModelDirectory(), 'credibility.json')
  writeModelFile(out, model, { digits: 5 })
  const m = model.metrics.cv5ByStory as { accuracy: number; macroF1: number; rocAuc: number; brier: number; ece: number }
  process.stdout.write(
    `wrote ${out} (${model.metrics.variant}, ${model.trainedOn})\n` +
      `5-fold CV by story on the training data: accuracy ${m.accuracy.toFixed(3)}, macro-F1 ${m.macroF1.toFixed(3)}, ROC AUC ${m.rocAuc.toFixed(3)}, Brier ${m.brier.toFixed(3)}, ECE ${m.ece.toFixed(3)}\n`,
  )
}
