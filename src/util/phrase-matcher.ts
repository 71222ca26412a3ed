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
  const source = `(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`
  const pattern = new RegExp(source, 'giu')
  const sticky = new RegExp(source, 'iuy')
  const starts = asciiStarts(phrases)
  const firstRuns = new Set(phrases.map((phrase) => runHash(phrase, 0, phrase.length)))
  const toMatch = (m: RegExpExecArray): PhraseMatch => ({ start: m.index, end: m.index + m[0].length, phrase: byKey.get(foldKey(m[0])) ?? m[0].toLowerCase() })
  return {
    find(text, from = 0, to = text.length) {
      const matches: PhraseMatch[] = []
      if (!starts) {
        pattern.lastIndex = from
        for (let m = pattern.exec(text); m !== null && m.index < to; m = pattern.exec(text)) {
          if (m.index + m[0].length > to) break
          matches.push(toMatch(m))
        }
        return matches
      }
      // The same leftmost, non-overlapping matches, but the regex is tried only where one can start: a character that
      // can begin a phrase, not right after an ASCII letter or digit. Non-ASCII characters are tried too (under /iu "K"
      // and "ſ" match "k" and "s"), except surrogates: no phrase starts with one.
      // Where the text's run of ASCII letters and digits ends before an ASCII character, a phrase can only match if its
      // own first run is the same word: a hash of the lower-cased run (collisions only cost a regex try) skips the rest.
      for (let at = from; at < to; at++) {
        const code = text.charCodeAt(at)
        if (code < 128 ? !starts[code] : code >= 0xd800 && code <= 0xdfff) continue
        if (at > 0 && isAsciiAlnum(text.charCodeAt(at - 1))) continue
        if (code < 128) {
          let runEnd = at + 1
          while (runEnd < text.length && isAsciiAlnum(text.charCodeAt(runEnd))) runEnd++
          if ((runEnd === text.length || text.charCodeAt(runEnd) < 128) && !firstRuns.has(runHash(text, at, runEnd))) {
            at = runEnd - 1
            continue
          }
        }
        sticky.lastIndex = at
        const m = sticky.exec(text)
        if (m === null) continue
        if (m.index + m[0].length > to) break
        matches.push(toMatch(m))
        at = m.index + m[0].length - 1
      }
      return matches
    },
  }
}

/**
 * ASCII codes a phrase can start with (letters in both cases), or null when a phrase starts with a character outside
 * [A-Za-z0-9] (whose case-insensitive matches are not worked out here: the plain regex search is used then).
 */
function asciiStarts(phrases: readonly string[]): Uint8Array | null {
  const starts = new Uint8Array(128)
  for (const phrase of phrases) {
    const first = phrase.charCodeAt(0)
    if (!isAsciiAlnum(first)) return null
    starts[first] = 1
    if (first >= 0x41 && first <= 0x5a) starts[first + 32] = 1
    if (first >= 0x61 && first <= 0x7a) starts[first - 32] = 1
  }
  return starts
}

/** FNV-1a of the lower-cased run of ASCII letters and digits starting at `from` (stopping at `to` or a non-alnum). */
function runHash(text: string, from: number, to: number): number {
  let h = 0x811c9dc5
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i)
    if (!isAsciiAlnum(code)) break
    h = Math.imul(h ^ (code >= 0x41 && code <= 0x5a ? code + 32 : code), 0x01000193)
  }
  return h >>> 0
}

function isAsciiAlnum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
}

function foldKey(phrase: string): string {
  return phrase.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ')
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
