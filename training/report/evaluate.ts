// `factsift eval report`: for each gold part, a throw-away SQLite store with that part's fact-checks and reference
// articles (imported through the same code as `factsift factchecks import` and `factsift corpus add`), every article
// analyzed by an engine on that store, every judgment checked; pass rates per judgment type and overall, per part.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import type { Services } from '../../src/services/types.js'
import { createEngine } from '../../src/engine/engine.js'
import { openAnalysisServices } from '../../src/engine/services.js'
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js'
import { importFactChecks } from '../../src/factchecks/import/import-file.js'
import { readCorpusInputs } from '../../src/corpus/read-inputs.js'
import { addArticles } from '../../src/corpus/add-articles.js'
import { FactsiftError, isFactsiftError } from '../../src/errors.js'
import { checkJudgments, NOT_ASSESSED_INEXPRESSIBLE, type JudgmentResult, type Outcome } from './check.js'
import { JUDGMENT_TYPES, type JudgmentType } from './judgments.js'
import { loadGoldParts, type GoldPart } from './gold.js'

export interface Rate {
  passed: number
  total: number
  /** passed / total; null when there is no judgment of the type. */
  rate: number | null
  /** Failures that the current report contract cannot avoid (e.g. 'not assessed' does not exist yet). */
  notExpressible: number
}

export interface PartEvaluation {
  part: string
  tuned: boolean
  /** "tuning" or "untuned (held out: never used to change the code)". */
  label: string
  articles: number
  factChecks: number
  referenceArticles: number
  /** Articles per category tag (from the judgments files). */
  categories: Record<string, number>
  judgments: Record<JudgmentType, Rate>
  overall: Rate
  /** Articles whose analysis was refused with an input error (counted as 'not assessed'). */
  refused: string[]
  failures?: JudgmentResult[]
}

export interface ReportEvaluation {
  data: string
  parts: PartEvaluation[]
}

/**
 * The one place the evaluation gets its analysis services from a store location: adapt here when the services API
 * changes (today `openAnalysisServices({ db })` wires fact-check matching and lateral reading when the store has data).
 */
export async function openGoldServices(db: string): Promise<Services> {
  return openAnalysisServices({ db })
}

/** Evaluates every part found in `dir`; with `details`, each part lists its failed judgments. */
export async function evaluateReportGold(dir: string, options: { details?: boolean } = {}): Promise<ReportEvaluation> {
  const parts = loadGoldParts(dir)
  const out: PartEvaluation[] = []
  for (const part of parts) out.push(await evaluatePart(part, options))
  return { data: dir, parts: out }
}

