// Is a sentence "a quote plus who said it"? Then the quote is the claim ('quote'), not the writer's own words.
import type { AnnotatedDocument, Sentence } from '../../document/types.js'
import type { QuoteFinding } from '../quotes/types.js'
import { isCapitalized } from '../shared/doc-index.js'

// Words that add when, where or how a quote was said, not what: they never make the rest of a sentence a claim.
const ADJUNCT_PREPOSITIONS = new Set([
  'on', 'in', 'at', 'to', 'during', 'after', 'before', 'from', 'via', 'with', 'outside', 'near', 'while', 'through',
  'over', 'inside', 'into', 'across', 'behind', 'following', 'amid', 'ahead', 'upon', 'for',
])
const FILLER = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight',
  'later', 'earlier', 'again', 'also', 'then', 'now', 'recently', 'once', 'last', 'this', 'next', 'week', 'month', 'year',
  'morning', 'afternoon', 'evening', 'night', 'day', 'and', 'but', 'so', 'as', 'when', 'simply', 'just', 'quickly',
  'the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'flatly', 'angrily', 'calmly', 'firmly', 'softly',
])
const RECIPIENT_VERBS = new Set(['told', 'tells', 'asked', 'asks', 'informed', 'reminded', 'assured', 'warned'])

/**
 * True when every word of the sentence outside its quotations belongs to their attribution: the speaker and verb,
 * time and place phrases ("on Monday", "in a post on LinkedIn"), a recipient ("told reporters") or an appositive after
 * the speaker (", a customer in Leeds").
 */
export function onlyAttribution(doc: AnnotatedDocument, s: Sentence, quotes: readonly QuoteFinding[]): boolean {
  const attributed = quotes.filter((q) => q.speaker !== null && q.clause !== null && q.form === 'full')
  if (attributed.length === 0) return false
  const { tokens, text } = doc
  let content = 0
  let skipping: 'none' | 'phrase' = 'none'
  let afterVerb = false
  let infinitive = false
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const t = tokens[i]!
    const inQuote = quotes.some((q) => t.start >= q.outer.start && t.end <= q.outer.end)
    const inClause = attributed.some((q) => t.start >= q.clause!.start && t.end <= q.clause!.end)
    if (inQuote || inClause) {
      skipping = 'none'
      afterVerb = inClause && !inQuote
      continue
    }
    if (t.kind === 'punctuation' || t.kind === 'symbol') {
      // A comma closes a phrase; the words after it (an appositive, an age) are skipped as one phrase.
      skipping = t.lower === ',' ? 'phrase' : 'none'
      afterVerb = false
      continue
    }
    if (ADJUNCT_PREPOSITIONS.has(t.lower)) {
      skipping = 'phrase'
      infinitive = t.lower === 'to'
      continue
    }
    if (afterVerb && i > 0 && RECIPIENT_VERBS.has(tokens[i - 1]!.lower)) {
      skipping = 'phrase'
      continue
    }
    // Inside a phrase, participles are adjectives ("in a televised interview"); after "to", a verb followed by more words
    // is an infinitive clause with content of its own ("to close the plant"), a last word a noun ("a memo to staff").
    const last = i + 1 >= s.tokenEnd || tokens[i + 1]!.kind === 'punctuation'
    const verbal = t.pos === 'VERB' || t.pos === 'AUX'
    if (skipping === 'phrase' && (!verbal || t.lower.endsWith('ed') || t.lower.endsWith('ing') || (infinitive && last))) continue
    if (FILLER.has(t.lower) || t.kind === 'number') continue
    if (isCapitalized(text, t) && i === s.tokenStart) continue
    content++
  }
  return content === 0
}
