// Which of a query's terms go to the index: the rarest, since the index's work grows with the postings each term adds
// and common terms rank little. Both stores choose with these rules (each over its own term counts).

/** A query term with the number of documents that contain it (possibly capped: a lower bound past the cap). */
export interface CountedTerm {
  term: string
  n: number
}

/** Rows past which a term is common: `share` of `total`, at least 50 (a small store has no common words). */
export function commonTermLimit(total: number, share: number): number {
  return Math.max(50, Math.floor(total * share))
}

/**
 * The rarest terms: those in at most `common` documents, or, while fewer than two are, the two rarest of all; at most
 * `max`, rarest first (ties keep query order). Terms no document has are left out.
 */
export function chooseRareTerms<T extends CountedTerm>(counted: readonly T[], common: number, max: number): T[] {
  const present = counted.filter((t) => t.n > 0).sort((a, b) => a.n - b.n)
  const rare = present.filter((t) => t.n <= common)
  return (rare.length >= 2 ? rare : present.slice(0, Math.max(2, rare.length))).slice(0, max)
}

/**
 * Terms rarest first (ties by term) while their document counts add up to at most `budget` postings (the rarest is
 * always taken); at most `max`. Terms no document has are left out.
 */
export function chooseWithinPostings(counted: readonly CountedTerm[], budget: number, max: number): string[] {
  const present = counted.filter((t) => t.n > 0).sort((a, b) => a.n - b.n || (a.term < b.term ? -1 : 1))
  const chosen: string[] = []
  let postings = 0
  for (const { term, n } of present) {
    if (chosen.length >= max || (chosen.length > 0 && postings + n > budget)) break
    chosen.push(term)
    postings += n
  }
  return chosen
}
