// The uniform analyzer shape, like a lint rule: an id, metadata, a pure analyze step and how its findings enter the report.
import type { AnnotatedDocument } from '../document/types.js'
import type { Report } from '../report/types.js'
import type { Services } from '../services/types.js'
import type { SignalDeclaration, SignalDraft } from '../report/signals.js'

export type { SignalDeclaration, SignalDraft } from '../report/signals.js'

/**
 * What an analyzer declares; `createEngine` checks it (E_CONFIG) and the pipeline holds the analyzer to it:
 * - `requires`: read through `ctx.get` (or `ctx.find`); each must be listed before the analyzer, and when one fails the
 *   analyzer is skipped (E_DEPENDENCY_FAILED).
 * - `reads`: optional inputs, read through `ctx.find` only (undefined when absent or failed). An id nobody lists is
 *   fine; one listed *after* the analyzer is an order mistake (E_CONFIG: it could never be seen). `ctx.find` of an id
 *   in neither list throws E_CONFIG, recorded in `report.errors` like any analyzer failure.
 * - `signals`: every signal the analyzer may contribute. Ids are unique across the engine's analyzers and templates
 *   must parse (E_CONFIG at creation). A contributed signal whose id the analyzer did not declare, or whose template
 *   lacks a required value, is left out of the report and recorded in `report.errors` as E_BAD_SIGNAL; the rest of
 *   the analyzer's contribution stays.
 */
export interface AnalyzerMeta {
  /** Bumped whenever the analyzer's output changes for the same input. */
  version: number
  description: string
  /** Ids of analyzers whose output this one reads through `ctx.get(id)`; they must run earlier. */
  requires?: readonly string[]
  /** Ids of analyzers whose output this one reads when present, through `ctx.find(id)`; never required. */
  reads?: readonly string[]
  /** The signals this analyzer contributes to `report.signals` (id, severity, label, message template, layer). */
  signals?: readonly SignalDeclaration[]
  /**
   * Where the analyzer works. Absent: English only (`{ languages: ['en'] }`). The pipeline runs every analyzer on a
   * document that is assessed; on one that is not (`report.assessment`), it skips an analyzer whose `languages` lack
   * the document's language (unless 'any'), one marked `assessedOnly`, and one that requires a skipped analyzer, and
   * lists each in `report.assessment.skipped` with the reason.
   */
  appliesTo?: AppliesTo
}

export interface AppliesTo {
  /** ISO 639-1 codes its lexicons and models were made for, or 'any' when it is language-neutral. */
  languages: readonly string[] | 'any'
  /** True when it judges the article as a whole (the risk model): never run on a document that is not assessed. */
  assessedOnly?: boolean
}

/** What an analyzer sees besides the document: shared services and the outputs of the analyzers it requires. */
export interface AnalyzerContext {
  services: Services
  /** Output of an analyzer listed in `meta.requires`. Throws for any other id. */
  get<T>(id: string): T
  /**
   * Output of an analyzer listed in `meta.reads` (or `meta.requires`) that may be absent (not registered, or failed):
   * undefined then. Throws E_CONFIG for any other id.
   */
  find<T>(id: string): T | undefined
}

/**
 * The report while it is being built: analyzers write their findings into it through `contribute`. Signals go in as
 * data (`SignalDraft`: id, span, optional severity, the template's parameters, no message); the pipeline checks each
 * against the analyzer's `meta.signals` and fills in its message. Signals of earlier analyzers are full `Signal`s.
 */
export type ReportDraft = Omit<Report, 'timings' | 'errors' | 'signals'> & { signals: SignalDraft[] }

export interface Analyzer<Out = unknown> {
  id: string
  meta: AnalyzerMeta
  /**
   * Reads the document (never mutates it) and returns findings as data; wording belongs to the declarations
   * (`meta.signals`) and the renderers.
   */
  analyze(doc: AnnotatedDocument, ctx: AnalyzerContext): Out | Promise<Out>
  /** Writes the findings into the report draft (append signals, set claims, enrich claims by id, …). */
  contribute?(out: Out, report: ReportDraft, doc: AnnotatedDocument): void
}

/** Identity helper that keeps the analyzer's output type when defining one. */
export function defineAnalyzer<Out>(analyzer: Analyzer<Out>): Analyzer<Out> {
  return analyzer
}
