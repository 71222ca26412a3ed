// Runs analyzers in order over one annotated document, isolating failures, and assembles the report.
import type { Analyzer, AnalyzerContext, ReportDraft } from '../analyzers/types.js'
import type { AnnotatedDocument } from '../document/types.js'
import type { Services } from '../services/types.js'
import type { Assessment, Report, ReportEntity, ReportError, Signal } from '../report/types.js'
import { declarationProblems, toSignal, type SignalDeclaration, type SignalDraft } from '../report/signals.js'
import { FactsiftError, toFactsiftError } from '../errors.js'
import { documentId } from './document-id.js'
import { compareClaims } from '../report/claim-order.js'
import { countWords } from './word-count.js'
import { assessDocument, languageAssessed } from './assessment.js'
import { VERSION } from '../version.js'

/**
 * Checks the analyzers' declarations (rules in src/analyzers/types.ts, AnalyzerMeta): ids are unique, every `requires`
 * names an analyzer listed earlier, no `reads` names one listed later (or itself), and the declared signals are sound
 * and each declared by one analyzer only. Throws E_CONFIG otherwise.
 */
export function validateAnalyzerOrder(analyzers: readonly Analyzer[]): void {
  const seen = new Set<string>()
  const listed = new Set(analyzers.map((analyzer) => analyzer.id))
  const signalOwners = new Map<string, string>()
  for (const analyzer of analyzers) {
    if (!analyzer.id || typeof analyzer.analyze !== 'function') {
      throw new FactsiftError('E_CONFIG', `invalid analyzer ${JSON.stringify(analyzer.id)}: it needs an id and an analyze function`)
    }
    if (seen.has(analyzer.id)) throw new FactsiftError('E_CONFIG', `analyzer "${analyzer.id}" is listed twice`)
    for (const required of analyzer.meta?.requires ?? []) {
      if (!seen.has(required)) {
        throw new FactsiftError('E_CONFIG', `analyzer "${analyzer.id}" requires "${required}", which must be listed before it`)
      }
    }
    for (const read of analyzer.meta?.reads ?? []) {
      if (read === analyzer.id || (listed.has(read) && !seen.has(read))) {
        throw new FactsiftError('E_CONFIG', `analyzer "${analyzer.id}" reads "${read}", which is listed after it: move "${read}" earlier or stop reading it`)
      }
    }
    for (const declaration of analyzer.meta?.signals ?? []) {
      const problems = declarationProblems(declaration)
      if (problems.length > 0) throw new FactsiftError('E_CONFIG', `analyzer "${analyzer.id}": ${problems.join('; ')}`)
      const owner = signalOwners.get(declaration.id)
      if (owner !== undefined) {
        throw new FactsiftError('E_CONFIG', `signal "${declaration.id}" is declared by both "${owner}" and "${analyzer.id}"`)
      }
      signalOwners.set(declaration.id, analyzer.id)
    }
    seen.add(analyzer.id)
  }
}

export interface PipelineTimings {
  ingestMs: number
  annotateMs: number
  startedAt: number
}

/** The report and, for evaluation and benches, each analyzer's own output by id (failed ones are absent). */
export interface PipelineResult {
  report: Report
  outputs: ReadonlyMap<string, unknown>
}

