// Whether a phrase ends in a title or role ("the attorney general", "the White House Communication Director").
import type { AnnotatedDocument } from '../../document/types.js'
import { lexicon } from './lexicon.js'
import type { NounPhrase } from './speech.js'

/** True when the phrase's head ends with a title from the lexicon (one to four words). */
export function matchTitleWords(doc: AnnotatedDocument, np: NounPhrase): boolean {
  const index = lexicon().titleIndex
  for (let start = Math.max(np.headFirst, np.headLast - 3); start <= np.headLast; start++) {
    for (const words of index.get(doc.tokens[start]!.lower) ?? []) {
      if (start + words.length - 1 !== np.headLast) continue
      let ok = true
      for (let k = 1; ok && k < words.length; k++) ok = doc.tokens[start + k]!.lower === words[k]
      if (ok) return true
    }
  }
  return false
}
