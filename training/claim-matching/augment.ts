// Synthetic article-style restatements of the train tweets' fact-checked claims, so the re-ranker also sees claims
// that repeat a fact-check almost word for word (rare among tweets, common in articles).
import type { ClefQuery } from './clef-data.js'
import type { FactCheckRecord } from '../../src/store/factcheck-repository.js'
import { createRng } from '../../src/ml/rng.js'

const ARTICLES = new Set(['A', 'An', 'The', 'This', 'These', 'Some', 'Many'])

const FRAMES = [
  (c: string) => `A viral post claims that ${c}`,
  (c: string) => `Social media users shared the claim that ${c}`,
  (c: string) => `According to messages circulating online, ${c}`,
  (c: string) => `${c[0]!.toUpperCase()}${c.slice(1)}, a widely shared post said.`,
  (c: string) => `Some readers believe that ${c}`,
  (c: string) => `${c[0]!.toUpperCase()}${c.slice(1)}`,
]

/**
 * One restatement per claim: a reporting frame around the claim with ~15% of its words dropped (seeded). Query ids
 * are `aug-<externalId>`; each query's only relevant record is the claim it restates.
 */
export function restateClaims(records: readonly FactCheckRecord[], seed = 20261124): { queries: ClefQuery[]; qrels: Map<string, Set<string>> } {
  const rng = createRng(seed)
  const queries: ClefQuery[] = []
  const qrels = new Map<string, Set<string>>()
  for (const record of records) {
    if (!record.externalId) continue
    const words = record.claim.replace(/[.!?]+$/, '').split(/\s+/)
    const kept = words.filter((_, i) => i === 0 || rng() >= 0.15)
    // "A photograph shows …" reads on as "… that a photograph shows …"; names keep their capital.
    const body = ARTICLES.has(kept[0]!) ? `${kept[0]![0]!.toLowerCase()}${kept.join(' ').slice(1)}` : kept.join(' ')
    const frame = FRAMES[Math.floor(rng() * FRAMES.length)]!
    const id = `aug-${record.externalId}`
    queries.push({ id, text: `${frame(body).replace(/[.!?]*$/, '')}.` })
    qrels.set(id, new Set([record.externalId]))
  }
  return { queries, qrels }
}
