// Spell checking against Hunspell's English dictionary (dictionary-en through nspell), loaded once and cached per word.
import nspell from 'nspell'
import dictionary from 'dictionary-en'

type Checker = ReturnType<typeof nspell>
let checker: Checker | undefined
const verdicts = new Map<string, boolean>()
const MAX_CACHED_WORDS = 200_000

function load(): Checker {
  // dictionary-en's declared type is narrower than the object it exports.
  const { aff, dic } = dictionary as unknown as { aff: Uint8Array; dic: Uint8Array }
  checker ??= nspell(Buffer.from(aff), Buffer.from(dic))
  return checker
}

/** True when the dictionary knows the word (hyphenated words: every part). */
export function isKnownWord(word: string): boolean {
  let verdict = verdicts.get(word)
  if (verdict === undefined) {
    const spell = load()
    verdict = word.split('-').every((part) => part === '' || spell.correct(part) || spell.correct(part.toLowerCase()))
    if (verdicts.size >= MAX_CACHED_WORDS) verdicts.clear()
    verdicts.set(word, verdict)
  }
  return verdict
}

const suggestions = new Map<string, string[]>()
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz'

/**
 * Up to `limit` dictionary words one edit away (delete, transpose, replace, insert), cached per word. Hunspell's own
 * suggest() takes ~12 ms a word, too slow for articles full of typos; this takes well under a millisecond.
 */
export function suggestionsFor(word: string, limit = 3): string[] {
  let found = suggestions.get(word)
  if (found === undefined) {
    found = editsOf(word.toLowerCase()).filter((candidate) => isKnownWord(candidate)).slice(0, limit)
    if (suggestions.size >= MAX_CACHED_WORDS) suggestions.clear()
    suggestions.set(word, found)
  }
  return found
}

function editsOf(word: string): string[] {
  const edits = new Set<string>()
  for (let i = 0; i < word.length; i++) {
    if (i + 1 < word.length) edits.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2))
  }
  for (let i = 0; i <= word.length; i++) {
    for (const letter of ALPHABET) {
      if (i < word.length && letter !== word[i]) edits.add(word.slice(0, i) + letter + word.slice(i + 1))
      edits.add(word.slice(0, i) + letter + word.slice(i))
    }
  }
  for (let i = 0; i < word.length; i++) edits.add(word.slice(0, i) + word.slice(i + 1))
  edits.delete(word)
  return [...edits].filter((edit) => edit.length > 1)
}
