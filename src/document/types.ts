// The document model every stage shares: normalized text plus layers of [start, end) spans into it.

/** A half-open range of UTF-16 code units into `Document.text`: `text.slice(start, end)`. */
export interface Span {
  start: number
  end: number
}

/** Article metadata gathered during ingest; every field is null when unknown. */
export interface DocumentMeta {
  title: string | null
  url: string | null
  outlet: string | null
  publishedAt: string | null
  byline: string | null
  language: string
}

/** A "Source: X" line (or trailing "… Source: X" on the first line) found in the article text. */
export interface SourceLine extends Span {
  /** The outlet as written, e.g. "News Week". */
  name: string
  nameStart: number
  nameEnd: number
}

export interface IngestWarning {
  code: string
  message: string
}

/** What ingest produces: normalized text and metadata, before any annotation. */
export interface Document {
  text: string
  meta: DocumentMeta
  warnings: IngestWarning[]
}

export interface Paragraph extends Span {
  index: number
}

export interface Sentence extends Span {
  index: number
  /** Index into `paragraphs`. */
  paragraph: number
  /** Tokens of this sentence are `tokens.slice(tokenStart, tokenEnd)`. */
  tokenStart: number
  tokenEnd: number
}

export type TokenKind =
  | 'word'
  | 'number'
  | 'punctuation'
  | 'symbol'
  | 'emoji'
  | 'url'
  | 'email'
  | 'mention'
  | 'hashtag'
  | 'other'

export interface Token extends Span {
  kind: TokenKind
  /** Universal POS tag (NOUN, PROPN, VERB, …) from the tagger. */
  pos: string
  /** Lower-cased surface form, with curly apostrophes folded to straight ones. */
  lower: string
  /** Base form, when the tagger gives one; else `lower`. */
  lemma: string
  /** Index into `sentences`. */
  sentence: number
}

export type EntityType = 'person' | 'organization' | 'place' | 'date' | 'other'

export interface EntityMention extends Span {
  text: string
  /** Index into `sentences`. */
  sentence: number
}

export interface Entity {
  /** Stable within one document: 'e1', 'e2', … */
  id: string
  /** Canonical name: the longest full form the article (or the known-entity table) gives. */
  name: string
  type: EntityType
  mentions: EntityMention[]
}

/** A Document annotated once (paragraphs, sentences, tokens, entities); analyzers read it, never change it. */
export interface AnnotatedDocument extends Document {
  paragraphs: Paragraph[]
  sentences: Sentence[]
  tokens: Token[]
  entities: Entity[]
  sourceLines: SourceLine[]
}
