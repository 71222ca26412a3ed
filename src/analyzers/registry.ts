// The built-in analyzers in run order. Adding one = one folder under src/analyzers/ + one line here.
// Order matters: an analyzer runs after every analyzer it lists in meta.requires.
import type { Analyzer } from './types.js'
import style from './style/style.js'
import hedging from './hedging/hedging.js'
import checkworthiness from './checkworthiness/checkworthiness.js'

/** A fresh array of the built-in analyzers, in run order. */
export function defaultAnalyzers(): Analyzer[] {
  return [
    style,
    hedging,
    checkworthiness,
  ] as Analyzer[]
}
