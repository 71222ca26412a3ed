// Corpus-article rows shared by the SQLite and PostgreSQL corpus repositories: columns, row ↔ article, change hash, filters.
import type { CorpusArticle, CorpusSearchOptions } from './corpus-repository.js'
import { outletKey } from '../nlp/outlet-identity.js'

/** The article columns of a corpus_articles row. */
export interface CorpusRow {
  key: string
  title: string
  body: string
  url: string | null
  outlet: string | null
  published_at: string | null
}

export const CORPUS_COLUMNS = ['key', 'title', 'body', 'url', 'outlet', 'published_at'] as const

export function fromCorpusRow(row: CorpusRow): CorpusArticle {
  return { key: row.key, title: row.title, body: row.body, url: row.url, outlet: row.outlet, publishedAt: row.published_at }
}

/** What an upsert compares to tell "updated" from "unchanged". */
export function corpusContentHash(a: CorpusArticle): string {
  return JSON.stringify([a.title, a.body, a.url, a.outlet, a.publishedAt])
}

/** Stored values in column order: title, body, url, outlet, outlet_key, published_at. */
export function corpusRowValues(a: CorpusArticle): (string | null)[] {
  return [a.title, a.body, a.url, a.outlet, a.outlet ? outletKey(a.outlet) : null, a.publishedAt]
}

/** The distinct outlet keys a search is filtered to (empty: no outlet filter). */
export function outletFilterKeys(options: CorpusSearchOptions): string[] {
  return [...new Set((options.outlets ?? []).map(outletKey).filter(Boolean))]
}

/** The inclusive upper bound for published_at; a date alone means the whole day: '2024-03-05' also admits '2024-03-05T18:00:00Z'. */
export function publishedBeforeBound(publishedBefore: string): string {
  return publishedBefore.length === 10 ? `${publishedBefore}\uffff` : publishedBefore
}
