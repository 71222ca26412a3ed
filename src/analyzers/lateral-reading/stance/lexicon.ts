// Word lists the stance features count (refuting, negation, hedging, agreeing, AFINN polarity), as one lookup table.
import { createRequire } from 'node:module'
import lists from './lexicons.json' with { type: 'json' }
import stopwordList from './stopwords.json' with { type: 'json' }

export const REFUTE = 1
export const NEGATE = 2
export const HEDGE = 4
export const AGREE = 8

/** Lower-case word → bit set of REFUTE | NEGATE | HEDGE | AGREE. */
export const LEXICON_CLASSES: ReadonlyMap<string, number> = buildClasses()

/** AFINN-165 valence (−5…5) of a lower-case word, from the `sentiment` package's English labels. */
export const POLARITY: ReadonlyMap<string, number> = new Map(
  Object.entries(createRequire(import.meta.url)('sentiment/languages/en/labels.json') as Record<string, number>),
)

export const STOPWORDS: ReadonlySet<string> = new Set(stopwordList)

/** The official FNC-1 baseline's refuting words, used by the baseline features. */
export const BASELINE_REFUTING: readonly string[] = [
  'fake', 'fraud', 'hoax', 'false', 'deny', 'denies', 'not', 'despite', 'nope', 'doubt', 'doubts', 'bogus', 'debunk',
  'pranks', 'retract',
]

function buildClasses(): Map<string, number> {
  const classes = new Map<string, number>()
  const add = (words: string[], bit: number) => {
    for (const word of words) classes.set(word, (classes.get(word) ?? 0) | bit)
  }
  add(lists.refuting, REFUTE)
  add(lists.negation, NEGATE)
  add(lists.hedging, HEDGE)
  add(lists.agreeing, AGREE)
  return classes
}
