// Output of the quotes analyzer.
import type { Span } from '../../document/types.js'
import type { SourceKind } from '../../report/types.js'

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
