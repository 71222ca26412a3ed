// British spellings ("rumours", "realised", "centre") that a US dictionary flags: they are not misspellings.
import { isKnownWord } from './spelling.js'

const RULES: readonly [RegExp, string][] = [
  [/our(s|ed|ing|ite|ites|able|ful)?$/, 'or$1'],
  [/our/, 'or'],
  [/is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1'],
  [/ys(e|es|ed|ing)$/, 'yz$1'],
  [/tre(s)?$/, 'ter$1'],
  [/ll(ed|ing|er|ers)$/, 'l$1'],
  [/ence(s)?$/, 'ense$1'],
  [/ogue(s)?$/, 'og$1'],
  [/ae/, 'e'],
  [/oe/, 'e'],
  [/ey$/, 'y'],
  [/grey/, 'gray'],
  [/amme(s)?$/, 'am$1'],
]

/** True when the word is a British spelling of a word the (US) dictionary knows. */
export function isBritishSpelling(word: string): boolean {
  const lower = word.toLowerCase()
  for (const [pattern, replacement] of RULES) {
    if (!pattern.test(lower)) continue
    const american = lower.replace(pattern, replacement)
    if (american !== lower && isKnownWord(american)) return true
  }
  return false
}
