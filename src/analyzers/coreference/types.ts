// Output of the coreference analyzer: entities with canonical names and their mentions (read by quotes, attribution, sources).
import type { EntityType, Span } from '../../document/types.js'

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
