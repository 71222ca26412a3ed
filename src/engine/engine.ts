// The one core: ingest → annotate → analyzers → report. CLI, server, batch and library all call this.
import type { Analyzer } from '../analyzers/types.js'
import type { AnnotatedDocument, Document } from '../document/types.js'
import type { Services } from '../services/types.js'
import type { Report } from '../report/types.js'
import type { ArticleInput, StatedMeta } from '../ingest/types.js'
import { ingest } from '../ingest/ingest.js'
import { ingestLocation } from '../ingest/location.js'
import { annotate } from '../nlp/annotate.js'
import { defaultAnalyzers } from '../analyzers/registry.js'
import { createServices } from './services.js'
import { runPipeline, validateAnalyzerOrder, type PipelineResult } from './pipeline.js'

export interface EngineOptions {
  /** The analyzers to run, in order; defaults to the built-in registry. Pass `[...defaultAnalyzers(), mine]` to extend. */
  analyzers?: readonly Analyzer[]
  /** Services to use instead of the defaults (store, fact-check matcher, corpus, models, logger, limits). */
  services?: Partial<Services>
}

/** Metadata given by the user, which wins over what ingest extracted. */
export type MetadataOverrides = StatedMeta

export interface Engine {
  readonly analyzers: readonly Analyzer[]
  readonly services: Services
  /** Analyzes text, HTML, or a URL to fetch (when neither text nor html is given). */
  analyze(input: ArticleInput): Promise<Report>
  /** Analyzes a file path, an http(s) URL, or '-' for stdin; `overrides` replace extracted metadata. */
  analyzeLocation(location: string, overrides?: MetadataOverrides): Promise<Report>
  /** Analyzes an already-ingested document. */
  analyzeDocument(doc: Document): Promise<Report>
  /**
   * Runs the analyzers on an already annotated document and returns each analyzer's output beside the report:
   * evaluation and benches read the outputs of a subset (`createEngine({ analyzers: subset })`).
   */
  analyzeAnnotated(doc: AnnotatedDocument): Promise<PipelineResult>
}

/** Creates an engine once (validating the analyzer order) and reuses it for every article. */
export function createEngine(options: EngineOptions = {}): Engine {
  const analyzers = Object.freeze([...(options.analyzers ?? defaultAnalyzers())])
  validateAnalyzerOrder(analyzers)
  const services = createServices(options.services)

  // One clock reading per stage boundary (the end of one stage starts the next): a caller's clock may be a system call
  // (bench/analyze.ts reads process.cpuUsage, whose calls cost more than the shorter analyzers they time).
  async function fromIngest(read: () => Promise<Document>): Promise<Report> {
    const startedAt = services.now()
    const doc = await read()
    const ingestedAt = services.now()
    return analyzeIngested(doc, startedAt, ingestedAt - startedAt, ingestedAt)
  }

  async function analyzeIngested(doc: Document, startedAt: number, ingestMs: number, annotateStart = services.now()): Promise<Report> {
    const annotated = annotate(doc)
    const annotateMs = services.now() - annotateStart
    return (await runPipeline(annotated, analyzers, services, { startedAt, ingestMs, annotateMs })).report
  }

  return {
    analyzers,
    services,
    analyze: (input) => fromIngest(() => ingest(input, services.limits)),
    analyzeLocation: (location, overrides = {}) => fromIngest(() => ingestLocation(location, services.limits, { overrides: definedOnly(overrides) })),
    analyzeDocument: (doc) => {
      const startedAt = services.now()
      return analyzeIngested(doc, startedAt, 0, startedAt)
    },
    analyzeAnnotated: (doc) => runPipeline(doc, analyzers, services, { startedAt: services.now(), ingestMs: 0, annotateMs: 0 }),
  }
}

/** One-shot convenience: a fresh engine with default analyzers. Create an engine yourself to analyze many articles. */
export async function analyze(input: ArticleInput, options: EngineOptions = {}): Promise<Report> {
  return createEngine(options).analyze(input)
}

/** Drops undefined fields so that only what the user stated overrides extracted metadata. */
function definedOnly(overrides: MetadataOverrides): MetadataOverrides {
  return Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined && value !== '')) as MetadataOverrides
}
