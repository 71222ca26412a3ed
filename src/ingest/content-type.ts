// Content-Type headers: parse them and decide which ones ingest accepts.
import type { InputKind } from './types.js'

/** MIME types a fetched page may have, and how each is read. */
export const ACCEPTED_TYPES: Readonly<Record<string, InputKind>> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
  'application/json': 'json',
}

/** Split 'text/html; charset=UTF-8' into a lower-cased MIME type and the charset parameter. */
export function parseContentType(header: string | undefined): { mimeType: string; charset: string | null } {
  if (!header) return { mimeType: '', charset: null }
  const [type, ...params] = header.split(';')
  let charset: string | null = null
  for (const p of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p)
    if (m) charset = m[1]
  }
  return { mimeType: type.trim().toLowerCase(), charset }
}
