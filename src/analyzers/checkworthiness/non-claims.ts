// Clauses that are never claims however they score: a line that introduces a quote ("On Tuesday, the president
// tweeted:"), a report of speech with nothing reported ("Trump asked on Twitter."), and the no-comment formulas.
import type { AnnotatedDocument, Sentence } from '../../document/types.js'
import { lexicon } from '../shared/lexicon.js'

const NO_COMMENT = /\b(?:did not|didn't|does not|doesn't|has not|hasn't|have not|haven't|declined|refused|could not|couldn't|was not|wasn't|were not|weren't) (?:immediately )?(?:respond|reply|return|be reached|available|to comment|comment)\b[^.!?]*?(?:comment|calls?|messages?|emails?|inquir(?:y|ies)|requests?)?[.!?]?\s*$/i
/** The most words a speech report may have after its verb and still say nothing ("asked on Twitter on Tuesday"). */
const MAX_EMPTY_TAIL = 5

function speechVerb(lower: string): boolean {
  const classes = lexicon().verbs.get(lower)?.classes
  return !!classes && (classes.has('speech') || classes.has('quoteOnly'))
}

/** True when the clause (a span with its token range) can never carry a claim. */
export function isNonClaim(doc: AnnotatedDocument, unit: Pick<Sentence, 'start' | 'end' | 'tokenStart' | 'tokenEnd'>): boolean {
  const text = doc.text.slice(unit.start, unit.end).trim()
  if (text.endsWith(':')) return true
  if (NO_COMMENT.test(text)) return true
  const tokens = doc.tokens
  // A subject, a speech verb, then only places, times and media: "Trump asked on Twitter." says that he spoke, not what.
  for (let t = unit.tokenStart; t < unit.tokenEnd; t++) {
    const token = tokens[t]!
    // Anything said before the verb ("Steel imports rose 40 percent, Varga said.") is the claim.
    if ((token.pos === 'VERB' && !speechVerb(token.lower)) || (token.pos === 'AUX' && tokens[t + 1]?.pos !== 'VERB' && tokens[t + 1]?.pos !== 'AUX')) return false
    if (token.pos !== 'VERB' || !speechVerb(token.lower)) continue
    const tail = tokens.slice(t + 1, unit.tokenEnd).filter((x) => x.kind === 'word' || x.kind === 'number')
    if (tail.length <= MAX_EMPTY_TAIL && tail.every((x) => x.pos === 'ADP' || x.pos === 'PROPN' || x.pos === 'DET' || x.pos === 'NOUN' && lexicon().media.has(x.lower) || x.pos === 'ADV' || x.pos === 'NUM')) return true
    return false
  }
  return false
}
