// Guesses an import file's format from its extension, else from its first bytes.

export const IMPORT_FORMATS = ['json', 'jsonl', 'html', 'csv', 'tsv', 'clef'] as const
/** json covers every JSON shape (ClaimReview, arrays, @graph, DataFeed, Google API); clef is the CLEF verified-claims TSV. */
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

const BY_EXTENSION: Record<string, ImportFormat> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.html': 'html',
  '.htm': 'html',
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
}

/** True when the text starts with two or more lines that each hold a whole JSON value. */
function looksLikeJsonLines(head: string): boolean {
  const lines = head.split('\n').filter((l) => l.trim()).slice(0, 2)
  if (lines.length < 2 || !lines[1]!.trim().startsWith('{')) return false
  try {
    JSON.parse(lines[0]!)
    return true
  } catch {
    return false
  }
}

/** The format for a file with `extension` ('.json', …) whose text begins with `head`. */
export function detectFormat(extension: string, head: string): ImportFormat {
  const known = BY_EXTENSION[extension]
  if (known) return known
  const start = head.replace(/^\uFEFF/, '').trimStart()
  if (start.startsWith('<')) return 'html'
  if (start.startsWith('{') || start.startsWith('[')) return looksLikeJsonLines(start) ? 'jsonl' : 'json'
  const firstLine = start.split('\n', 1)[0] ?? ''
  return firstLine.includes('\t') || head.startsWith('\t') ? 'tsv' : 'csv'
}
