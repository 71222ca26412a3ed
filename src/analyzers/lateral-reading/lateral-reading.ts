// Lateral reading: for every claim shown (check-worthy, or matched to a fact-check), related coverage from the user's
// reference corpus and whether it supports or contradicts the claim, with the deciding sentence.
import { defineAnalyzer } from '../types.js'
import type { Evidence, EvidenceSummary } from '../../report/types.js'
import type { CheckworthinessOutput } from '../checkworthiness/checkworthiness.js'
import type { FactCheckMatchesOutput } from '../factchecks/factchecks.js'
import { summarizeEvidence } from './independence.js'
import { isAvailable } from '../../services/search.js'

/** At most this many claims are looked up (check-worthy or fact-checked ones, highest check-worthiness first). */
export const TOP_CLAIMS = 20
export const EVIDENCE_PER_CLAIM = 5

export interface LateralReadingOutput {
  /** Evidence per claim id; empty when no corpus is configured. */
  claims: { id: string; evidence: Evidence[]; summary: EvidenceSummary }[]
}

export default defineAnalyzer<LateralReadingOutput>({
  id: 'lateral-reading',
  meta: {
    version: 1,
    description: 'Related coverage in the reference corpus for the top claims, with its stance (agree, disagree, discuss)',
    requires: ['checkworthiness'],
    reads: ['factchecks'],
  },
  async analyze(_doc, ctx) {
    const corpus = ctx.services.corpus
    if (!corpus || !(await isAvailable(corpus))) return { claims: [] }
    const { claims } = ctx.get<CheckworthinessOutput>('checkworthiness')
    const matched = new Set(ctx.find<FactCheckMatchesOutput>('factchecks')?.byClaim.map((entry) => entry.claimId))
    const shown = claims.filter((claim) => claim.checkworthy || matched.has(claim.id))
    const out: LateralReadingOutput = { claims: [] }
    for (const claim of shown.slice(0, TOP_CLAIMS)) {
      const evidence = await corpus.related(claim.text, EVIDENCE_PER_CLAIM)
      out.claims.push({ id: claim.id, evidence, summary: summarizeEvidence(evidence) })
    }
    return out
  },
  contribute(out, report) {
    const byId = new Map(out.claims.map((entry) => [entry.id, entry]))
    for (const claim of report.claims) {
      const found = byId.get(claim.id)
      if (!found) continue
      claim.evidence = found.evidence
      claim.evidenceSummary = found.summary
      // A fact-check's rating outranks coverage; otherwise a deciding sentence against the claim is a contradiction.
      if (claim.verdict?.startsWith('rated-')) continue
      if (found.evidence.some((e) => e.stance === 'disagree' && e.deciding)) claim.verdict = 'contradicted'
      else if (found.evidence.some((e) => e.stance === 'agree' && e.deciding)) claim.verdict = 'corroborated'
    }
  },
})
