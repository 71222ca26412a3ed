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

/** Up to `limit` dictionary suggestions for a misspelled word (slow: call only for flagged words). */
export function suggestionsFor(word: string, limit = 3): string[] {
  return load().suggest(word).slice(0, limit)
}
