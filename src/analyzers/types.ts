// The uniform analyzer shape, like a lint rule: an id, metadata, a pure analyze step and how its findings enter the report.
import type { AnnotatedDocument } from '../document/types.js'
import type { Report } from '../report/types.js'
import type { Services } from '../services/types.js'

export interface AnalyzerMeta {
  /** Bumped whenever the analyzer's output changes for the same input. */
  version: number
  description: string
  /** Ids of analyzers whose output this one reads through `ctx.get(id)`; they must run earlier. */
  requires?: readonly string[]
}

/** What an analyzer sees besides the document: shared services and the outputs of the analyzers it requires. */
export interface AnalyzerContext {
  services: Services
  /** Output of an analyzer listed in `meta.requires`. Throws for any other id. */
  get<T>(id: string): T
  /** Output of an analyzer that may be absent (not registered, or failed): undefined then. */
  find<T>(id: string): T | undefined
}

/** The report while it is being built: analyzers write their findings into it through `contribute`. */
export type ReportDraft = Omit<Report, 'timings' | 'errors'>

export interface Analyzer<Out = unknown> {
  id: string
  meta: AnalyzerMeta
  /** Reads the document (never mutates it) and returns findings as data; wording belongs to renderers. */
  analyze(doc: AnnotatedDocument, ctx: AnalyzerContext): Out | Promise<Out>
  /** Writes the findings into the report draft (append signals, set claims, enrich claims by id, …). */
  contribute?(out: Out, report: ReportDraft, doc: AnnotatedDocument): void
}

/** Identity helper that keeps the analyzer's output type when defining one. */
export function defineAnalyzer<Out>(analyzer: Analyzer<Out>): Analyzer<Out> {
  return analyzer
}