/** Runs every analyzer; one failing records an entry in `report.errors` and those requiring it are skipped. */
export async function runPipeline(
  doc: AnnotatedDocument,
  analyzers: readonly Analyzer[],
  services: Services,
  timings: PipelineTimings,
): Promise<PipelineResult> {
  const assessment = assessDocument(doc)
  const draft = createDraft(doc, assessment)
  const outputs = new Map<string, unknown>()
  const failed = new Set<string>()
  const skipped = new Set<string>()
  const errors: ReportError[] = []
  const analyzerMs: Record<string, number> = {}

  // One clock reading per analyzer: where one ends the next starts (see createEngine on why readings are kept few).
  let started = services.now()
  for (const analyzer of analyzers) {
    const requires = analyzer.meta?.requires ?? []
    const notApplicable = whyNotApplicable(analyzer, assessment, doc.meta.language, skipped)
    if (notApplicable) {
      skipped.add(analyzer.id)
      assessment.skipped.push({ analyzer: analyzer.id, reason: notApplicable })
      continue
    }
    const missing = requires.find((id) => failed.has(id))
    if (missing) {
      failed.add(analyzer.id)
      errors.push({ analyzer: analyzer.id, code: 'E_DEPENDENCY_FAILED', message: `skipped: "${missing}" failed` })
      continue
    }
    try {
      // Most analyzers are synchronous: awaiting only a promise spares each of them a suspension and a microtask.
      const result = analyzer.analyze(doc, contextFor(analyzer, outputs, services))
      const out = isThenable(result) ? await result : result
      outputs.set(analyzer.id, out)
      if (analyzer.contribute) {
        const before = draft.signals.slice()
        try {
          analyzer.contribute(out, draft, doc)
        } catch (error) {
          // Signals added before the failure have no message yet: they go with the failed contribution.
          const earlier = earlierSignals(before, draft.signals)
          draft.signals.splice(0, draft.signals.length, ...draft.signals.filter((signal, i) => earlier(signal, i)))
          throw error
        }
        errors.push(...completeSignals(analyzer, draft.signals, before))
      }
    } catch (error) {
      failed.add(analyzer.id)
      const failure = toFactsiftError(error)
      const code = failure.code === 'E_INTERNAL' ? 'E_ANALYZER_FAILED' : failure.code
      errors.push({ analyzer: analyzer.id, code, message: failure.message })
      services.logger.warn(`analyzer ${analyzer.id} failed`, { code, message: failure.message })
    }
    const ended = services.now()
    analyzerMs[analyzer.id] = round(ended - started)
    started = ended
  }

  // Nothing not assessed carries a score, whatever an analyzer wrote.
  if (assessment.status === 'not-assessed') draft.risk = { score: null, label: 'not-assessed', reasons: [], assessed: false }
  draft.claims.sort(compareClaims)
  draft.signals.sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id))
  const report: Report = {
    ...draft,
    // completeSignals turned every draft into a Signal right after the contribute that added it.
    signals: draft.signals as Signal[],
    errors,
    timings: {
      totalMs: round(services.now() - timings.startedAt),
      ingestMs: round(timings.ingestMs),
      annotateMs: round(timings.annotateMs),
      analyzers: analyzerMs,
    },
  }
  return { report, outputs }
}

/**
 * The signals `analyzer` just added (those not in `before`), checked against its `meta.signals` and turned into report
 * signals in place (message from the template, severity defaulted). An undeclared one, or one whose template lacks a
 * value, is removed and reported as E_BAD_SIGNAL (one error per analyzer, naming every bad id).
 */
