// The "skeleton" of a text for the skeleton n-grams: function words kept, every other word replaced by its shape.
// Content words name the story (and leak it across a split); the skeleton keeps how the sentences are built.
import lexicons from './lexicons.json' with { type: 'json' }
import { fnv1a32 } from '../../ml/hashing.js'

/**
 * General English function words (articles, pronouns, auxiliaries, prepositions, conjunctions), written for Factsift;
 * the skeleton also keeps every word of the credibility lexicons (function-word categories, modals, attribution cues…).
 */
const GENERAL_FUNCTION_WORDS = `a about above after again against all am an and any are aren as at be because been before being below
between both but by can cannot could couldn did didn do does doesn doing don down during each few for from further had
hadn has hasn have haven having he her here hers herself him himself his how i if in into is isn it its itself just me
more most my myself no nor not now of off on once only or other ought our ours ourselves out over own same she should
shouldn so some such than that the their theirs them themselves then there these they this those through to too under
until up very was wasn we were weren what when where which while who whom why will with won would wouldn you your yours
yourself yourselves also`.split(/\s+/).filter(Boolean)

let kept: Map<string, number> | null = null

/** Word → its hash, for the words the skeleton keeps (built once on first use). */
function keptWords(): Map<string, number> {
  if (!kept) {
    kept = new Map()
    const { description: _description, functionWords, ...lists } = lexicons
    const all = [...GENERAL_FUNCTION_WORDS, ...Object.values(functionWords).flat(), ...Object.values(lists).flat()]
    for (const word of all) kept.set(word, fnv1a32(word))
  }
  return kept
}

// Shapes of the words left out: with a digit, short (≤ 5 characters), long.
const NUMBER = fnv1a32('§#'), SHORT = fnv1a32('§*'), LONG = fnv1a32('§**')

/** The skeleton token of a lower-cased word, as a hash: the word's own hash if kept, else the hash of its shape. */
export function skeletonHash(word: string): number {
  const h = keptWords().get(word)
  if (h !== undefined) return h
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i)
    if (c >= 48 && c <= 57) return NUMBER
  }
  return word.length <= 5 ? SHORT : LONG
}

/** The skeleton as words (for tests and explanations): "the minister quit" → ["the", "**", "*"]. */
export function skeletonOf(words: readonly string[]): string[] {
  return words.map((w) => (keptWords().has(w) ? w : /\d/.test(w) ? '#' : w.length <= 5 ? '*' : '**'))
}
