// Output of the sources analyzer.
import type { Span } from '../../document/types.js'
import type { SourceKind } from '../../report/types.js'

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
