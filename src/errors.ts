// Every error Factsift throws on purpose: one class, one table of stable codes, mapped to CLI exit codes and HTTP statuses.

export const ERROR_CODES = {
  E_INPUT_EMPTY: { exit: 2, http: 400, summary: 'The input has no text.' },
  E_INPUT_BINARY: { exit: 2, http: 415, summary: 'The input looks like a binary file, not text or HTML.' },
  E_INPUT_TOO_LARGE: { exit: 2, http: 413, summary: 'The input is larger than the size limit.' },
  E_INPUT_ENCODING: { exit: 2, http: 400, summary: 'The input is not valid UTF-8.' },
  E_INPUT_NOT_FOUND: { exit: 2, http: 404, summary: 'The input file does not exist or cannot be read.' },
  E_INPUT_INVALID: { exit: 2, http: 400, summary: 'The input is malformed (bad JSON, missing fields).' },
  E_NO_ARTICLE: { exit: 2, http: 422, summary: 'No article text could be extracted from the HTML.' },
  E_UNSUPPORTED_TYPE: { exit: 2, http: 415, summary: 'The content type is not supported.' },
  E_FETCH_BLOCKED: { exit: 2, http: 400, summary: 'The URL is not allowed (scheme, private or loopback address).' },
  E_FETCH_FAILED: { exit: 2, http: 502, summary: 'The URL could not be fetched.' },
  E_FETCH_TIMEOUT: { exit: 2, http: 504, summary: 'The URL did not answer in time.' },
  E_FETCH_REDIRECTS: { exit: 2, http: 502, summary: 'The URL redirected too many times.' },
  E_BAD_DATA_ROW: { exit: 2, http: 422, summary: 'A row of a data file is malformed.' },
  E_BAD_ARGUMENT: { exit: 2, http: 400, summary: 'A command-line argument or request parameter is invalid.' },
  E_MODEL_INVALID: { exit: 1, http: 500, summary: 'A model file is missing or does not match its manifest.' },
  E_CONFIG: { exit: 2, http: 500, summary: 'The configuration is invalid.' },
  E_STORE: { exit: 1, http: 500, summary: 'The store failed.' },
  E_NOT_FOUND: { exit: 2, http: 404, summary: 'The requested item does not exist.' },
  E_UNAUTHORIZED: { exit: 2, http: 401, summary: 'A valid API key is required.' },
  E_FORBIDDEN: { exit: 2, http: 403, summary: 'The API key lacks the scope this request needs.' },
  E_DUPLICATE_ID: { exit: 2, http: 409, summary: 'An id is used again for different content.' },
  E_RATE_LIMITED: { exit: 2, http: 429, summary: 'Too many requests.' },
  E_ANALYZER_FAILED: { exit: 1, http: 500, summary: 'An analyzer failed; the rest of the report is still produced.' },
  E_DEPENDENCY_FAILED: { exit: 1, http: 500, summary: 'An analyzer was skipped because one it requires failed.' },
  E_BAD_SIGNAL: { exit: 1, http: 500, summary: 'An analyzer contributed a signal it does not declare (or without a value its message needs); the signal is left out.' },
  E_SERVICE_UNAVAILABLE: { exit: 1, http: 503, summary: 'A required service (database, queue) is not reachable.' },
  E_SERVER_BUSY: { exit: 1, http: 503, summary: 'The server is at capacity; retry later.' },
  E_ANALYSIS_TIMEOUT: { exit: 1, http: 504, summary: 'The analysis did not finish within the time budget.' },
  E_OUTPUT_FAILED: { exit: 1, http: 500, summary: 'The output file could not be written.' },
  E_FEED_DTD: { exit: 2, http: 422, summary: 'The feed declares a DOCTYPE (entities, external entities): refused.' },
  E_FEED_NOT_FEED: { exit: 2, http: 422, summary: 'The document is not a feed (an HTML page or an unknown format).' },
  E_FEED_INVALID: { exit: 2, http: 422, summary: 'The feed is malformed (XML or JSON that does not parse).' },
  E_FEED_TOO_LARGE: { exit: 2, http: 413, summary: 'The feed is larger than the feed size limit; reading stopped there.' },
  E_FEED_ENCODING: { exit: 2, http: 422, summary: 'The feed is not valid in its declared encoding (UTF-8 by default).' },
  E_FEED_THROTTLED: { exit: 2, http: 503, summary: 'The site answered 429 or 503; polling backs off (Retry-After honoured).' },
  E_FEED_ROBOTS: { exit: 2, http: 403, summary: "The site's robots.txt disallows fetching this URL." },
  E_INTERNAL: { exit: 1, http: 500, summary: 'An unexpected internal error.' },
} as const satisfies Record<string, { exit: number; http: number; summary: string }>

export type ErrorCode = keyof typeof ERROR_CODES

/** The one error class Factsift throws for bad input, bad configuration and failed services. */
export class FactsiftError extends Error {
  readonly code: ErrorCode
  readonly details?: Record<string, unknown>

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message)
    this.name = 'FactsiftError'
    this.code = code
    if (details) this.details = details
  }

  get exitCode(): number {
    return ERROR_CODES[this.code].exit
  }

  get httpStatus(): number {
    return ERROR_CODES[this.code].http
  }
}

export function isFactsiftError(error: unknown): error is FactsiftError {
  return error instanceof FactsiftError
}

/** Any thrown value as a FactsiftError; unknown errors become E_INTERNAL with their message. */
export function toFactsiftError(error: unknown): FactsiftError {
  if (error instanceof FactsiftError) return error
  const message = error instanceof Error ? error.message : String(error)
  return new FactsiftError('E_INTERNAL', message)
}
