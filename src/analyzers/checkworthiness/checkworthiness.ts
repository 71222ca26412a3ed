// Check-worthy claims: every sentence that can carry a claim, scored by our CLEF-trained model plus news rules, highest first.
import { defineAnalyzer } from '../types.js'
import type { Claim } from '../../report/types.js'
import type { AttributionOutput } from '../attribution/types.js'
import type { OpinionOutput } from '../opinion/types.js'
import { loadScorer } from './load-scorer.js'
import { rankClaims } from './claims.js'

export interface CheckworthinessOutput {
  /** Sorted by checkworthiness, highest first; ids c1, c2, … in that order. */
  claims: Claim[]
}

export default defineAnalyzer<CheckworthinessOutput>({
  id: 'checkworthiness',
  // attribution and opinion are read when present (listed earlier in the registry) and not required.
  meta: { version: 1, description: 'Check-worthy claims ranked by a calibrated score', reads: ['attribution', 'opinion'] },
  analyze(doc, ctx) {
    const scorer = loadScorer(ctx.services.models)
    return {
      claims: rankClaims(doc, scorer, {
        attribution: ctx.find<AttributionOutput>('attribution'),
        opinion: ctx.find<OpinionOutput>('opinion'),
      }),
    }
  },
  contribute(out, report) {
    report.claims = out.claims
  },
})
