// `factsift eval checkworthiness --data <dir>`: CLEF 2019 ranking figures of the shipped model and a length baseline.
import type { Command } from 'commander'
import { runAction } from '../../../src/cli/run-action.js'
import { checkTextOrJson } from '../../../src/cli/parse-options.js'

interface EvalFlags {
  data: string
  format: string
  model?: string
  news?: string
}

export default function register(evalCommand: Command): void {
  evalCommand
    .command('checkworthiness')
    .description('Rank the sentences of CLEF CheckThat! 2019 transcripts; print MAP, R-precision and P@k for the model and a baseline')
    .requiredOption('--data <dir>', 'folder of CLEF-format TSV files (line, speaker, sentence, label)')
    .option('-f, --format <format>', 'text | json', 'text')
    .option('--model <file>', 'model file to evaluate (default: the shipped models/checkworthiness.json)')
    .option('--news <dir>', 'also report precision@3 on news passages in this folder (fixture format)')
    .action(runAction(evalCheckworthiness))
}

async function evalCheckworthiness(flags: EvalFlags): Promise<void> {
  checkTextOrJson(flags.format)
  const { FactsiftError } = await import('../../../src/errors.js')
  const [{ annotate }, { createModelLoader }, { loadScorer }, { evaluateCheckworthiness }, { summarize }, path] = await Promise.all([
    import('../../../src/nlp/annotate.js'),
    import('../../../src/models/loader.js'),
    import('../../../src/analyzers/checkworthiness/load-scorer.js'),
    import('../../checkworthiness/evaluate-model.js'),
    import('../../checkworthiness/evaluate.js'),
    import('node:path'),
  ])
  const loader = flags.model ? createModelLoader(path.dirname(path.resolve(flags.model))) : createModelLoader()
  if (flags.model && path.basename(flags.model) !== 'checkworthiness.json') {
    throw new FactsiftError('E_BAD_ARGUMENT', '--model must point to a file named checkworthiness.json')
  }
  const result = evaluateCheckworthiness(loadScorer(loader), annotate, flags.data, flags.news)
  if (flags.format === 'json') {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
    return
  }
  const lines = [
    `CLEF CheckThat! 2019 Task 1 — ${result.transcripts} transcripts, ${result.sentences} sentences, ${result.positives} check-worthy (${flags.data})`,
    'MAP and R-precision and P@k are computed per transcript and averaged over transcripts.',
    '',
    `${'ranking'.padEnd(22)}${['MAP', 'R-prec', 'P@1', 'P@3', 'P@5', 'P@10', 'P@20', 'P@50'].map((h) => h.padStart(8)).join('')}`,
  ]
  for (const [label, figures] of [
    ['model', result.model],
    ['model + news rules', result.modelWithNewsRules],
    ['baseline (length)', result.baseline],
  ] as const) {
    const s = summarize(figures, 4)
    const values = [s.map, s.rPrecision, ...[1, 3, 5, 10, 20, 50].map((k) => s.precisionAt[k])]
    lines.push(`${label.padEnd(22)}${values.map((v) => v.toFixed(4).padStart(8)).join('')}`)
  }
  lines.push('', 'per transcript (model): AP / R-prec / P@10')
  for (const t of result.model.transcripts) {
    lines.push(`  ${t.name.padEnd(32)} ${t.averagePrecision.toFixed(4)}  ${t.rPrecision.toFixed(4)}  ${t.precisionAt[10].toFixed(4)}  (${t.positives}/${t.sentences})`)
  }
  if (result.news) {
    const p = result.news.precisionAt3
    lines.push(
      '',
      `news passages (${result.news.passages}): precision@3 model ${p.model.toFixed(3)}, rules ${p.rules.toFixed(3)}, model + rules ${p.combined.toFixed(3)}, baseline ${p.baseline.toFixed(3)}`,
    )
  }
  process.stdout.write(`${lines.join('\n')}\n`)
}
