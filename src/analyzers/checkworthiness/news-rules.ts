// Rules that carry over from debates to news: quantities, named actors and attribution up; opinion, hedges, questions down.
import type { AnnotatedDocument, Sentence } from '../../document/types.js'
import { cue, isEvaluativeWord } from './cues.js'

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

const PRONOUNS = new Set(['it', 'this', 'that', 'which'])
const COPULAS = new Set(['is', 'was', "'s", 's', 'be', 'been', 'being', 'seems', 'seemed', 'looks', 'looked', 'remains', 'feels', 'sounds'])
const INTENSIFIERS = new Set(['quite', 'very', 'so', 'really', 'truly', 'extremely', 'rather', 'pretty', 'too', 'absolutely', 'simply', 'deeply', 'most', 'more', 'just', 'also', 'not'])

/**
 * 1 when the unit evaluates rather than reports: "it's quite disheartening to see …", "this is outrageous", "that was
 * a disgrace" — a pronoun, a copula, optional intensifiers, then an evaluative adjective or noun.
 */
export function evaluativeConstruction(doc: AnnotatedDocument, unit: Sentence): number {
  const tokens = doc.tokens
  for (let t = unit.tokenStart; t + 2 < unit.tokenEnd; t++) {
    if (!PRONOUNS.has(tokens[t].lower) || !COPULAS.has(tokens[t + 1].lower)) continue
    let k = t + 2
    while (k < unit.tokenEnd && (INTENSIFIERS.has(tokens[k].lower) || tokens[k].lower === 'a' || tokens[k].lower === 'an')) k++
    if (k >= unit.tokenEnd || !isEvaluativeWord(tokens[k].lower)) continue
    const { pos, lower } = tokens[k]
    // Participles used as adjectives ("disheartening", "shocking") are often tagged VERB.
    if (pos === 'ADJ' || pos === 'NOUN' || (pos === 'VERB' && lower.endsWith('ing'))) return 1
  }
  return 0
}

/** Each rule's value in [0, 1] for one unit, read from its cue vector (and the evaluative construction test). */
export function ruleValues(cues: Float32Array, evaluative = 0): Record<NewsRuleName, number> {
  const quantity = Math.max(cue(cues, 'num.any'), cue(cues, 'num.percent'), cue(cues, 'num.money'), cue(cues, 'num.quantityWord'))
  const actor = Math.max(cue(cues, 'ent.person'), cue(cues, 'ent.organization'), cue(cues, 'ent.place'), cue(cues, 'pos.propn'))
  const opinion = Math.min(1, cue(cues, 'subjective') + 0.5 * cue(cues, 'afinn.abs'))
  return {
    quantity,
    namedActor: actor > 0 ? 1 : 0,
    attribution: cue(cues, 'attribution'),
    pastEvent: cue(cues, 'tense.past'),
    opinion,
    evaluative,
    hedge: cue(cues, 'hedge'),
    question: cue(cues, 'question'),
    personal: Math.max(cue(cues, 'person.first'), cue(cues, 'person.second')),
    pleasantry: cue(cues, 'pleasantry'),
    fragment: Math.max(cue(cues, 'noVerb'), cue(cues, 'len.1-3'), 0.5 * cue(cues, 'len.4-6')),
    future: cue(cues, 'tense.future'),
  }
}

/** Σ weight · value over the rules: the log-odds the rules add to the debate score. */
export function ruleLogit(cues: Float32Array, weights: Record<NewsRuleName, number>, evaluative = 0): number {
  const values = ruleValues(cues, evaluative)
  let sum = 0
  for (const name of NEWS_RULE_NAMES) sum += weights[name] * values[name]
  return sum
}
