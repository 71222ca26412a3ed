// Output of the attribution analyzer.
import type { Span } from '../../document/types.js'
import type { AttributionType, SourceKind } from '../../report/types.js'

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
