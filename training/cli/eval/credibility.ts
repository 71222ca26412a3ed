// `factsift eval credibility --data <jsonl>…`: accuracy, macro-F1, ROC AUC, Brier and ECE with a majority baseline.
import type { Command } from 'commander'
import type { ModelVariant } from '../../credibility/defaults.js'
import { runAction } from '../../../src/cli/run-action.js'

interface EvalFlags {
  data: string[]
  train?: string[]
  cv: string
  by: string
  lodo?: boolean
  satire: string
  model: string
  seed: string
  analyzers?: string
  format: string
}

export default function register(evalCommand: Command): void {
  evalCommand
    .command('credibility')
    .description('Measure the credibility model: k-fold CV on --data, or train on --train and test on --data; prints a majority-class baseline from the same run')
    .requiredOption('--data <jsonl...>', 'JSONL rows {text, title?, label: fake|real|satire, domain?}')
    .option('--train <jsonl...>', 'train on these files and test on --data (cross-corpus) instead of cross-validating')
    .option('--cv <k>', 'folds for cross-validation', '5')
    .option('--by <unit>', 'keep each story (a fake and the article it imitates) in one fold: story | row', 'story')
    .option('--lodo', 'also leave one domain out at a time (FakeNewsAMT: biz, edu, …)')
    .option('--satire <policy>', 'count satire as unreliable | reliable', 'unreliable')
    .option('--model <variants>', 'comma-separated: interpretable, full, skeleton; both = interpretable,full', 'both')
    .option('--analyzers <ids>', 'comma-separated analyzer ids to run before scoring (default: the registry)')
    .option('--seed <n>', 'seed for the folds', '1')
    .option('-f, --format <format>', 'text | json', 'text')
    .action(runAction(evalCredibility))
}

async function evalCredibility(flags: EvalFlags): Promise<void> {
  const [{ FactsiftError }, { runCredibilityEval, formatEvalReport }, { MODEL_VARIANTS }] = await Promise.all([
    import('../../../src/errors.js'),
    import('../../credibility/run-eval.js'),
    import('../../credibility/defaults.js'),
  ])
  const bad = (message: string) => new FactsiftError('E_BAD_ARGUMENT', message)
  if (flags.format !== 'text' && flags.format !== 'json') throw bad(`--format must be text or json, got "${flags.format}"`)
  if (flags.satire !== 'unreliable' && flags.satire !== 'reliable') throw bad(`--satire must be unreliable or reliable, got "${flags.satire}"`)
  if (flags.by !== 'story' && flags.by !== 'row') throw bad(`--by must be story or row, got "${flags.by}"`)
  const variants = (flags.model === 'both' ? 'interpretable,full' : flags.model).split(',').map((v) => v.trim()) as ModelVariant[]
  if (variants.some((v) => !MODEL_VARIANTS.includes(v))) throw bad(`--model must list variants among ${MODEL_VARIANTS.join(', ')} (or be both), got "${flags.model}"`)
  const cv = Number(flags.cv)
  const seed = Number(flags.seed)
  if (!Number.isInteger(cv) || cv < 2) throw bad(`--cv must be an integer ≥ 2, got "${flags.cv}"`)
  if (!Number.isInteger(seed)) throw bad(`--seed must be an integer, got "${flags.seed}"`)
  const report = await runCredibilityEval({
    data: flags.data,
    ...(flags.train ? { train: flags.train } : {}),
    cv,
    groupBy: flags.by,
    lodo: flags.lodo ?? false,
    satire: flags.satire,
    variants,
    seed,
    ...(flags.analyzers ? { analyzers: flags.analyzers.split(',').map((id) => id.trim()).filter(Boolean) } : {}),
    onProgress: (message) => process.stderr.write(`${message}\n`),
  })
  process.stdout.write(flags.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : `${formatEvalReport(report)}\n`)
}
