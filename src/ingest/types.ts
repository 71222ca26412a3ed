// Input shapes accepted by ingest, and the intermediate results its stages hand to each other.
import type { IngestWarning } from '../document/types.js'
import type { ArticleInput } from './article-input.js'

export type { ArticleInput } from './article-input.js'

/** Metadata the caller states explicitly; each field given wins over what extraction finds. */
export type StatedMeta = Pick<ArticleInput, 'title' | 'url' | 'outlet' | 'publishedAt'>

/** Bytes turned into a string, with the charset used and any decoding warnings. */
export interface DecodedText {
  text: string
  /** WHATWG encoding name actually used, e.g. 'utf-8', 'utf-16le', 'windows-1252'. */
  encoding: string
  warnings: IngestWarning[]
}

/** Metadata found in a page or a text; every field null when not found. */
export interface ExtractedMeta {
  title: string | null
  byline: string | null
  outlet: string | null
  publishedAt: string | null
  url: string | null
}

/** The body of an article pulled out of HTML, as paragraphs joined by blank lines, plus what the page says about it. */
export interface ExtractedArticle {
  text: string
  meta: ExtractedMeta
}

/** What a successful fetch returns: the raw body and what the server said about it. */
export interface FetchedResource {
  /** The URL that finally answered, after redirects. */
  url: string
  status: number
  /** Lower-cased MIME type without parameters, '' when the server sent none. */
  mimeType: string
  /** The charset parameter of Content-Type, when given. */
  charset: string | null
  body: Buffer
}

/** How the bytes of a location are to be read. */
export type InputKind = 'text' | 'html' | 'json'

/** Options of ingestLocation: a stdin seam for tests and servers, and metadata stated on the command line. */
export interface IngestIo {
  /** Read for location '-'; defaults to process.stdin. */
  stdin?: NodeJS.ReadableStream
  /** --title, --url, --outlet: win over what the input itself says. */
  overrides?: StatedMeta
}
