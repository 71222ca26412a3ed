// The signals the style analyzer emits. Pure data (the web UI bundles it): a new style signal is declared here.
import { declareSignal } from '../../report/signals.js'

export const SENSATIONAL = declareSignal({
  id: 'sensational', severity: 'info', label: 'Sensational wording', layer: 'style',
  // `where` is 'headline' or 'text'; a sensational headline is emitted with severity 'warn'.
  message: 'Sensational wording in the {where}: {phrase}',
})
export const ALL_CAPS = declareSignal({ id: 'all-caps', severity: 'info', label: 'Capitals', layer: 'style', message: 'Word in capitals: {word}' })
export const EXCLAMATION = declareSignal({ id: 'exclamation', severity: 'info', label: 'Exclamation', layer: 'style', message: 'Exclamation mark' })
export const MISSPELLING = declareSignal({
  id: 'misspelling', severity: 'warn', label: 'Misspelling', layer: 'misspelling',
  message: 'Possible misspelling: {word}[ (did you mean {suggestions}?)]',
})
export const TITLE_ALL_CAPS = declareSignal({ id: 'title-all-caps', severity: 'warn', label: 'Headline in capitals', message: 'Headline written in capitals' })
export const TITLE_EXCLAMATION = declareSignal({ id: 'title-exclamation', severity: 'warn', label: 'Headline exclamation', message: 'Exclamation mark in the headline' })

/** In the order the renderers list them. */
export const STYLE_SIGNALS = [SENSATIONAL, ALL_CAPS, EXCLAMATION, MISSPELLING, TITLE_ALL_CAPS, TITLE_EXCLAMATION] as const
