// The signal the hedging analyzer emits. Pure data (the web UI bundles it).
import { declareSignal } from '../../report/signals.js'

export const HEDGE = declareSignal({ id: 'hedge', severity: 'info', label: 'Hedge', layer: 'hedge', message: 'Hedge: {phrase}' })

export const HEDGING_SIGNALS = [HEDGE] as const
