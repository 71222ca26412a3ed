// The baseline scored beside the model in every evaluation: word overlap plus a negation cue, nothing else.
import type { PreparedText } from './text.js'

export const BASELINE_FEATURES = ['claimCovered', 'negationParity', 'negationParityCovered'] as const

/** Share of the claim's content words found in the evidence, whether exactly one side is negated, and their product. */
export function baselineFeatures(claim: PreparedText, evidence: PreparedText): number[] {
  let shared = 0
  for (const s of claim.content) if (evidence.allStems.has(s)) shared++
  const covered = shared / Math.max(1, claim.content.size)
  const parity = (claim.negations > 0) !== (evidence.negations > 0) ? 1 : 0
  return [covered, parity, covered * parity]
}
