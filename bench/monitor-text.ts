// The generated text of bench:monitor: claims made of pseudo-words, so topics differ in their rare words as real claims
// do, and repeats of a topic are near-duplicates (one varying word, one varying verb).
let seed = 42
export const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
export const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!

/** A pseudo-word of the synthetic vocabulary. */
const word = (n: number) => `v${((n * 2654435761) >>> 0).toString(36).slice(0, 5)}`

/** One claim of `topic`: 7 topic words (its identity) and one varying word. */
export function topicClaim(topic: number, variant: number): string {
  const words = Array.from({ length: 7 }, (_, k) => word((topic * 7 + k) % 50_000 + topic))
  return `Officials said ${words.slice(0, 4).join(' ')} ${pick(['rose', 'fell', 'doubled'])} in ${words.slice(4).join(' ')} ${word(variant)}.`
}

export const percentile = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!
}
