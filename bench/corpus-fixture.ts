// The generated reference corpus the lateral-reading benchmarks search: filled up to a size (a reused --db keeps what
// it has), and the SQLite file's size on disk.
import { existsSync, statSync } from 'node:fs'
import type { CorpusRepository } from '../src/store/corpus-repository.js'
import { generateCorpusArticle } from './generate-corpus-article.js'

/**
 * Add generated articles number `have` … `articles` - 1 (1,000 per upsert) so the corpus holds `articles`; `have` is how many it
 * held before, `buildSeconds` the time adding took (null when nothing was added), rounded to 0.01 s.
 */
export async function fillCorpus(
  corpus: Pick<CorpusRepository, 'count' | 'upsertMany'>,
  articles: number,
  bodyWords: number,
): Promise<{ have: number; buildSeconds: number | null }> {
  const have = await corpus.count()
  if (have >= articles) return { have, buildSeconds: null }
  const t0 = performance.now()
  for (let start = have; start < articles; start += 1000) {
    const batch = []
    for (let i = start; i < Math.min(articles, start + 1000); i++) batch.push(generateCorpusArticle(i, bodyWords))
    await corpus.upsertMany(batch)
  }
  return { have, buildSeconds: Math.round(((performance.now() - t0) / 1000) * 100) / 100 }
}

/** Bytes of a SQLite database on disk, its write-ahead log included. */
export function sqliteBytes(dbPath: string): number {
  return ['', '-wal'].reduce((sum, suffix) => sum + (existsSync(dbPath + suffix) ? statSync(dbPath + suffix).size : 0), 0)
}
