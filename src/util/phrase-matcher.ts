// Finds lexicon phrases in text on word boundaries with one precompiled regex (apostrophes match ' or ’).
export interface PhraseMatch {
  start: number
  end: number
  phrase: string
}

/** Compiles a phrase list once; `find(text, from?, to?)` returns every non-overlapping match, case-insensitive. */
export function createPhraseMatcher(phrases: readonly string[]): { find(text: string, from?: number, to?: number): PhraseMatch[] } {
  const byKey = new Map<string, string>()
  const alternatives = [...new Set(phrases)]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => {
      byKey.set(foldKey(phrase), phrase)
      return phrase
        .split(/\s+/)
        .map((word) => escapeRegex(word).replace(/'/g, "['’]"))
        .join('\\s+')
    })
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu')
  return {
    find(text, from = 0, to = text.length) {
      const matches: PhraseMatch[] = []
      pattern.lastIndex = from
      for (let m = pattern.exec(text); m !== null && m.index < to; m = pattern.exec(text)) {
        const end = m.index + m[0].length
        if (end > to) break
        matches.push({ start: m.index, end, phrase: byKey.get(foldKey(m[0])) ?? m[0].toLowerCase() })
      }
      return matches
    },
  }
}

function foldKey(phrase: string): string {
  return phrase.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ')
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
