// Rules that carry over from debates to news: quantities, named actors and attribution up; opinion, hedges, questions down.
import type { AnnotatedDocument, Sentence } from '../../document/types.js'
import { CUE_NAMES, isEvaluativeWord } from './cues.js'

export const NEWS_RULE_NAMES = [
  'quantity', 'namedActor', 'attribution', 'pastEvent',
  'opinion', 'evaluative', 'hedge', 'question', 'personal', 'pleasantry', 'fragment', 'future',
] as const

export type NewsRuleName = (typeof NEWS_RULE_NAMES)[number]

/** Rule weights (log-odds added to the debate score), the weight of the debate score itself, and the base-rate shift. */
export interface NewsRules {
  rules: Record<NewsRuleName, number>
  modelWeight: number
  /** logit(news prior) − logit(debate prior): moves calibrated debate probabilities to the share of claims in news. */
  priorShift: number
  newsPrior: number
}

/**
 * Weights set by hand before looking at the held-out news passages (11–30): each is about one standard deviation of the
 * debate score, so one rule firing moves a sentence about as much as the model's typical spread.
 */
export const DEFAULT_RULE_WEIGHTS: Record<NewsRuleName, number> = {
  quantity: 1.0,
  namedActor: 0.8,
  attribution: 0.5,
  pastEvent: 0.5,
  opinion: -1.0,
  evaluative: -1.0,
  hedge: -0.8,
  question: -1.5,
  personal: -0.5,
  pleasantry: -1.0,
  fragment: -1.5,
  future: -0.3,
}

const COPULAS = new Set(['is', 'was', "'s", 's', 'be', 'been', 'being', 'seems', 'seemed', 'looks', 'looked', 'remains', 'feels', 'sounds'])
const INTENSIFIERS = new Set(['quite', 'very', 'so', 'really', 'truly', 'extremely', 'rather', 'pretty', 'too', 'absolutely', 'simply', 'deeply', 'most', 'more', 'just', 'also', 'not'])

/**
 * 1 when the unit evaluates rather than reports: "it's quite disheartening to see …", "this is outrageous", "that was
 * a disgrace" — a pronoun, a copula, optional intensifiers, then an evaluative adjective or noun.
 */
export function evaluativeConstruction(doc: AnnotatedDocument, unit: Sentence): number {
  const tokens = doc.tokens
  for (let t = unit.tokenStart; t + 2 < unit.tokenEnd; t++) {
    // The pronoun (it, this, that, which) by comparison rather than a set lookup: this runs for every token of a unit.
    const w = tokens[t].lower
    if ((w !== 'it' && w !== 'this' && w !== 'that' && w !== 'which') || !COPULAS.has(tokens[t + 1].lower)) continue
    let k = t + 2
    while (k < unit.tokenEnd && (INTENSIFIERS.has(tokens[k].lower) || tokens[k].lower === 'a' || tokens[k].lower === 'an')) k++
    if (k >= unit.tokenEnd || !isEvaluativeWord(tokens[k].lower)) continue
    const { pos, lower } = tokens[k]
    // Participles used as adjectives ("disheartening", "shocking") are often tagged VERB.
    if (pos === 'ADJ' || pos === 'NOUN' || (pos === 'VERB' && lower.endsWith('ing'))) return 1
  }
  return 0
}

// Cue indices, read once (cue(values, name) looks the name up on every call).
const [NUM_ANY, NUM_PERCENT, NUM_MONEY, NUM_QUANTITY, ENT_PERSON, ENT_ORGANIZATION, ENT_PLACE, POS_PROPN, SUBJECTIVE, AFINN_ABS,
  ATTRIBUTION, TENSE_PAST, HEDGE, QUESTION, PERSON_FIRST, PERSON_SECOND, PLEASANTRY, NO_VERB, LEN_1_3, LEN_4_6, TENSE_FUTURE] = ([
  'num.any', 'num.percent', 'num.money', 'num.quantityWord', 'ent.person', 'ent.organization', 'ent.place', 'pos.propn', 'subjective',
  'afinn.abs', 'attribution', 'tense.past', 'hedge', 'question', 'person.first', 'person.second', 'pleasantry', 'noVerb', 'len.1-3',
  'len.4-6', 'tense.future',
] as const).map((name) => CUE_NAMES.indexOf(name)) as number[]

/** Each rule's value in [0, 1] for one unit, read from its cue vector (and the evaluative construction test). */
export function ruleValues(cues: Float32Array, evaluative = 0): Record<NewsRuleName, number> {
  const quantity = Math.max(cues[NUM_ANY]!, cues[NUM_PERCENT]!, cues[NUM_MONEY]!, cues[NUM_QUANTITY]!)
  const actor = Math.max(cues[ENT_PERSON]!, cues[ENT_ORGANIZATION]!, cues[ENT_PLACE]!, cues[POS_PROPN]!)
  const opinion = Math.min(1, cues[SUBJECTIVE]! + 0.5 * cues[AFINN_ABS]!)
  return {
    quantity,
    namedActor: actor > 0 ? 1 : 0,
    attribution: cues[ATTRIBUTION]!,
    pastEvent: cues[TENSE_PAST]!,
    opinion,
    evaluative,
    hedge: cues[HEDGE]!,
    question: cues[QUESTION]!,
    personal: Math.max(cues[PERSON_FIRST]!, cues[PERSON_SECOND]!),
    pleasantry: cues[PLEASANTRY]!,
    fragment: Math.max(cues[NO_VERB]!, cues[LEN_1_3]!, 0.5 * cues[LEN_4_6]!),
    future: cues[TENSE_FUTURE]!,
  }
}

/**
 * Σ weight · value over the rules: the log-odds the rules add to the debate score. Summed term by term in
 * NEWS_RULE_NAMES order (written out: a loop over the names made every access a lookup by a varying key; a test checks
 * the two agree).
 */
export function ruleLogit(cues: Float32Array, weights: Record<NewsRuleName, number>, evaluative = 0): number {
  const v = ruleValues(cues, evaluative)
  let sum = 0
  sum += weights.quantity * v.quantity
  sum += weights.namedActor * v.namedActor
  sum += weights.attribution * v.attribution
  sum += weights.pastEvent * v.pastEvent
  sum += weights.opinion * v.opinion
  sum += weights.evaluative * v.evaluative
  sum += weights.hedge * v.hedge
  sum += weights.question * v.question
  sum += weights.personal * v.personal
  sum += weights.pleasantry * v.pleasantry
  sum += weights.fragment * v.fragment
  sum += weights.future * v.future
  return sum
}
