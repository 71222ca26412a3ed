// Decide whether a text is plain text, HTML or a JSON article when neither extension nor Content-Type says.
import type { InputKind } from './types.js'

const HTML_START = /^(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml[^>]*>\s*(<!doctype\s+html|<html))/i
const HTML_TAG = /<(p|div|article|section|main|h[1-6]|span|a|br|table|ul|ol|li|blockquote|em|strong|b|i)(\s[^>]*)?\/?>/gi
const HTML_SAMPLE = 4096

/** Kind of a decoded input by its content: a JSON object or array → 'json'; HTML markup → 'html'; anything else → 'text'. */
export function sniffKind(text: string): InputKind {
  const start = text.trimStart().slice(0, HTML_SAMPLE)
  if (start.startsWith('{') && text.trimEnd().endsWith('}')) return 'json'
  // A JSON array is JSON too (refused later with a clear message), but '[1] Footnote …' text is not.
  if (start.startsWith('[') && text.trimEnd().endsWith(']') && isJsonArray(text)) return 'json'
  if (HTML_START.test(start)) return 'html'
  // Markup-heavy fragments ('<p>…</p><p>…</p>') are HTML; a text that mentions '<b>' once is not.
  if (start.startsWith('<')) {
    const tags = start.match(HTML_TAG)?.length ?? 0
    const closes = (start.match(/<\/(p|div|article|section|h[1-6]|li|a|span)>/gi) ?? []).length
    if (tags >= 1 && closes >= 1) return 'html'
  }
  return 'text'
}

function isJsonArray(text: string): boolean {
  try {
    return Array.isArray(JSON.parse(text))
  } catch {
    return false
  }
}

/** Kind of a file by its extension, or null when the extension does not say (then sniff the content). */
export function kindFromExtension(path: string): InputKind | null {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase()
  if (ext === 'txt' || ext === 'md' || ext === 'markdown' || ext === 'text') return 'text'
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html'
  if (ext === 'json') return 'json'
  return null
}

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i
/** How far a late <meta charset> is still looked for (a web archive's toolbar can push it past the first KB). */
const LATE_CHARSET_BYTES = 16 * 1024

/**
 * The charset a page declares (<meta charset> or http-equiv Content-Type), if any: in its first kilobyte, as
 * browsers prescan; else later in the head, as browsers honour by re-decoding when the parser meets it.
 */
export function sniffHtmlCharset(bytes: Buffer): string | null {
  const first = META_CHARSET.exec(bytes.subarray(0, 1024).toString('latin1'))?.[1]
  if (first) return first
  const head = bytes.subarray(0, LATE_CHARSET_BYTES).toString('latin1')
  const end = head.search(/<\/head>|<body[\s>]/i)
  return META_CHARSET.exec(end === -1 ? head : head.slice(0, end))?.[1] ?? null
}
