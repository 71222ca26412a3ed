// The article shape callers give to ingest (library, CLI, HTTP API, web UI): kept free of Node types so the UI can import it.

/** One article as a caller gives it: `text` or `html` is analyzed as is (then `url` is metadata); only `url` is fetched. */
export interface ArticleInput {
  text?: string
  html?: string
  url?: string
  title?: string
  outlet?: string
  publishedAt?: string
}
