// `factsift eval report --data <dir>`: pass rates of the report's judgments on the hand-written gold set
// (test/fixtures/report-gold: a tuning part and an untuned held-out part, reported separately).
import type { Command } from 'commander'
import { runAction } from '../../../src/cli/run-action.js'
import { checkTextOrJson } from '../../../src/cli/parse-options.js'

interface EvalFlags {
  data: string
  format: string
  details?: boolean
}

export default function register(evalCommand: Command): void {
  evalCommand
    .command('report')
    .description('Check whole reports against a fact-checker\'s judgments (assessed, risk band, first reason and claim, atomic claims, non-claims, matched fact-check, contradiction, misspellings); pass rates per judgment and part')
    .requiredOption('--data <dir>', 'gold folder: parts tune/ and heldout/ (or one part) with articles/, claimreviews.json and reference-articles/ (see test/fixtures/report-gold/README.md)')
    .option('-f, --format <format>', 'text | json', 'text')
    .option('--details', 'also list every failed judgment (article, judgment, expected, got)')
    .action(runAction(evalReport))
}

async function evalReport(flags: EvalFlags): Promise<void> {
  checkTextOrJson(flags.format)
  const { evaluateReportGold, formatReportEvaluation } = await import('../../report/evaluate.js')
  const evaluation = await evaluateReportGold(flags.data, { details: flags.details === true })
  process.stdout.write(flags.format === 'json' ? `${JSON.stringify(evaluation, null, 2)}\n` : formatReportEvaluation(evaluation))
}
