// Runs analyzers in order over one annotated document, isolating failures, and assembles the report.
import type { Analyzer, AnalyzerContext, ReportDraft } from '../analyzers/types.js'
import type { AnnotatedDocument } from '../document/types.js'
import type { Services } from '../services/types.js'
import type { Report, ReportEntity, ReportError } from '../report/types.js'
import { FactsiftError, toFactsiftError } from '../errors.js'
import { documentId } from './document-id.js'
import { countWords } from './word-count.js'
import { VERSION } from '../version.js'

/** Checks that ids are unique and every `requires` names an analyzer listed earlier. Throws E_CONFIG otherwise. */
export function validateAnalyzerOrder(analyzers: readonly Analyzer[]): void {
  const seen = new Set<string>()
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
  const draft = createDraft(doc)
  const outputs = new Map<string, unknown>()
  const failed = new Set<string>()
  const errors: ReportError[] = []
  const analyzerMs: Record<string, number> = {}

  for (const analyzer of analyzers) {
    const requires = analyzer.meta?.requires ?? []
    const missing = requires.find((id) => failed.has(id))
    if (missing) {
      failed.add(analyzer.id)
      errors.push({ analyzer: analyzer.id, code: 'E_DEPENDENCY_FAILED', message: `skipped: "${missing}" failed` })
      continue
    }
    const started = services.now()
    try {
      const out = await analyzer.analyze(doc, contextFor(analyzer, outputs, services))
      outputs.set(analyzer.id, out)
      analyzer.contribute?.(out, draft, doc)
    } catch (error) {
      failed.add(analyzer.id)
      const failure = toFactsiftError(error)
      const code = failure.code === 'E_INTERNAL' ? 'E_ANALYZER_FAILED' : failure.code
      errors.push({ analyzer: analyzer.id, code, message: failure.message })
      services.logger.warn(`analyzer ${analyzer.id} failed`, { code, message: failure.message })
    }
    analyzerMs[analyzer.id] = round(services.now() - started)
  }

  draft.claims.sort((a, b) => b.checkworthiness - a.checkworthiness || a.start - b.start)
  draft.signals.sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id))
  const report: Report = {
    ...draft,
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

function contextFor(analyzer: Analyzer, outputs: Map<string, unknown>, services: Services): AnalyzerContext {
  const allowed = new Set(analyzer.meta?.requires ?? [])
  return {
    services,
    get<T>(id: string): T {
      if (!allowed.has(id)) {
        throw new FactsiftError('E_CONFIG', `analyzer "${analyzer.id}" reads "${id}" without listing it in meta.requires`)
      }
      return outputs.get(id) as T
    },
    find<T>(id: string): T | undefined {
      return outputs.get(id) as T | undefined
    },
  }
}

function createDraft(doc: AnnotatedDocument): ReportDraft {
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
    risk: { score: 0, label: 'low', reasons: [] },
    claims: [],
    quotes: [],
    sources: [],
    entities: doc.entities.map(toReportEntity),
    signals: [],
    ...(doc.warnings.length > 0 ? { warnings: doc.warnings.map((w) => ({ ...w })) } : {}),
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
