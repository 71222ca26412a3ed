// The evaluation baseline: off-the-shelf BM25 (SQLite FTS5, porter stemming, length normalization) over claim and
// title, the raw text as the query. Independent of the store's own index, which trades length normalization for speed.
import Database from 'better-sqlite3'
import type { FactCheckRecord } from '../../src/store/factcheck-repository.js'
import { buildMatchQuery, queryTerms } from '../../src/search/fts-query.js'

/** An in-memory BM25 index of `records`; `search` returns external ids (or keys), best first. */
export function createPlainBm25(records: Iterable<FactCheckRecord>): { search(text: string, limit: number): string[]; close(): void } {
  const db = new Database(':memory:')
  db.exec("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, claim, title, tokenize='porter unicode61 remove_diacritics 2')")
  const insert = db.prepare('INSERT INTO docs (id, claim, title) VALUES (?, ?, ?)')
  db.transaction(() => {
    for (const r of records) insert.run(r.externalId ?? r.key, r.claim, r.title ?? '')
  })()
  const select = db.prepare('SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0, 1.0, 0.6) LIMIT ?').pluck()
  return {
    search(text, limit) {
      const terms = queryTerms(text)
      return terms.length === 0 ? [] : (select.all(buildMatchQuery(terms), limit) as string[])
    },
    close() {
      db.close()
    },
  }
}
