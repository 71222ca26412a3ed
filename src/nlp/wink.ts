// The shared wink-nlp instances (created once, lazily) and the bare tokenization pass used as the speed baseline.

import winkNLP, { type WinkMethods } from 'wink-nlp'
import model from 'wink-eng-lite-web-model'

let annotating: WinkMethods | undefined
let bare: WinkMethods | undefined

/**
 * The wink instance annotate uses: sentence boundaries and POS only. Wink's own NER, negation and sentiment are left
 * out of the pipe because they cost ~40% more time and Factsift finds dates and names with its own rules.
 */
export function getWink(): WinkMethods {
  annotating ??= winkNLP(model, ['sbd', 'pos'])
  return annotating
}

/** A wink instance with an empty pipe: tokenization only. */
export function getBareWink(): WinkMethods {
  bare ??= winkNLP(model, [])
  return bare
}

/** The bare tokenization pass (wink with an empty pipe), returning the token count: the speed baseline of the benches. */
export function bareTokenize(text: string): number {
  return getBareWink().readDoc(text).tokens().length()
}