async function evaluatePart(part: GoldPart, options: { details?: boolean }): Promise<PartEvaluation> {
  const tmp = mkdtempSync(join(tmpdir(), 'factsift-report-gold-'))
  const db = join(tmp, 'gold.db')
  try {
    const { factChecks, referenceArticles } = await fillStore(part, db)
    const services = await openGoldServices(db)
    const results: JudgmentResult[] = []
    const refused: string[] = []
    try {
      const engine = createEngine({ services })
      for (const article of part.articles) {
        let outcome: Outcome
        try {
          outcome = { report: await engine.analyzeLocation(article.path, article.judgments.input ?? {}) }
        } catch (error) {
          if (!(isFactsiftError(error) && error.exitCode === 2)) throw error
          outcome = { refused: { code: error.code, message: error.message } }
          refused.push(article.name)
        }
        results.push(...checkJudgments(basename(article.path), outcome, article.judgments))
      }
    } finally {
      await services.store?.close()
    }
    const categories: Record<string, number> = {}
    for (const a of part.articles) for (const c of a.judgments.categories ?? []) categories[c] = (categories[c] ?? 0) + 1
    const judgments = Object.fromEntries(JUDGMENT_TYPES.map((t) => [t, rateOf(results.filter((r) => r.type === t))])) as Record<JudgmentType, Rate>
    return {
      part: part.name,
      tuned: part.tuned,
      label: part.tuned ? 'tuning' : 'untuned (held out: never used to change the code)',
      articles: part.articles.length,
      factChecks,
      referenceArticles,
      categories: Object.fromEntries(Object.entries(categories).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
      judgments,
      overall: rateOf(results),
      refused,
      ...(options.details ? { failures: results.filter((r) => !r.pass) } : {}),
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

/** Imports the part's claimreviews.json and reference-articles/ into a new SQLite store at `db`; any skipped item is an error. */
async function fillStore(part: GoldPart, db: string): Promise<{ factChecks: number; referenceArticles: number }> {
  const store = openSqliteStore(db)
  try {
    if (part.claimReviews) {
      const summary = await importFactChecks(store.factchecks, part.claimReviews, { format: 'json' })
      if (summary.skipped > 0 || summary.aborted) {
        throw new FactsiftError('E_BAD_DATA_ROW', `${part.claimReviews}: ${summary.skipped} records skipped${summary.aborted ? `, ${summary.aborted}` : ''} (${summary.problems.map((p) => p.message).join('; ')})`)
      }
    }
    if (part.referenceArticles) {
      const summary = await addArticles(store.corpus, readCorpusInputs([part.referenceArticles], { maxBytes: 50 * 1024 * 1024 }))
      if (summary.skipped > 0) {
        throw new FactsiftError('E_BAD_DATA_ROW', `${part.referenceArticles}: ${summary.problems.map((p) => `${p.where}: ${p.message}`).join('; ')}`)
      }
    }
    return { factChecks: await store.factchecks.count(), referenceArticles: await store.corpus.count() }
  } finally {
    await store.close()
  }
}

export function rateOf(results: readonly JudgmentResult[]): Rate {
  const passed = results.filter((r) => r.pass).length
  return {
    passed,
    total: results.length,
    rate: results.length > 0 ? passed / results.length : null,
    notExpressible: results.filter((r) => !r.pass && r.notExpressible).length,
  }
}

/** The evaluation as text: one table per part, the untuned part clearly labelled, failures with --details. */
export function formatReportEvaluation(evaluation: ReportEvaluation): string {
  const lines: string[] = [`report gold set: ${evaluation.data}`]
  const reasons = new Set<string>()
  for (const part of evaluation.parts) {
    lines.push('')
    lines.push(`== part ${part.part}: ${part.tuned ? 'TUNING part (developers may look at it)' : 'UNTUNED part (held out: nobody tunes on it)'} ==`)
    lines.push(`${part.articles} articles, ${part.factChecks} fact-checks, ${part.referenceArticles} reference articles${part.refused.length ? `; refused as input: ${part.refused.join(', ')}` : ''}`)
    lines.push(`categories: ${Object.entries(part.categories).map(([k, v]) => `${k} ${v}`).join(', ')}`)
    lines.push(`${'judgment'.padEnd(20)}${'passed'.padStart(8)}${'total'.padStart(8)}${'rate'.padStart(9)}`)
    const row = (name: string, r: Rate) =>
      `${name.padEnd(20)}${String(r.passed).padStart(8)}${String(r.total).padStart(8)}${(r.rate === null ? '—' : `${(100 * r.rate).toFixed(1)}%`).padStart(9)}` +
      (r.notExpressible > 0 ? `   (${r.notExpressible} failed: not expressible yet)` : '')
    for (const type of JUDGMENT_TYPES) lines.push(row(type, part.judgments[type]))
    lines.push(row(part.tuned ? 'overall' : 'overall (untuned)', part.overall))
    for (const f of part.failures ?? []) if (f.notExpressible) reasons.add(f.notExpressible)
    if (part.judgments.assessed.notExpressible > 0) reasons.add(NOT_ASSESSED_INEXPRESSIBLE)
    if (part.failures) {
      lines.push(`failures (${part.failures.length}):`)
      for (const f of part.failures) {
        lines.push(`- ${f.article} · ${f.type}${f.notExpressible ? ' · not expressible yet' : ''}`)
        lines.push(`    expected: ${f.expected}`)
        lines.push(`    got:      ${f.got}`)
      }
    }
  }
  if (reasons.size > 0) {
    lines.push('')
    lines.push('Judgments the current report cannot express count as failed ("not expressible yet" above):')
    for (const r of reasons) lines.push(`- ${r}`)
  }
  return `${lines.join('\n')}\n`
}
