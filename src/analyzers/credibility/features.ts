// The interpretable credibility features: one table of name → value (from Evidence) → plain-words reason.
import { FUNCTION_WORD_CATEGORIES, type Evidence } from './evidence.js'
import { ALL_CAPS, EXCLAMATION, MISSPELLING, SENSATIONAL } from '../style/signals.js'
import { HEDGE } from '../hedging/signals.js'
import { VAGUE_ATTRIBUTION } from '../attribution/signals.js'

export type FeatureGroup = 'sourcing' | 'style' | 'structure'

export interface FeatureSpec {
  name: string
  group: FeatureGroup
  /** Analyzers that must have run for the value to be known; otherwise it is imputed with the training mean. */
  needs?: readonly string[]
  /**
   * Warning signs with an editorial direction (misspellings, capitals, unnamed sources…): a prior weight in standard
   * deviations, which also constrains the learned weight to be ≥ 0 (they may never lower the risk). Their reasons are
   * measured from a clean article (value 0) rather than from the training mean.
   */
  prior?: number
  /**
   * A fixed editorial weight (in standard deviations) used instead of a learned one, for a warning sign the training
   * corpora cannot measure (see the README: misspellings). Implies the clean-article reference like `prior`.
   */
  fixed?: number
  /**
   * Style-profile features (function-word rates, hyphenation, sentence rhythm) have no editorial direction: an editor
   * cannot act on "6.9 auxiliary verbs per 100 words". Their contributions are summed into one `style-profile` reason.
   */
  profile?: boolean
  value(e: Evidence): number
  /**
   * The reason shown when this feature pushes the score: `signal` id and a message, given whether it raised the risk.
   * Null when there is nothing worth saying (e.g. a zero count that lowers risk).
   */
  reason(e: Evidence, raises: boolean): { signal: string; message: string } | null
}

const per100 = (count: number, e: Evidence) => (100 * count) / Math.max(e.wordCount, 20)
/**
 * Misspellings per 100 words above which more say nothing more: the feature value is capped here before the model
 * reads it, so a page full of words the dictionary lacks (another language, a glossary, chat slang) cannot push the
 * risk on misspellings alone. Edited English news has ~0.1 per 100 (training/spelling/measure.ts); 1.5 is fifteen
 * times that, and the capped contribution is at most 0.3 × (1.5 − mean) / sd ≈ +0.9 log-odds before calibration.
 */
export const MISSPELLING_RATE_CAP = 1.5
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
const CLAIMS = ['checkworthiness', 'attribution']
const examples = (e: Evidence, id: string) => (e.examples[id]?.length ? ` (${e.examples[id].map((x) => `"${x}"`).join(', ')})` : '')

/** Both vague-sourcing features explain themselves the same way, so the reason appears once (signal VAGUE_ATTRIBUTION). */
function vagueSourcingReason(e: Evidence): { signal: string; message: string } {
  const n = e.vagueSourcing.count
  const examples = e.vagueSourcing.examples.map((x) => `"${x}"`).join(', ')
  return { signal: VAGUE_ATTRIBUTION.id, message: `${plural(n, 'statement')} ${n === 1 ? 'relies' : 'rely'} on unnamed sources or rumour${examples ? ` (${examples})` : ''}` }
}

