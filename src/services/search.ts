// What analyzers ask of the search services: matches for a claim, related coverage for a claim.
import type { Evidence, FactCheckMatch } from '../report/types.js'

/** What both search services share: whether there is anything to search yet. */
export interface SearchService {
  /**
   * False while there is nothing to search (e.g. the store holds no fact-checks or articles yet): analyzers then do as
   * without the service. Absent means always true.
   */
  available?(): Promise<boolean>
}

export interface FactCheckMatcher extends SearchService {
  /** Published fact-checks matching one claim, above the calibrated threshold, best first. */
  match(claimText: string, limit?: number): Promise<FactCheckMatch[]>
}

export interface CorpusSearcher extends SearchService {
  /** Related coverage for one claim with its stance, best first. */
  related(claimText: string, limit?: number): Promise<Evidence[]>
}

/** Whether a service is configured and has something to search. */
export async function isAvailable(service: SearchService | undefined): Promise<boolean> {
  return service !== undefined && (service.available ? await service.available() : true)
}
