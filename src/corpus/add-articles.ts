// `corpus add` as a library function: streams items into the store in batches and sums up what happened.
import type { CorpusRepository } from '../store/corpus-repository.js'
import type { CorpusArticle } from '../store/corpus-repository.js'
import type { CorpusItem } from './read-inputs.js'

export interface AddProblem {
  where: string
  message: string
}

export interface AddSummary {
  /** Articles read without problems. */
  read: number
  inserted: number
  updated: number
  /** Already in the store with the same content. */
  unchanged: number
  /** Items reported and skipped. */
  skipped: number
  /** The first `keepProblems` problems (all are passed to `onProblem`). */
  problems: AddProblem[]
}

export interface AddOptions {
  /** Articles written per transaction (default 500). */
  batchSize?: number
  /** Called for every bad item as it is met (e.g. print it). */
  onProblem?(problem: AddProblem): void
  /** Problems kept in the summary (default 100). */
  keepProblems?: number
}

/** Writes every good item to the corpus (insert, or update by key) and skips the bad ones; memory stays bounded. */
export async function addArticles(corpus: CorpusRepository, items: AsyncIterable<CorpusItem>, options: AddOptions = {}): Promise<AddSummary> {
  const batchSize = options.batchSize ?? 500
  const keep = options.keepProblems ?? 100
  const summary: AddSummary = { read: 0, inserted: 0, updated: 0, unchanged: 0, skipped: 0, problems: [] }
  let batch: CorpusArticle[] = []
  const flush = async () => {
    if (batch.length === 0) return
    const counts = await corpus.upsertMany(batch)
    summary.inserted += counts.inserted
    summary.updated += counts.updated
    summary.unchanged += counts.unchanged ?? batch.length - counts.inserted - counts.updated
    batch = []
  }
  for await (const item of items) {
    if (item.problem !== undefined) {
      const problem = { where: item.where, message: item.problem }
      summary.skipped += 1
      if (summary.problems.length < keep) summary.problems.push(problem)
      options.onProblem?.(problem)
      continue
    }
    summary.read += 1
    batch.push(item.article)
    if (batch.length >= batchSize) await flush()
  }
  await flush()
  return summary
}
