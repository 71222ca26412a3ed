// `factsift eval claim-matching`: CLEF CheckThat! 2020 Task 2 figures of the shipped re-ranker and of plain BM25.
import type { Command } from 'commander'
import { runAction } from '../../../src/cli/run-action.js'

interface EvalFlags {
  claims: string
  queries: string
  qrels: string
  format: string
  model?: string
}

export default function register(evalCommand: Command): void {
  evalCommand
    .command('claim-matching')
    .description('Match CLEF CheckThat! 2020 Task 2 tweets against verified claims; print MAP@1/3/5/10, MRR and P@1 for the re-ranker and plain BM25')
    .requiredOption('--claims <file>', 'verified_claims.tsv (vclaim_id, vclaim, title)')
    .requiredOption('--queries <file>', 'tweets: <split>.queries.tsv (id, tweet)')
    .requiredOption('--qrels <file>', 'relevance judgements: <split>.qrels (TREC format)')
    .option('-f, --format <format>', 'text | json', 'text')
    .option('--model <file>', 'model file to evaluate (default: the shipped models/claim-matching.json)')
    .action(runAction(evalClaimMatching))
}

async function evalClaimMatching(flags: EvalFlags): Promise<void> {
  const [{ FactsiftError }, { createModelLoader }, { loadClaimMatchingModel }, { evaluateClaimMatching }, path] = await Promise.all([
    import('../../../src/errors.js'),
    import('../../../src/models/loader.js'),
    import('../../../src/analyzers/factchecks/matcher.js'),
    import('../../claim-matching/evaluate-claim-matching.js'),
    import('node:path'),
  ])
  if (flags.format !== 'text' && flags.format !== 'json') throw new FactsiftError('E_BAD_ARGUMENT', `--format must be text or json, got "${flags.format}"`)
  if (flags.model && path.basename(flags.model) !== 'claim-matching.json') {
    throw new FactsiftError('E_BAD_ARGUMENT', '--model must point to a file named claim-matching.json')
  }
  const loader = flags.model ? createModelLoader(path.dirname(path.resolve(flags.model))) : createModelLoader()
  const model = loadClaimMatchingModel(loader)
  const result = await evaluateClaimMatching(model, { claims: flags.claims, queries: flags.queries, qrels: flags.qrels })
  if (flags.format === 'json') {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
    return
  }
  const keys = ['MAP@1', 'MAP@3', 'MAP@5', 'MAP@10', 'MRR', 'P@1'] as const
  const row = (label: string, m: Record<(typeof keys)[number], number>) => `${label.padEnd(28)}${keys.map((k) => m[k].toFixed(4).padStart(8)).join('')}`
  const lines = [
    `CLEF CheckThat! 2020 Task 2 — ${result.queries} tweets against ${result.claims} verified claims (${flags.queries})`,
    '',
    `${''.padEnd(28)}${keys.map((k) => k.padStart(8)).join('')}`,
    row(`re-ranker (top ${result.depth})`, result.reranker),
    row('BM25, raw tweet', result.bm25),
    row('BM25, cleaned (1st stage)', result.firstStage),
    '',
    `re-ranker − BM25: MAP@5 ${(result.reranker['MAP@5'] - result.bm25['MAP@5']).toFixed(4)}`,
    `threshold ${result.threshold.value}: a match is shown for ${(result.threshold.shown * 100).toFixed(1)}% of tweets, right in ${(result.threshold.precision * 100).toFixed(1)}% of them;`,
    `  with their fact-checks taken out of the candidates, a (wrong) match is shown for ${(result.threshold.shownWithoutFactCheck * 100).toFixed(1)}%`,
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
}
