// Phrase lists matched over tokens (not characters): one trie walk per token, so a pass stays linear in the tokens.
import type { Token } from '../../document/types.js'

/** Splits a lexicon phrase into the words the tokenizer produces ("it's" → "it", "'s"; "don't" → "do", "n't"). */
export function phraseWords(phrase: string): string[] {
  const words: string[] = []
  for (const raw of phrase.toLowerCase().replace(/’/g, "'").split(/\s+/)) {
    if (!raw) continue
    const clitic = /^(.+?)(n't|'s|'re|'ve|'ll|'d|'m)$/.exec(raw)
    if (clitic) words.push(clitic[1]!, clitic[2]!)
    else words.push(raw)
  }
  return words
}

interface TrieNode {
  next: Map<string, TrieNode>
  phrase?: string
}

export interface PhraseHit {
  /** Token indices [first, last] of the match. */
  first: number
  last: number
  phrase: string
}

export interface TokenPhraseMatcher {
  /** Every longest, non-overlapping match in tokens [from, to). */
  find(tokens: readonly Token[], from: number, to: number): PhraseHit[]
  /** The longest match starting exactly at token `at`, or null. */
  matchAt(tokens: readonly Token[], at: number, to: number): PhraseHit | null
}

/**
 * Compiles phrases into a word trie. Words listed in `skippable` may appear between (never before) the phrase words,
 * at most two of them, so "it has also been said" matches "it has been said".
 */
export function createTokenPhraseMatcher(phrases: readonly string[], skippable: readonly string[] = []): TokenPhraseMatcher {
  const root: TrieNode = { next: new Map() }
  for (const phrase of phrases) {
    let node = root
    for (const word of phraseWords(phrase)) {
      let child = node.next.get(word)
      if (!child) {
        child = { next: new Map() }
        node.next.set(word, child)
      }
      node = child
    }
    node.phrase ??= phrase
  }
  const skip = new Set(skippable)

  function matchAt(tokens: readonly Token[], at: number, to: number): PhraseHit | null {
    let node = root.next.get(tokens[at]!.lower)
    if (!node) return null
    let best: PhraseHit | null = node.phrase ? { first: at, last: at, phrase: node.phrase } : null
    let skipped = 0
    for (let i = at + 1; i < to; i++) {
      const word = tokens[i]!.lower
      const child: TrieNode | undefined = node.next.get(word)
      if (child) {
        node = child
        if (node.phrase) best = { first: at, last: i, phrase: node.phrase }
      } else if (skip.has(word) && skipped < 2 && node.next.size > 0) {
        skipped++
      } else {
        break
      }
    }
    return best
  }

  return {
    matchAt,
    find(tokens, from, to) {
      const hits: PhraseHit[] = []
      for (let i = from; i < to; i++) {
        const hit = matchAt(tokens, i, to)
        if (hit) {
          hits.push(hit)
          i = hit.last
        }
      }
      return hits
    },
  }
}
