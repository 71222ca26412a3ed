// The Store: one interface, two implementations (sqlite/ default, postgres/ by URL), each area with its own migrations.
import type { ReportRepository } from './report-repository.js'
import type { FactCheckRepository } from './factcheck-repository.js'
import type { CorpusRepository } from './corpus-repository.js'
import type { FeedRepository } from './feed-repository.js'
import type { SourceRatingsRepository } from './source-ratings-repository.js'
import type { ClaimRepository } from './claim-repository.js'

export interface Store {
  readonly kind: 'sqlite' | 'postgres'
  /** Where it lives: a file path or a connection string with the password removed. */
  readonly location: string
  reports: ReportRepository
  factchecks: FactCheckRepository
  corpus: CorpusRepository
  /** Watched feeds and their items (factsift feeds, factsift watch). */
  feeds: FeedRepository
  /** Users' source-ratings lists (factsift sources, /v1/sources), layered over the shipped table. */
  sourceRatings: SourceRatingsRepository
  /** Claims across articles, claim clusters, alerts and their webhook outbox (factsift claims, alerts, watch). */
  claims: ClaimRepository
  /** True when the backing database answers. */
  ping(): Promise<boolean>
  close(): Promise<void>
}
