// Output of the opinion analyzer.
import type { Span } from '../../document/types.js'

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