function completeSignals(analyzer: Analyzer, signals: SignalDraft[], before: readonly SignalDraft[]): ReportError[] {
  const earlier = earlierSignals(before, signals)
  if (signals.length === before.length && signals.every((s, i) => earlier(s, i))) return []
  const { declared } = metaIndexOf(analyzer)
  const problems: string[] = []
  let kept = 0
  for (let i = 0, count = signals.length; i < count; i++) {
    const signal = signals[i]!
    if (earlier(signal, i)) {
      signals[kept++] = signal
      continue
    }
    const declaration = declared.get(signal.id)
    if (!declaration) {
      problems.push(`signal "${signal.id}" is not declared in meta.signals`)
      continue
    }
    try {
      const complete = toSignal(signal, declaration)
      signals[kept++] = complete
    } catch (error) {
      problems.push(`signal "${signal.id}": ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  signals.length = kept
  if (problems.length === 0) return []
  const unique = [...new Set(problems)]
  return [{ analyzer: analyzer.id, code: 'E_BAD_SIGNAL', message: `left out: ${unique.join('; ')}` }]
}

// Above this many reference comparisons (signals added × signals before), a Set answers instead.
const LINEAR_LIMIT = 4096

/**
 * Whether the signal at index `i` of `signals` was among `before` (the signals before a contribute), by reference. In the
 * usual case the earlier signals are still in front and few were added: that is answered without hashing every signal
 * into a Set per contributing analyzer per article.
 */
function earlierSignals(before: readonly SignalDraft[], signals: readonly SignalDraft[]): (signal: SignalDraft, i: number) => boolean {
  const n = before.length
  let inFront = signals.length >= n
  for (let i = 0; inFront && i < n; i++) if (signals[i] !== before[i]) inFront = false
  if (inFront && (signals.length - n) * n <= LINEAR_LIMIT) return (signal, i) => i < n || before.includes(signal)
  const set = new Set(before)
  return (signal) => set.has(signal)
}

/**
 * Why `analyzer` does not run on this document (undefined when it does): only a document that is not assessed skips
 * analyzers, those marked `assessedOnly`, those made for other languages than the document's, and those requiring one
 * already skipped (rules in src/analyzers/types.ts, AnalyzerMeta.appliesTo).
 */
export function whyNotApplicable(analyzer: Analyzer, assessment: Assessment, language: string, skipped: ReadonlySet<string>): string | undefined {
  if (assessment.status === 'assessed') return undefined
  const applies = analyzer.meta?.appliesTo ?? { languages: ['en'] }
  if (applies.assessedOnly) return 'judges whole articles: the document is not assessed'
  if (applies.languages !== 'any' && !languageAssessed(language) && !applies.languages.includes(language)) {
    return `made for ${applies.languages.join(', ') || 'no language'}; the document is in ${language}`
  }
  const missing = (analyzer.meta?.requires ?? []).find((id) => skipped.has(id))
  if (missing) return `requires "${missing}", which does not apply`
  return undefined
}

/** What the pipeline looks up in an analyzer's meta: the ids it may read and its declared signals by id. */
interface MetaIndex {
  required: ReadonlySet<string>
  readable: ReadonlySet<string>
  declared: ReadonlyMap<string, SignalDeclaration>
}

// Made once per analyzer rather than per article: an analyzer's meta does not change once the engine validated it.
const metaIndexes = new WeakMap<Analyzer, MetaIndex>()

function metaIndexOf(analyzer: Analyzer): MetaIndex {
  let index = metaIndexes.get(analyzer)
  if (!index) {
    const required = new Set(analyzer.meta?.requires ?? [])
    index = {
      required,
      readable: new Set([...required, ...(analyzer.meta?.reads ?? [])]),
      declared: new Map((analyzer.meta?.signals ?? []).map((d) => [d.id, d])),
    }
    metaIndexes.set(analyzer, index)
  }
  return index
}

function contextFor(analyzer: Analyzer, outputs: Map<string, unknown>, services: Services): AnalyzerContext {
  const { required, readable } = metaIndexOf(analyzer)
  return {
    services,
    get<T>(id: string): T {
      if (!required.has(id)) {
        throw new FactsiftError('E_CONFIG', `analyzer "${analyzer.id}" reads "${id}" without listing it in meta.requires`)
      }
      return outputs.get(id) as T
    },
    find<T>(id: string): T | undefined {
      if (!readable.has(id)) {
        throw new FactsiftError('E_CONFIG', `analyzer "${analyzer.id}" looks up "${id}" without listing it in meta.reads (or meta.requires)`)
      }
      return outputs.get(id) as T | undefined
    },
  }
}

function createDraft(doc: AnnotatedDocument, assessment: Assessment): ReportDraft {
  const { meta } = doc
  return {
    schemaVersion: 1,
    id: documentId(doc),
    generator: { name: 'factsift', version: VERSION },
    document: {
      title: meta.title,
      url: meta.url,
      outlet: meta.outlet,
      publishedAt: meta.publishedAt,
      language: meta.language,
      wordCount: countWords(doc),
      text: doc.text,
      byline: meta.byline,
    },
    // The risk analyzer replaces this on an assessed document; a document not assessed keeps no score.
    risk: assessment.status === 'assessed' ? { score: 0, label: 'low', reasons: [] } : { score: null, label: 'not-assessed', reasons: [], assessed: false },
    claims: [],
    quotes: [],
    sources: [],
    entities: doc.entities.map(toReportEntity),
    signals: [],
    ...(doc.warnings.length > 0 ? { warnings: doc.warnings.map((w) => ({ ...w })) } : {}),
    assessment,
  }
}

function toReportEntity(entity: AnnotatedDocument['entities'][number]): ReportEntity {
  return {
    name: entity.name,
    type: entity.type,
    mentions: entity.mentions.map(({ start, end, text }) => ({ start, end, text })),
  }
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000
}

function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function'
}
