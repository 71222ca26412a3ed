// Output of the publisher analyzer.
import type { OutletRatingResult, Publisher } from '../../report/types.js'

export interface PublisherOutput {
  /** Who published the article, with the clue that named it and its rating; null when nothing names it. */
  publisher: Publisher | null
  /** Rates a cited source by kind and name (outlets by name, linked sites by domain); null for other kinds. */
  rate(kind: string, name: string): { domain: string | null; rating: OutletRatingResult } | null
}
