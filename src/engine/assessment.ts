// Whether the models apply to a document at all, decided once per document before any analyzer runs: the language
// (every model was trained on English), the amount of prose (markup only, a number, one sentence) and whether the page
// is prose at all (results tables, listings, timetables). Thresholds measured by training/assessment/measure.ts.
import type { AnnotatedDocument, Sentence, Token } from '../document/types.js'
import type { Assessment, AssessmentReason } from '../report/types.js'

/** Languages the risk model and the English lexicons were trained on; 'und' (too little text to tell) counts as these. */
export const ASSESSED_LANGUAGES: readonly string[] = ['en']
/** A prose sentence has at least this many word tokens ("The council met on Tuesday." has 5). */
export const PROSE_SENTENCE_WORDS = 5
/** A prose sentence is mostly words: at least this share of its word, number and symbol tokens are words. */
export const PROSE_SENTENCE_WORD_SHARE = 0.6
/**
 * A sentence ends like one (. ! ? …, then closing quotes), or is this long: hard-wrapped text ("…by record bosses to
 * avoid" / "turning off male fans…") splits at line ends, and such lines are prose too.
 */
export const UNPUNCTUATED_PROSE_WORDS = 10
/** Fewer prose sentences than this is too little prose: one sentence is a claim to match, not an article to score. */
export const MIN_PROSE_SENTENCES = 2
/** Fewer words in prose sentences than this is too little prose. */
export const MIN_PROSE_WORDS = 20
/** Below this share of the words in prose sentences the page is not prose (a table, a listing, a timetable). */
export const MIN_PROSE_SHARE = 0.5

/** What the decision rests on, for the report and for measuring. */
export interface ProseMeasures {
  sentences: number
  proseSentences: number
  /** Word and number tokens (the report's word count). */
  words: number
  /** Word and number tokens inside prose sentences. */
  proseWords: number
  /** proseWords / words (0 when there are no words). */
  proseShare: number
}

const TERMINAL = /^[.!?…]+$/
const CLOSING = /^[”’"'»)\]]+$/

/** Whether `sentence` reads as prose: enough words, mostly words, ending like a sentence (or long). */
export function isProseSentence(sentence: Sentence, tokens: readonly Token[]): boolean {
  let words = 0
  let other = 0
  for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
    const kind = tokens[i]!.kind
    if (kind === 'word') words++
    else if (kind === 'number' || kind === 'symbol' || kind === 'url' || kind === 'email') other++
  }
  if (words < PROSE_SENTENCE_WORDS || words < PROSE_SENTENCE_WORD_SHARE * (words + other)) return false
  if (words >= UNPUNCTUATED_PROSE_WORDS) return true
  let last = sentence.tokenEnd - 1
  while (last > sentence.tokenStart && CLOSING.test(tokens[last]!.lower)) last--
  return last >= sentence.tokenStart && TERMINAL.test(tokens[last]!.lower)
}

/** Counts sentences, prose sentences and the words in them. */
export function measureProse(doc: Pick<AnnotatedDocument, 'sentences' | 'tokens'>): ProseMeasures {
  let words = 0
  for (const token of doc.tokens) if (token.kind === 'word' || token.kind === 'number') words++
  let proseSentences = 0
  let proseWords = 0
  for (const sentence of doc.sentences) {
    if (!isProseSentence(sentence, doc.tokens)) continue
    proseSentences++
    for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
      const kind = doc.tokens[i]!.kind
      if (kind === 'word' || kind === 'number') proseWords++
    }
  }
  return { sentences: doc.sentences.length, proseSentences, words, proseWords, proseShare: words === 0 ? 0 : proseWords / words }
}

/** Language names for the reason message (the languages news most often comes in); else the code. */
const LANGUAGE_NAMES: Record<string, string> = {
  de: 'German', fr: 'French', es: 'Spanish', pt: 'Portuguese', it: 'Italian', nl: 'Dutch', id: 'Indonesian', ms: 'Malay',
  pl: 'Polish', ro: 'Romanian', tr: 'Turkish', ru: 'Russian', uk: 'Ukrainian', sv: 'Swedish', cs: 'Czech',
  hu: 'Hungarian', el: 'Greek', ar: 'Arabic', zh: 'Chinese', ja: 'Japanese', ko: 'Korean', hi: 'Hindi', vi: 'Vietnamese',
  tl: 'Tagalog', da: 'Danish', fi: 'Finnish', no: 'Norwegian', ca: 'Catalan', hr: 'Croatian', sr: 'Serbian',
}

/** Whether the document's language is one the models were trained on ('und' — too little text to tell — counts). */
export function languageAssessed(language: string): boolean {
  return language === 'und' || ASSESSED_LANGUAGES.includes(language)
}

/**
 * The applicability decision: 'not-assessed' with every reason that holds (language; too little prose; not prose),
 * else 'assessed'. `skipped` is filled in by the pipeline.
 */
export function assessDocument(doc: Pick<AnnotatedDocument, 'sentences' | 'tokens' | 'meta'>): Assessment {
  const reasons: AssessmentReason[] = []
  const language = doc.meta.language
  if (!languageAssessed(language)) {
    const name = LANGUAGE_NAMES[language] ?? `language "${language}"`
    reasons.push({ code: 'language', message: `written in ${name}: the risk model and the English lexicons do not apply` })
  }
  const prose = measureProse(doc)
  if (prose.proseSentences < MIN_PROSE_SENTENCES || prose.proseWords < MIN_PROSE_WORDS) {
    const what = prose.words === 0
      ? 'no words'
      : prose.proseSentences === 0
        ? `no sentence of prose (${prose.words} word${prose.words === 1 ? '' : 's'})`
        : `${prose.proseSentences} sentence${prose.proseSentences === 1 ? '' : 's'} of prose (${prose.proseWords} words)`
    reasons.push({ code: 'too-little-prose', message: `too little prose to assess: ${what}; at least ${MIN_PROSE_SENTENCES} sentences and ${MIN_PROSE_WORDS} words are needed` })
  } else if (prose.proseShare < MIN_PROSE_SHARE) {
    reasons.push({
      code: 'not-prose',
      message: `not prose: only ${Math.round(prose.proseShare * 100)}% of the words are in sentences (a table, a listing or a timetable?)`,
    })
  }
  return {
    status: reasons.length === 0 ? 'assessed' : 'not-assessed',
    reasons,
    skipped: [],
    measures: {
      language,
      sentences: prose.sentences,
      proseSentences: prose.proseSentences,
      proseWords: prose.proseWords,
      proseShare: Math.round(prose.proseShare * 1000) / 1000,
    },
  }
}
