// Users' own source-ratings lists (factsift sources import, REST /v1/sources): each list keeps its name, citation and
// ratings; lists rank over the shipped table, earlier-created lists over later ones. Both backends share these rules.
import type { RatingsList } from '../source-ratings/index.js'

/** A stored list without its ratings. */
export interface SourceListSummary {
  name: string
  /** Shown beside each rating from the list. */
  citation: string
  /** Ratings in the list. */
  count: number
  /** 1 for the highest-ranked user list (the first created); a replaced list keeps its rank. */
  rank: number
  createdAt: string
  updatedAt: string
}

export interface SourceRatingsRepository {
  /** Creates the list, or replaces its citation and ratings in place (keeping its rank), in one transaction. */
  saveList(list: RatingsList): Promise<SourceListSummary>
  /** The lists in precedence order (rank 1 first). */
  lists(): Promise<SourceListSummary[]>
  /** One list with its ratings (keys sorted), or null. */
  getList(name: string): Promise<RatingsList | null>
  /** Every list with its ratings, in precedence order: what the ratings registry layers over the shipped table. */
  loadAll(): Promise<RatingsList[]>
  /** Removes a list and its ratings; false when there is none of that name. */
  removeList(name: string): Promise<boolean>
  /** Removes one rating (by its key) from a list; false when the list does not hold it. */
  removeRating(name: string, key: string): Promise<boolean>
  /** A number that changes with every write, by any process: readers reload their registry when it moves. */
  revision(): Promise<number>
}
