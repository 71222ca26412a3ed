// British spellings ("rumours", "realised", "centre") that a US dictionary flags: they are not misspellings.
import { isKnownWord } from './spelling.js'

const RULES: readonly [RegExp, string][] = [
  [/our(s|ed|ing|ite|ites|able|ful)?$/, 'or$1'],
  [/our/, 'or'],
  [/is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1'],
  [/ys(e|es|ed|ing)$/, 'yz$1'],
  [/tre(s)?$/, 'ter$1'],
  [/ll(ed|ing|er|ers|or|ors)$/, 'l$1'],
  [/ence(s|less)?$/, 'ense$1'],
  [/ogue(s)?$/, 'og$1'],
  [/ogu(ed|ing)$/, 'og$1'],
  [/dgement(s)?$/, 'dgment$1'],
  [/geing$/, 'ging'],
  [/llist(s)?$/, 'list$1'],
  [/pp(ed|ing|er|ers)$/, 'p$1'],
  [/sy$/, 'zy'],
  [/s(ying|ied|ier|iest)$/, 'z$1'],
  [/ae/, 'e'],
  [/oe/, 'e'],
  [/ey$/, 'y'],
  [/grey/, 'gray'],
  [/amme(s)?$/, 'am$1'],
]

/**
 * True when the word is a British spelling of a word the (US) dictionary knows. Rules apply one at a time and then in
 * pairs ("anaesthetised": ae → e and ised → ized).
 */
export function isBritishSpelling(word: string): boolean {
  const lower = word.toLowerCase()
  for (const [pattern, replacement] of RULES) {
    if (!pattern.test(lower)) continue
    const american = lower.replace(pattern, replacement)
    if (american === lower) continue
    if (isKnownWord(american)) return true
    for (const [second, replacement2] of RULES) {
      if (second === pattern || !second.test(american)) continue
      const both = american.replace(second, replacement2)
      if (both !== american && isKnownWord(both)) return true
    }
  }
  return false
}
