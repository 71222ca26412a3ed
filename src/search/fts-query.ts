// Free text → full-text queries: word terms with stopwords dropped, an FTS5 MATCH expression, a PostgreSQL tsquery;
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
