// The built-in analyzers in run order. Adding one = one folder under src/analyzers/ + one line here.
// Order matters: an analyzer runs after every analyzer it lists in meta.requires, and after every analyzer it lists
// in meta.reads (optional outputs read through ctx.find: checkworthiness reads attribution and opinion; credibility
// reads nearly everything); createEngine checks both. An analyzer that emits signals also lists its signals.ts in
// ./signals.ts, the catalog the renderers read.
import type { Analyzer } from './types.js'
import style from './style/style.js'
import hedging from './hedging/hedging.js'
import coreference from './coreference/coreference.js'
import quotes from './quotes/quotes.js'
import attribution from './attribution/attribution.js'
import sources from './sources/sources.js'
import publisher from './publisher/publisher.js'
import opinion from './opinion/opinion.js'
import checkworthiness from './checkworthiness/checkworthiness.js'
import factchecks from './factchecks/factchecks.js'
import lateralReading from './lateral-reading/lateral-reading.js'
import credibility from './credibility/credibility.js'

/** A fresh array of the built-in analyzers, in run order. */
export function defaultAnalyzers(): Analyzer[] {
  return [
    style,
    hedging,
    coreference,
    quotes,
    attribution,
    sources,
    publisher,
    opinion,
    checkworthiness,
    factchecks,
    lateralReading,
    credibility,
  ] as Analyzer[]
}
