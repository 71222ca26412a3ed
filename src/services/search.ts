// What analyzers ask of the search services: matches for a claim, related coverage for a claim.
import type { Evidence, FactCheckMatch } from '../report/types.js'

export interface FactCheckMatcher {
  /** Published fact-checks matching one claim, above the calibrated threshold, best first. */
  match(claimText: string, limit?: number): Promise<FactCheckMatch[]>
}

export interface CorpusSearcher {
  /** Related coverage for one claim with its stance, best first. */
  related(claimText: string, limit?: number): Promise<Evidence[]>
}
