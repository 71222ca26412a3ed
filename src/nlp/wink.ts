// The shared wink-nlp instances (created once, lazily) and the bare tokenization pass used as the speed baseline.

import winkNLP, { type WinkMethods } from 'wink-nlp'
import model from 'wink-eng-lite-web-model'

let annotating: WinkMethods | undefined
let bare: WinkMethods | undefined
let full: WinkMethods | undefined

/**
 * The wink instance annotate uses: tokens and POS only. Wink's sentence boundaries, NER, negation and sentiment are
 * left out of the pipe: each costs about as much again as tokenizing, and annotate finds sentences, dates and names
 * with its own rules (the POS tags are the same with or without wink's sentence pass).
 */
export function getWink(): WinkMethods {
  annotating ??= winkNLP(model, ['pos'])
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

/**
 * wink's default pipe (sbd, negation, sentiment, pos, ner, cer) over `text`, returning the token count: the
 * "wink-nlp tokenizes ~600k tokens/s" figure. Benches print it beside bareTokenize so both ratios are visible.
 */
export function winkDefaultPass(text: string): number {
  full ??= winkNLP(model)
  return full.readDoc(text).tokens().length()
}
