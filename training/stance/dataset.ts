// Feature rows for a labelled FNC-1 style dataset (training and evaluation share this), profiling each text once.
import { FactsiftError } from '../../src/errors.js'
import type { StanceFeaturizer } from '../../src/analyzers/lateral-reading/stance/featurizer.js'
import type { StancePair } from './fnc-data.js'
import type { TextProfile } from '../../src/analyzers/lateral-reading/stance/profile.js'
import { baselineFeatures, prepareBaselineBody, type BaselineBody } from '../../src/analyzers/lateral-reading/stance/baseline-features.js'

/** Throws E_BAD_DATA_ROW naming the first pair whose body id is not among the bodies. */
export function checkBodies(pairs: readonly StancePair[], bodies: ReadonlyMap<string, string>, source: string): void {
  const missing = pairs.find((pair) => !bodies.has(pair.bodyId))
  if (missing) throw new FactsiftError('E_BAD_DATA_ROW', `${source}:${missing.line}: body id ${missing.bodyId} is not in the bodies file`)
}

/** The stance feature vector of every pair, in order. */
export function stanceFeatureRows(pairs: readonly StancePair[], bodies: ReadonlyMap<string, string>, featurizer: StanceFeaturizer): Float64Array[] {
  const headlines = new Map<string, TextProfile>()
  return pairs.map((pair) => {
    let headline = headlines.get(pair.headline)
    if (!headline) {
      headline = featurizer.headline(pair.headline)
      headlines.set(pair.headline, headline)
    }
    return featurizer.features(headline, featurizer.body(pair.bodyId, bodies.get(pair.bodyId)!))
  })
}

/** The official-baseline feature vector of every pair, in order. */
export function baselineFeatureRows(pairs: readonly StancePair[], bodies: ReadonlyMap<string, string>): Float64Array[] {
  const prepared = new Map<string, BaselineBody>()
  return pairs.map((pair) => {
    let body = prepared.get(pair.bodyId)
    if (!body) {
      body = prepareBaselineBody(bodies.get(pair.bodyId)!)
      prepared.set(pair.bodyId, body)
    }
    return baselineFeatures(pair.headline, body)
  })
}
