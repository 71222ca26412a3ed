// What ingest accepts and how it fetches: sizes, time-outs, redirects, private addresses. Part of the services.

export interface Limits {
  /** Largest accepted input in bytes (files, stdin, fetched pages, request bodies). */
  maxBytes: number
  fetchTimeoutMs: number
  maxRedirects: number
  allowPrivateNetwork: boolean
}

export const DEFAULT_LIMITS: Limits = {
  maxBytes: 5 * 1024 * 1024,
  fetchTimeoutMs: 10_000,
  maxRedirects: 5,
  allowPrivateNetwork: false,
}