/** In model order; never reorder without retraining (the model file stores the names and is checked against them). */
const BASE_FEATURES: readonly FeatureSpec[] = [
  {
    name: 'vague-attribution-share', group: 'sourcing', prior: 0.3, needs: CLAIMS,
    value: (e) => (e.claims ? e.vagueClaims / e.claims : 0),
    reason: (e, raises) => raises && e.vagueClaims > 0
      ? { signal: 'vague-claims', message: `${plural(e.vagueClaims, 'check-worthy statement')} of ${e.claims} ${e.vagueClaims === 1 ? 'relies' : 'rely'} on unnamed sources` }
      : null,
  },
  {
    name: 'vague-attribution-rate', group: 'sourcing', prior: 0.3, needs: ['attribution'],
    value: (e) => e.vagueAttributions / Math.max(e.sentences, 1),
    reason: (e, raises) => (raises && e.vagueAttributions > 0 ? vagueSourcingReason(e) : null),
  },
  {
    name: 'anonymous-source-rate', group: 'sourcing', prior: 0.2,
    value: (e) => per100(e.anonymousCues, e),
    reason: (e, raises) => (raises && e.anonymousCues > 0 ? vagueSourcingReason(e) : null),
  },
  {
    name: 'calendar-rate', group: 'sourcing',
    value: (e) => per100(e.calendarWords, e),
    reason: (e, raises) => raises
      ? { signal: 'few-time-anchors', message: e.calendarWords === 0 ? 'no day, date or time reference' : `few time references (${e.calendarWords})` }
      : { signal: 'time-anchors', message: `${plural(e.calendarWords, 'day, date or time reference')}` },
  },
  {
    name: 'person-rate', group: 'sourcing',
    value: (e) => per100(e.entityMentions.person, e),
    reason: (e, raises) => raises
      ? { signal: 'few-people', message: e.entityMentions.person === 0 ? 'names no person' : `names few people (${plural(e.entityMentions.person, 'mention')})` }
      : { signal: 'people', message: `${plural(e.entityMentions.person, 'mention')} of named people` },
  },
  {
    name: 'organization-place-rate', group: 'sourcing',
    value: (e) => per100(e.entityMentions.organization + e.entityMentions.place, e),
    reason: (e, raises) => {
      const n = e.entityMentions.organization + e.entityMentions.place
      return raises
        ? { signal: 'few-specifics', message: n === 0 ? 'names no organization or place' : `names few organizations or places (${n})` }
        : { signal: 'specifics', message: `${plural(n, 'mention')} of organizations and places` }
    },
  },
  {
    name: 'unattributed-share', group: 'sourcing', prior: 0.2, needs: CLAIMS,
    value: (e) => (e.claims ? e.unattributedClaims / e.claims : 0),
    reason: (e, raises) => raises && e.unattributedClaims > 0
      ? { signal: 'unattributed-claims', message: `${plural(e.unattributedClaims, 'check-worthy statement')} of ${e.claims} name no source` }
      : !raises && e.claims > 0 ? { signal: 'attributed-claims', message: `most check-worthy statements name a source` } : null,
  },
  {
    name: 'named-quote-rate', group: 'sourcing', needs: ['quotes'],
    value: (e) => per100(e.quotesWithSpeaker, e),
    reason: (e, raises) => raises
      ? { signal: 'few-named-quotes', message: e.quotesWithSpeaker === 0 ? 'no quotation from a named speaker' : `only ${plural(e.quotesWithSpeaker, 'quotation')} from a named speaker` }
      : { signal: 'named-quotes', message: `${plural(e.quotesWithSpeaker, 'quotation')} from named speakers` },
  },
  {
    name: 'named-sources', group: 'sourcing', needs: ['sources'],
    value: (e) => Math.log1p(e.namedSources),
    reason: (e, raises) => raises
      ? { signal: 'few-named-sources', message: e.namedSources === 0 ? 'no named source' : `only ${plural(e.namedSources, 'named source')}` }
      : { signal: 'named-sources', message: `${plural(e.namedSources, 'named source')}` },
  },
  {
    name: 'outlets-cited', group: 'sourcing', needs: ['sources'],
    value: (e) => Math.log1p(e.outlets),
    reason: (e, raises) => !raises && e.outlets > 0 ? { signal: 'outlets-cited', message: `cites ${plural(e.outlets, 'news outlet')}` } : null,
  },
  {
    name: 'attribution-cue-rate', group: 'sourcing',
    value: (e) => per100(e.attributionCues, e),
    reason: (e, raises) => raises
      ? { signal: 'few-attributions', message: e.attributionCues === 0 ? 'no "said" or "according to" anywhere' : `few attributions ("said", "according to"): ${e.attributionCues} in ${e.wordCount} words` }
      : { signal: 'attributions', message: `${e.attributionCues} attributions ("said", "according to", …)` },
  },
  {
    name: 'quoted-share', group: 'sourcing',
    value: (e) => e.quotedWords / Math.max(e.wordCount, 20),
    reason: (e, raises) => raises
      ? { signal: 'little-quoted', message: e.quotedWords === 0 ? 'nothing is quoted' : 'little of the text is quoted' }
      : { signal: 'quoted', message: `${Math.round((100 * e.quotedWords) / Math.max(e.wordCount, 1))}% of the words are direct quotation` },
  },
  {
    name: 'number-rate', group: 'sourcing',
    value: (e) => per100(e.numbers, e),
    reason: (e, raises) => raises
      ? { signal: 'few-specifics', message: e.numbers === 0 ? 'no figures, dates or numbers' : `few specifics: ${plural(e.numbers, 'number')}` }
      : { signal: 'specifics', message: `${plural(e.numbers, 'number')}, dates or figures` },
  },
  {
    name: 'misspelling-rate', group: 'style', fixed: 0.3, needs: ['style'],
    value: (e) => Math.min(per100(e.misspellings, e), MISSPELLING_RATE_CAP),
    reason: (e, raises) => raises && e.misspellings > 0 ? { signal: MISSPELLING.id, message: `${plural(e.misspellings, 'misspelled word')}${examples(e, MISSPELLING.id)}` } : null,
  },
  {
    name: 'all-caps-rate', group: 'style', prior: 0.2, needs: ['style'],
    value: (e) => per100(e.allCapsWords, e),
    reason: (e, raises) => raises && e.allCapsWords > 0 ? { signal: ALL_CAPS.id, message: plural(e.allCapsWords, 'word') + ' in capitals' } : null,
  },
  {
    name: 'exclamation-rate', group: 'style', prior: 0.2,
    value: (e) => e.exclamations / Math.max(e.sentences, 1),
    reason: (e, raises) => raises && e.exclamations > 0 ? { signal: EXCLAMATION.id, message: plural(e.exclamations, 'exclamation mark') } : null,
  },
  {
    name: 'question-rate', group: 'style',
    value: (e) => e.questions / Math.max(e.sentences, 1),
    reason: (e, raises) => raises && e.questions > 0 ? { signal: 'questions', message: plural(e.questions, 'question') + ' asked in the text' } : null,
  },
  {
    name: 'sensational-rate', group: 'style', prior: 0.2, needs: ['style'],
    value: (e) => per100(e.sensational, e),
    reason: (e, raises) => raises && e.sensational > 0 ? { signal: SENSATIONAL.id, message: plural(e.sensational, 'sensational word') + ' ("shocking", "bombshell", …)' } : null,
  },
  {
    name: 'hedge-rate', group: 'style', prior: 0.2, needs: ['hedging'],
    value: (e) => per100(e.hedges, e),
    reason: (e, raises) => raises && e.hedges > 0 ? { signal: HEDGE.id, message: `${plural(e.hedges, 'hedge')} or unattributed phrasings ("it seems", "analysts note", …)` } : null,
  },
  {
    name: 'negative-emotion-rate', group: 'style',
    value: (e) => per100(e.negativeWords, e),
    reason: (e, raises) => raises && e.negativeWords > 0 ? { signal: 'negative-emotion', message: plural(e.negativeWords, 'strongly negative word') } : null,
  },
  {
    name: 'positive-emotion-rate', group: 'style',
    value: (e) => per100(e.positiveWords, e),
    reason: (e, raises) => raises && e.positiveWords > 0 ? { signal: 'positive-emotion', message: plural(e.positiveWords, 'strongly positive word') } : null,
  },
  {
    name: 'intensifier-rate', group: 'style',
    value: (e) => per100(e.intensifiers, e),
    reason: (e, raises) => raises && e.intensifiers > 0 ? { signal: 'intensifiers', message: plural(e.intensifiers, 'intensifier') + ' ("totally", "never", …)' } : null,
  },
  {
    name: 'modal-rate', group: 'style',
    value: (e) => per100(e.modals, e),
    reason: (e, raises) => raises && e.modals > 0 ? { signal: 'speculation', message: `${plural(e.modals, 'modal verb')} ("could", "would", "might", …)` } : null,
  },
  {
    name: 'first-person-rate', group: 'style',
    value: (e) => per100(e.firstPerson, e),
    reason: (e, raises) => raises && e.firstPerson > 0 ? { signal: 'first-person', message: plural(e.firstPerson, 'first-person pronoun') } : null,
  },
  {
    name: 'second-person-rate', group: 'style',
    value: (e) => per100(e.secondPerson, e),
    reason: (e, raises) => raises && e.secondPerson > 0 ? { signal: 'second-person', message: `addresses the reader ${plural(e.secondPerson, 'time')} ("you")` } : null,
  },
  {
    name: 'reading-ease', group: 'style',
    value: (e) => Math.max(-50, Math.min(120, fleschReadingEase(e))),
    reason: (e, raises) => ({ signal: 'reading-ease', message: `Flesch reading ease ${Math.round(fleschReadingEase(e))} (${raises ? 'unusual for news copy' : 'typical of news copy'})` }),
  },
  {
    name: 'words-per-sentence', group: 'style',
    value: (e) => e.wordCount / Math.max(e.sentences, 1),
    reason: (e) => ({ signal: 'sentence-length', message: `${Math.round(e.wordCount / Math.max(e.sentences, 1))} words per sentence on average` }),
  },
  {
    name: 'word-length', group: 'style',
    value: (e) => e.letters / Math.max(e.wordCount, 1),
    reason: (e) => ({ signal: 'word-length', message: `${(e.letters / Math.max(e.wordCount, 1)).toFixed(1)} letters per word on average` }),
  },
  {
    name: 'lexical-diversity', group: 'style',
    value: (e) => e.lexicalDiversity,
    reason: (e, raises) => ({ signal: 'lexical-diversity', message: `${raises ? 'repetitive' : 'varied'} vocabulary (moving type-token ratio ${e.lexicalDiversity.toFixed(2)})` }),
  },
  {
    name: 'log-words', group: 'structure',
    value: (e) => Math.log1p(e.wordCount),
    reason: (e, raises) => ({ signal: raises ? 'short-text' : 'long-text', message: `${raises ? 'short' : 'long'} article (${plural(e.wordCount, 'word')})` }),
  },
  {
    name: 'title-words', group: 'structure',
    value: (e) => e.title.words,
    reason: (e, raises) => (e.title.words ? { signal: 'title-length', message: `${raises ? 'unusual' : 'typical'} headline length (${plural(e.title.words, 'word')})` } : null),
  },
  {
    name: 'title-all-caps', group: 'structure', prior: 0.2,
    value: (e) => (e.title.allCaps ? 1 : 0),
    reason: (e, raises) => (raises && e.title.allCaps ? { signal: 'title-all-caps', message: 'headline in all caps' } : null),
  },
  {
    name: 'title-punctuation', group: 'structure', prior: 0.1,
    value: (e) => (e.title.exclamation || e.title.question ? 1 : 0),
    reason: (e, raises) => (raises && (e.title.exclamation || e.title.question) ? { signal: 'title-punctuation', message: `headline ends in ${e.title.exclamation ? 'an exclamation mark' : 'a question'}` } : null),
  },
  {
    name: 'title-capitalized-share', group: 'structure',
    value: (e) => e.title.capitalizedShare,
    reason: (e, raises) => (raises && e.title.capitalizedShare > 0.8 ? { signal: 'title-case', message: 'every word of the headline capitalized' } : null),
  },
]

