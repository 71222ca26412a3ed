// Hedges and weasel phrases ("it seems", "reportedly", "many people say"): wording that softens or hides who vouches.
import { defineAnalyzer } from '../types.js'
import { signalOf, type SignalDraft } from '../../report/signals.js'
import { HEDGE, HEDGING_SIGNALS } from './signals.js'
import { createPhraseMatcher } from '../../util/phrase-matcher.js'
import lexicon from './hedges.json' with { type: 'json' }

export interface HedgingOutput {
  signals: SignalDraft[]
  /** Sentence indices that contain at least one hedge. */
  hedgedSentences: number[]
}

const matcher = createPhraseMatcher(lexicon.hedges)

export default defineAnalyzer<HedgingOutput>({
  id: 'hedging',
  // English only: the hedge and weasel lexicons are English phrases.
  meta: { version: 1, description: 'Hedges and weasel phrases', signals: HEDGING_SIGNALS, appliesTo: { languages: ['en'] } },
  analyze(doc) {
    const signals: SignalDraft[] = []
    const hedged = new Set<number>()
    let sentence = 0
    for (const match of matcher.find(doc.text)) {
      while (sentence < doc.sentences.length - 1 && doc.sentences[sentence]!.end <= match.start) sentence++
      hedged.add(sentence)
      signals.push(signalOf(HEDGE, match, { phrase: match.phrase }))
    }
    return { signals, hedgedSentences: [...hedged] }
  },
  contribute(out, report) {
    for (const signal of out.signals) report.signals.push(signal)
  },
})
