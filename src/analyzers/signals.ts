// The signals the built-in analyzers declare, in registry order: what the renderers (text, HTML, web UI) label and mark.
// Pure data: the web UI bundles this file, so it imports each analyzer's signals.ts, never the analyzers themselves.
// An analyzer with a signals.ts is listed here (scripts/check-analyzers.mjs checks it).
import type { SignalDeclaration } from '../report/signals.js'
import { STYLE_SIGNALS } from './style/signals.js'
import { HEDGING_SIGNALS } from './hedging/signals.js'
import { ATTRIBUTION_SIGNALS } from './attribution/signals.js'

export const BUILTIN_SIGNALS = [...STYLE_SIGNALS, ...HEDGING_SIGNALS, ...ATTRIBUTION_SIGNALS] as const

/** The id of a signal a built-in analyzer emits. */
export type BuiltinSignalId = (typeof BUILTIN_SIGNALS)[number]['id']

/** Declarations by id (the built-in ones unless others are given). */
export function signalCatalog(declarations: readonly SignalDeclaration[] = BUILTIN_SIGNALS): ReadonlyMap<string, SignalDeclaration> {
  return new Map(declarations.map((declaration) => [declaration.id, declaration]))
}
