// Turns per-feature contributions into the report's reasons: the largest pushes, in plain words, with their weights.
import type { RiskReason } from '../../report/types.js'
import type { Evidence } from './evidence.js'
import type { FeatureSpec } from './features.js'
import type { CredibilityModel, CredibilityScore } from './model.js'

export interface ReasonOptions {
  /** Most reasons that raise the risk (default 4, plus any warning signs) and that lower it (default 2). */
  maxRaising?: number
  maxLowering?: number
  /** Contributions smaller than this (in calibrated log-odds) are not worth a reason (default 0.05). */
  minWeight?: number
}

// The feature list is a module constant: its by-name map is built once, not per article.
const byNameCache = new WeakMap<readonly FeatureSpec[], Map<string, FeatureSpec>>()

function specsByName(specs: readonly FeatureSpec[]): Map<string, FeatureSpec> {
  let byName = byNameCache.get(specs)
  if (!byName) byNameCache.set(specs, (byName = new Map(specs.map((s) => [s.name, s]))))
  return byName
}

/**
 * Reasons sorted by weight, those raising the risk first (positive weights), then those lowering it (negative).
 * weight = the feature's contribution to the log-odds of "unreliable", times the calibration slope, rounded to 0.01:
 * +0.7 means the finding alone roughly doubles the odds.
 */
export function buildReasons(
  model: Pick<CredibilityModel, 'calibration'>,
  score: CredibilityScore,
  evidence: Evidence,
  specs: readonly FeatureSpec[],
  options: ReasonOptions = {},
): RiskReason[] {
  const slope = model.calibration.kind === 'platt' ? model.calibration.a : 1
  const minWeight = options.minWeight ?? 0.05
  const bySpec = specsByName(specs)
  // Contributions come in model order, which a loaded model shares with `specs`: the spec at the same index, when it
  // has the name (and names are unique, so it is the one the map holds), spares a map lookup per feature.
  const unique = bySpec.size === specs.length
  const specOf = (c: CredibilityScore['contributions'][number], j: number) => (unique && specs[j]?.name === c.feature ? specs[j] : bySpec.get(c.feature))
  const contributionSpecs = score.contributions.map(specOf)
  const weighed = score.contributions
    .map((c, j) => ({ spec: contributionSpecs[j], weight: c.logOdds * slope }))
    .filter((c): c is { spec: FeatureSpec; weight: number } => c.spec !== undefined && Math.abs(c.weight) >= minWeight)
  const raising: RiskReason[] = []
  const lowering: RiskReason[] = []
  const seen = new Set<string>()
  const isWarningSign = (spec: FeatureSpec) => (spec.prior ?? 0) > 0 || spec.fixed !== undefined
  // Style-profile features speak as one reason, like the n-grams: their parts are rates no editor can act on.
  const profile = score.contributions.reduce((sum, c, j) => sum + (contributionSpecs[j]?.profile ? c.logOdds * slope : 0), 0)
  for (const { spec, weight } of weighed.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))) {
    if (spec.profile) continue
    const raises = weight > 0
    const list = raises ? raising : lowering
    // Warning signs (misspellings, unnamed sources, capitals…) that raise the risk are always listed: they are what an
    // editor can check and fix, even when broader style features weigh more.
    const full = list.length >= (raises ? (options.maxRaising ?? 4) : (options.maxLowering ?? 2))
    if (full && !(raises && isWarningSign(spec))) continue
    const said = spec.reason(evidence, raises)
    if (!said || seen.has(said.signal)) continue
    seen.add(said.signal)
    list.push({ signal: said.signal, weight: round2(weight), message: said.message })
  }
  if (Math.abs(profile) >= minWeight) {
    const reason = { signal: 'style-profile', weight: round2(profile), message: `writing style (function words, sentence rhythm) resembles ${profile > 0 ? 'unreliable' : 'reliable'} articles in the training data` }
    ;(profile > 0 ? raising : lowering).push(reason)
  }
  const wording = score.wordingLogOdds * slope
  if (Math.abs(wording) >= minWeight) {
    const reason = { signal: 'wording', weight: round2(wording), message: `word choice resembles ${wording > 0 ? 'unreliable' : 'reliable'} articles in the training data` }
    ;(wording > 0 ? raising : lowering).push(reason)
  }
  return [...raising.sort((a, b) => b.weight - a.weight), ...lowering.sort((a, b) => a.weight - b.weight)]
}

function round2(x: number): number {
  return Math.round(x * 100) / 100
}
