// Lateral reading: for the top claims, related coverage from the user's reference corpus and whether it agrees or disagrees.
import { defineAnalyzer } from '../types.js'
import type { Evidence, EvidenceSummary } from '../../report/types.js'
import type { CheckworthinessOutput } from '../checkworthiness/checkworthiness.js'
import { summarizeEvidence } from './independence.js'
import { isAvailable } from '../../services/search.js'

/** Claims looked up, highest check-worthiness first, and evidence items kept per claim. */
export const TOP_CLAIMS = 5
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
  },
  async analyze(_doc, ctx) {
    const corpus = ctx.services.corpus
    if (!corpus || !(await isAvailable(corpus))) return { claims: [] }
    const { claims } = ctx.get<CheckworthinessOutput>('checkworthiness')
    const out: LateralReadingOutput = { claims: [] }
    for (const claim of claims.slice(0, TOP_CLAIMS)) {
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
    }
  },
})
