// Published fact-checks matching the article's claims (the fact-check memory, src/factchecks/): every candidate claim is
// looked up, not only the check-worthy ones, because a repeat of a claim rated false is worth showing whatever it scores.
import { defineAnalyzer } from '../types.js'
import type { FactCheckMatch } from '../../report/types.js'
import type { CheckworthinessOutput } from '../checkworthiness/checkworthiness.js'
import { verdictOfMatches } from '../../report/claim-order.js'

export interface FactCheckMatchesOutput {
  /** Matches per claim id, for the claims that have any; best match first. */
  byClaim: { claimId: string; matches: FactCheckMatch[] }[]
}

/** Claims looked up per article, most check-worthy first: each lookup is a full-text query plus re-ranking. */
export const MAX_CLAIMS = 40
/** Matches kept per claim. */
export const MAX_MATCHES = 3

export default defineAnalyzer<FactCheckMatchesOutput>({
  id: 'factchecks',
  meta: { version: 1, description: 'Published fact-checks (ClaimReview) matching the top claims', requires: ['checkworthiness'] },
  async analyze(_doc, ctx) {
    const matcher = ctx.services.factchecks
    if (!matcher) return { byClaim: [] }
    const claims = ctx.get<CheckworthinessOutput>('checkworthiness').claims
    const byClaim: FactCheckMatchesOutput['byClaim'] = []
    for (const claim of [...claims].sort((a, b) => b.checkworthiness - a.checkworthiness).slice(0, MAX_CLAIMS)) {
      const matches = await matcher.match(claim.text, MAX_MATCHES)
      if (matches.length > 0) byClaim.push({ claimId: claim.id, matches })
    }
    return { byClaim }
  },
  contribute(out, report) {
    const byId = new Map(out.byClaim.map((entry) => [entry.claimId, entry.matches]))
    for (const claim of report.claims) {
      const matches = byId.get(claim.id)
      if (!matches) continue
      claim.matches = matches
      const verdict = verdictOfMatches(matches)
      if (verdict) claim.verdict = verdict
      // A repeat of a rated claim is worth a fact-checker's time whatever its score.
      if (verdict) claim.checkworthy = true
    }
  },
})
