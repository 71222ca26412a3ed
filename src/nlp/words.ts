// What a word is, written once per meaning: code that cuts text into words uses one of these, never a pattern of its own.
// The patterns are global and stay private: callers get arrays or iterators, never a regex whose lastIndex they share.
// Changing one changes stored data and models: letterDigitRuns must agree with FTS5's unicode61 tokenizer (query terms,
// PostgreSQL row lengths); termWords defines index terms (a store migration) and the claim-matching re-ranker's features.

const LETTER_DIGIT_RUN = /[\p{L}\p{N}]+/gu
const TERM_WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu
const LETTER_WORD = /\p{L}+(?:['’]\p{L}+)*/gu
const WORD_CHAR_RUN = /[\p{L}\p{N}_]+/gu

/**
 * Maximal runs of letters and digits, everything else a separator ("don't" → `don`, `t`; "COVID-19" → `COVID`, `19`):
 * words as SQLite FTS5's unicode61 tokenizer cuts them.
 */
export function letterDigitRuns(text: string): string[] {
  return text.match(LETTER_DIGIT_RUN) ?? []
}

/**
 * Words with their combining marks and inner apostrophes ("Don’t", "Cafe\u0301"; "80,000" → `80`, `000`), as matches
 * with offsets: what index terms (src/search/terms.ts) and the claim-matching re-ranker's view of a text are made of.
 */
export function termWords(text: string) {
  return text.matchAll(TERM_WORD)
}

/** Runs of letters with inner apostrophes, digits left out ("Don’t panic: 5G" → `Don’t`, `panic`, `G`): words as a reader counts them. */
export function letterWords(text: string): string[] {
  return text.match(LETTER_WORD) ?? []
}

/** Runs of letters, digits and underscores: Python's `\w+` on text, for features ported from Python baselines. */
export function wordCharRuns(text: string): string[] {
  return text.match(WORD_CHAR_RUN) ?? []
}
