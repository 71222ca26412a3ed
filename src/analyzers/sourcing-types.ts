// Output types of the sourcing analyzers (quotes, coreference, attribution, sources, opinion): read them with ctx.get/find.
import type { EntityType, Span } from '../document/types.js'
import type { AttributionType, SourceKind } from '../report/types.js'

/** How a mention names its entity. */
export type MentionKind = 'name' | 'alias' | 'surname' | 'first-name' | 'acronym' | 'title' | 'nominal' | 'pronoun'

export interface CorefMention extends Span {
  text: string
  /** Index into `CoreferenceOutput.entities`. */
  entity: number
  kind: MentionKind
  sentence: number
}

export interface CorefEntity {
  /** 'r1', 'r2', … stable within one document. */
  id: string
  /** Canonical name: the known-entity name, else the longest full form in the article. */
  name: string
  type: EntityType
  gender: 'm' | 'f' | null
  /** True when the name comes from the known-entity table. */
  known: boolean
  /** Title keys the article (or the table) links to this entity ("president", "attorney general"). */
  titles: string[]
}

/** Output of `coreference`: entities with canonical names, and every mention sorted by start. */
export interface CoreferenceOutput {
  entities: CorefEntity[]
  mentions: CorefMention[]
}

/** Where the speaker of a quote was found. */
export type SpeakerCue = 'after' | 'before' | 'previous-sentence' | 'continued' | 'naming' | 'none'

export interface QuoteFinding extends Span {
  /** The quoted words, without the quote marks. */
  text: string
  speaker: string | null
  speakerStart: number | null
  speakerEnd: number | null
  /** Index into the coreference entities when the speaker resolved to one. */
  speakerEntity: number | null
  /** What the speaker is: person, organization, outlet, document, or unnamed ("one reporter"); null without speaker. */
  speakerKind: SourceKind | null
  /** The attribution words (speaker phrase through the verb: "said union leader Frank Ortiz"), or null. */
  clause: Span | null
  /** The speech verb as written ("tweeted", "according to"), or null. */
  verb: string | null
  /** tweet | post | statement | interview | press conference | speech | email | letter | op-ed | testimony | … */
  medium: string | null
  cue: SpeakerCue
  /** 'full': a sentence or more; 'partial': a phrase quoted inside the writer's sentence. */
  form: 'full' | 'partial'
  /** Index of the sentence holding the opening mark. */
  sentence: number
  /** Span including the quote marks (the closing mark is absent when the quote runs on to the next paragraph). */
  outer: Span
}

/** A quoted stretch that is not reported as a quote, and why. */
export interface IgnoredQuote extends Span {
  reason: 'title' | 'scare' | 'nested' | 'too-short'
}

/** Output of `quotes`. */
export interface QuotesOutput {
  quotes: QuoteFinding[]
  ignored: IgnoredQuote[]
}

export interface SentenceAttribution extends Span {
  sentence: number
  type: AttributionType
  /** Who vouches for the sentence: canonical entity or outlet name, or the cue as written ("analysts"); null for none. */
  source: string | null
  sourceKind: SourceKind | null
  /** The words that attribute the sentence ("Analysts note", "according to the Washington Post"). */
  cue: (Span & { text: string }) | null
  /** Spans of vague attribution cues in the sentence (each gets a `vague-attribution` signal when type is vague). */
  vague: (Span & { text: string })[]
  /** True for a "Source: X" line itself (not a statement). */
  sourceLine?: boolean
}

/**
 * Output of `attribution`: one entry per document sentence, `sentences[i].sentence === i`.
 * The check-worthiness analyzer reads it with `ctx.find<AttributionOutput>('attribution')`.
 */
export interface AttributionOutput {
  sentences: SentenceAttribution[]
}

export interface CitedSource {
  name: string
  kind: SourceKind
  /** Citations counted: Source lines, attributed sentences, quotes and links. */
  mentions: number
  /** Where it is cited (cue or name spans). */
  spans: Span[]
}

/** Output of `sources`, sorted by mentions (most first), then name. */
export interface SourcesOutput {
  sources: CitedSource[]
}

export interface OpinionCue extends Span {
  text: string
  weight: number
}

/** Output of `opinion`: sentence indices judged opinion/evaluation, and the score and cues of every scored sentence. */
export interface OpinionOutput {
  sentences: number[]
  /** Score per sentence index (0 when no cue); a sentence is opinion at score ≥ `threshold`. */
  scores: number[]
  threshold: number
  cues: (OpinionCue & { sentence: number })[]
}

/** Entity type of a source that resolved to a coreference entity. */
export function sourceKindOfEntity(type: EntityType): SourceKind {
  return type === 'person' ? 'person' : 'organization'
}
