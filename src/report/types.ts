// The report contract, schema version 1 (see report.schema.json): fields may be added, never renamed or removed.

export type RiskLabel = 'low' | 'medium' | 'high'
export type AttributionType = 'named' | 'vague' | 'quote' | 'none'
export type Stance = 'agree' | 'disagree' | 'discuss' | 'unrelated'
export type SourceKind = 'outlet' | 'person' | 'organization' | 'document' | 'unnamed'
export type ReportEntityType = 'person' | 'organization' | 'place' | 'date' | 'other'
export type Severity = 'info' | 'warn'

export interface RiskReason {
  signal: string
  /** The reason's push on the log-odds of "unreliable" (+0.7 roughly doubles the odds; 0 for a note). */
  weight: number
  message: string
  /** Where the reader can check it (the fact-check, the contradicting article). */
  url?: string
}

/**
 * The article's risk. For a document that is not assessed (see `Report.assessment`): `assessed` false, `score` null,
 * `label` 'not-assessed', no reasons. Reports written before abstention existed have no `assessed` field: assessed.
 */
export interface Risk {
  /** Calibrated probability that the article is unreliable; null when the document is not assessed. */
  score: number | null
  label: RiskLabel | 'not-assessed'
  reasons: RiskReason[]
  /** False when the models do not apply to the document (no score); absent or true otherwise. */
  assessed?: boolean
}

export type AssessmentStatus = 'assessed' | 'not-assessed'
/** 'language' (not a language the models were trained on), 'too-little-prose', 'not-prose'; open to more codes. */
export type AssessmentReasonCode = 'language' | 'too-little-prose' | 'not-prose' | (string & {})

export interface AssessmentReason {
  code: AssessmentReasonCode
  message: string
}

/** Whether the models apply to the document, decided once before the analyzers run. */
export interface Assessment {
  status: AssessmentStatus
  /** Why the document is not assessed (empty when assessed). */
  reasons: AssessmentReason[]
  /** Analyzers that did not run because they do not apply to this document, and why. */
  skipped: { analyzer: string; reason: string }[]
  /** What the decision rests on. */
  measures?: { language: string; sentences: number; proseSentences: number; proseWords: number; proseShare: number }
}

/** True unless the report says it is not assessed (old reports without these fields are assessed). */
export function isAssessed(report: Pick<Report, 'risk'> & { assessment?: Assessment }): boolean {
  return report.risk.assessed !== false && report.assessment?.status !== 'not-assessed' && typeof report.risk.score === 'number'
}

export interface Attribution {
  type: AttributionType
  source: string | null
}

export interface FactCheckMatch {
  claim: string
  rating: string
  url: string
  factChecker: string
  score: number
  /** Normalized rating: false | mostly-false | mixed | mostly-true | true | unrated. */
  ratingNormalized?: string
  reviewedAt?: string | null
}

export interface Evidence {
  title: string
  url: string
  outlet: string
  stance: Stance
  score: number
  publishedAt?: string | null
  /** The sentence of the reference article that decided the stance: a span of that article's body (of its title with field 'title'), not of this report's text. */
  deciding?: { start: number; end: number; text: string; field?: 'title' }
}

export interface EvidenceSummary {
  /** Distinct outlets whose coverage agrees with the claim. */
  corroboratedBy: number
  /** Distinct outlets whose coverage disagrees with the claim. */
  contradictedBy: number
  discussedBy: number
}

export interface Claim {
  id: string
  text: string
  start: number
  end: number
  checkworthiness: number
  /**
   * What is already known about the claim: its best fact-check match is rated false / mostly false (misleading
   * included), true / mostly true or mixed; or the user's reference coverage contradicts or corroborates it.
   */
  verdict?: 'rated-false' | 'rated-true' | 'rated-mixed' | 'contradicted' | 'corroborated'
  /** Worth a fact-checker's time: check-worthiness above the threshold, or a repeat of a claim fact-checkers rated. Renderers show these. */
  checkworthy?: boolean
  attribution: Attribution
  matches: FactCheckMatch[]
  evidence: Evidence[]
  evidenceSummary?: EvidenceSummary
  /** Sentence index in the document (a compound sentence gives several atomic claims with the same index). */
  sentence?: number
  /** The reporting frame the claim came in ("Some residents say"), kept apart from what is claimed; its attribution is `attribution`. */
  frame?: { start: number; end: number; text: string }
  /** True when the sourcing analyzers judged the sentence an opinion. */
  opinion?: boolean
}

export interface Quote {
  text: string
  start: number
  end: number
  speaker: string | null
  speakerStart: number | null
  speakerEnd: number | null
  verb: string | null
  medium?: string | null
}

export interface Source {
  name: string
  kind: SourceKind
  mentions: number
  /** The outlet's registrable domain when known (outlets named in the alias tables, linked sites); added with issue 18. */
  domain?: string | null
  /** Outlets and linked sites: the domain's rating, or an explicit unrated. */
  rating?: OutletRatingResult
}

export type RatingBand = 'low' | 'mixed' | 'high'

/** A domain's reliability rating (0 least – 1 most reliable) and where it comes from. */
export interface OutletRating {
  score: number
  band: RatingBand
  /** The list it came from: "lin2023" for the shipped table, else the name of the user's list. */
  list: string
  /** What to show beside the score ("Lin et al. 2023", 'user list "newsroom"'). */
  citation: string
  /** The key that matched (washingtonpost.com, yahoo.com/news). */
  domain: string
  label?: 'reliable' | 'mixed' | 'unreliable' | 'satire'
}

/** No list rates it: said outright, never a silent default. */
export interface NoRating {
  unrated: true
}

export type OutletRatingResult = OutletRating | NoRating

/** Which clue named the publisher: the article URL (or canonical link), page metadata (og:site_name, JSON-LD
 * publisher, --outlet), the byline, or the article's one "Source:" outlet. */
export type PublisherVia = 'url' | 'metadata' | 'byline' | 'source-line'

export interface Publisher {
  name: string | null
  domain: string | null
  via: PublisherVia
  rating: OutletRatingResult
}

export interface ReportEntityMention {
  start: number
  end: number
  text: string
}

export interface ReportEntity {
  name: string
  type: ReportEntityType
  mentions: ReportEntityMention[]
}

export interface Signal {
  id: string
  start: number
  end: number
  message: string
  severity: Severity
  /** 'title' when the finding is in a headline that is not part of the text (then start = end = 0). */
  scope?: 'text' | 'title'
}

export interface ReportError {
  analyzer: string
  code: string
  message: string
}

export interface Timings {
  totalMs: number
  ingestMs?: number
  annotateMs?: number
  analyzers?: Record<string, number>
}

export interface ReportDocument {
  title: string | null
  url: string | null
  outlet: string | null
  publishedAt: string | null
  language: string
  wordCount: number
  text: string
  byline?: string | null
  /** Who published it and that outlet's rating; null when nothing names it (added with issue 18). */
  publisher?: Publisher | null
}

export interface Report {
  schemaVersion: 1
  /** Content hash of the normalized text and metadata: the same article gives the same id. */
  id?: string
  generator?: { name: string; version: string }
  document: ReportDocument
  risk: Risk
  claims: Claim[]
  quotes: Quote[]
  sources: Source[]
  entities: ReportEntity[]
  signals: Signal[]
  errors: ReportError[]
  timings: Timings
  warnings?: { code: string; message: string }[]
  /** Whether the models apply to this document; absent in reports written before it existed (then: assessed). */
  assessment?: Assessment
}
