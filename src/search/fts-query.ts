// Free text → full-text queries: word terms with stopwords dropped, FTS5 MATCH expressions, PostgreSQL tsqueries;
// each term quoted, so no user text is query syntax.
import { letterDigitRuns } from '../nlp/words.js'
import { STOPWORDS } from './stopwords.js'

/** Distinct lower-cased word terms of `text`, stopwords and one-letter words removed, in first-seen order. */
export function queryTerms(text: string): string[] {
  const seen = new Set<string>()
  for (const term of letterDigitRuns(text.toLowerCase())) {
    if (term.length < 2 && !/\d/.test(term)) continue
    if (STOPWORDS.has(term)) continue
    seen.add(term)
  }
  return [...seen]
}

/** `"a" OR "b" OR …`: any term may match; BM25 ranks documents matching more (and rarer) terms higher. */
export function buildMatchQuery(terms: readonly string[]): string {
  return terms.map((term) => `"${term.replace(/"/g, '""')}"`).join(' OR ')
}

/** `'a' | 'b'`: a PostgreSQL tsquery matching any of the (already stemmed) lexemes, never parsed as user syntax. */
export function anyLexemeQuery(lexemes: readonly string[]): string {
  return lexemes.map((l) => `'${l.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' | ')
}

/** The first 16 words of a search box's text (runs of letters and digits), or null when none remain. */
function searchBoxWords(q: string): string[] | null {
  const words = letterDigitRuns(q.normalize('NFC'))
  return words.length > 0 ? words.slice(0, 16) : null
}

/**
 * A search box's words as an FTS5 query: each word quoted (so `"`, `*`, `AND`, `NEAR(` are plain text, never syntax),
 * all required, the last one as a prefix so that typing-as-you-search works. Null when no word remains.
 */
export function searchBoxMatchQuery(q: string): string | null {
  const words = searchBoxWords(q)
  if (!words) return null
  const quoted = words.map((word) => `"${word}"`)
  quoted[quoted.length - 1] += '*'
  return quoted.join(' ')
}

/** The same as a PostgreSQL tsquery: each word quoted (so `&`, `|`, `!`, `:*` are plain text), the last a prefix. */
export function searchBoxTsQuery(q: string): string | null {
  const words = searchBoxWords(q)
  if (!words) return null
  const quoted = words.map((word) => `'${word}'`)
  quoted[quoted.length - 1] += ':*'
  return quoted.join(' & ')
}
