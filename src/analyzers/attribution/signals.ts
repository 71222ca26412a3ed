// The signal the attribution analyzer emits. Pure data (the web UI bundles it).
import { declareSignal } from '../../report/signals.js'

/** An unnamed source ("analysts note", "reports emerged"); `cue` is the cue phrase in lower case. */
export const VAGUE_ATTRIBUTION = declareSignal({
  id: 'vague-attribution', severity: 'warn', label: 'Vague attribution', layer: 'vague', message: 'unnamed source: {cue}',
})

export const ATTRIBUTION_SIGNALS = [VAGUE_ATTRIBUTION] as const