/** Plain-words names of the function-word categories (lexicons.json `functionWords`). */
const CATEGORY_LABELS: Record<string, string> = {
  article: 'articles ("the", "a")', preposition: 'prepositions ("of", "in", …)', conjunction: 'conjunctions ("and", "but", …)',
  auxiliary: 'auxiliary verbs ("is", "has", …)', negation: 'negations ("not", "never", …)', i: '"I", "me", "my"', we: '"we", "us", "our"',
  you: '"you", "your"', shehe: '"he", "she", "his", "her"', they: '"they", "them"', certainty: 'certainty words ("always", "clearly", …)',
  tentative: 'tentative words ("maybe", "apparently", …)', causation: 'cause-and-effect words ("because", "due", …)',
  insight: 'thinking words ("believe", "know", …)', money: 'money words', time: 'time words ("today", "week", …)',
  social: 'family and relationship words', affect: 'emotional words ("amazing", "terrible", …)',
  reporting: 'reporting verbs ("said", "told", …)', quantifier: 'quantifiers ("all", "many", …)',
}

/**
 * Style profile (function-word categories, punctuation habits, sentence rhythm): no editorial direction, learned from
 * the corpora; their reasons state the rate. Appended after FEATURES' original order.
 */
const STYLE_PROFILE: readonly FeatureSpec[] = [
  ...FUNCTION_WORD_CATEGORIES.map((name): FeatureSpec => ({
    name: `function-words-${name}`, group: 'style', profile: true,
    value: (e) => per100(e.functionWords[name] ?? 0, e),
    reason: (e) => ({ signal: `function-words-${name}`, message: `${CATEGORY_LABELS[name] ?? name}: ${per100(e.functionWords[name] ?? 0, e).toFixed(1)} per 100 words` }),
  })),
  {
    name: 'hyphenated-rate', group: 'style', profile: true,
    value: (e) => per100(e.hyphenated, e),
    reason: (e) => ({ signal: 'hyphenated-words', message: `${plural(e.hyphenated, 'hyphenated compound')} ("long-term", …)` }),
  },
  {
    name: 'possessive-rate', group: 'style', profile: true,
    value: (e) => per100(e.possessives, e),
    reason: (e) => ({ signal: 'possessives', message: `${plural(e.possessives, 'possessive')} ("company's", …)` }),
  },
  {
    name: 'sentence-length-spread', group: 'style', profile: true,
    value: (e) => e.sentenceLengthSd,
    reason: (e, raises) => ({ signal: 'sentence-rhythm', message: `sentence lengths ${raises ? 'unusually' : 'typically'} varied (standard deviation ${e.sentenceLengthSd.toFixed(1)} words)` }),
  },
]

/** All features in model order (see BASE_FEATURES). */
export const FEATURES: readonly FeatureSpec[] = [...BASE_FEATURES, ...STYLE_PROFILE]

/** The structure features that depend on how the text was pasted (paragraph breaks): optional, see the README. */
export const PARAGRAPH_FEATURE: FeatureSpec = {
  name: 'words-per-paragraph', group: 'structure',
  value: (e) => Math.log1p(e.wordCount / Math.max(e.paragraphs, 1)),
  reason: (e, raises) => (raises ? { signal: 'paragraphing', message: e.paragraphs <= 1 ? 'one unbroken block of text' : 'long paragraphs' } : null),
}

/** 206.835 − 1.015·(words / sentences) − 84.6·(syllables / words). */
export function fleschReadingEase(e: Evidence): number {
  if (e.wordCount === 0) return 0
  return 206.835 - 1.015 * (e.wordCount / Math.max(e.sentences, 1)) - 84.6 * (e.syllables / e.wordCount)
}

/** Feature values in `specs` order; NaN where a needed analyzer did not run. */
export function featureValues(e: Evidence, specs: readonly FeatureSpec[] = FEATURES): number[] {
  return specs.map((spec) => (spec.needs && !spec.needs.every((id) => e.present.has(id)) ? Number.NaN : spec.value(e)))
}
