// Reads labelled credibility data (JSONL: {text, title?, label: fake|real|satire, id?, domain?, dataset?}).
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { FactsiftError } from '../../src/errors.js'

export type CredibilityLabel = 'fake' | 'real' | 'satire'
/** Whether satire counts as unreliable (the default) or reliable. */
export type SatirePolicy = 'unreliable' | 'reliable'

export interface CredibilityRow {
  id: string
  text: string
  title: string | null
  label: CredibilityLabel
  /** Topic or domain (FakeNewsAMT: biz, edu, …), for leave-one-domain-out. */
  domain: string | null
  /** The article's address when the data gives one (FakeNewsNet): the publisher's rating is read from it. */
  url?: string | null
  /** Which corpus the row came from (the file name when the row does not say). */
  dataset: string
  /**
   * The story the row belongs to: rows of one story must stay on one side of a split. Both Pérez-Rosas corpora pair
   * each fake with the legitimate article it imitates (biz01.fake / biz01.legit); `group` in the row wins.
   */
  group: string
}

const LABELS = new Set<CredibilityLabel>(['fake', 'real', 'satire'])

/** Parses every non-blank line; a malformed one throws E_BAD_DATA_ROW naming file and line. */
export function readCredibilityJsonl(path: string): CredibilityRow[] {
  let content: string
  try {
    content = readFileSync(path, 'utf8')
  } catch {
    throw new FactsiftError('E_INPUT_NOT_FOUND', `cannot read ${path}`)
  }
  const fallbackDataset = basename(path).replace(/\.jsonl?$/i, '')
  const rows: CredibilityRow[] = []
  content.split('\n').forEach((line, index) => {
    if (!line.trim()) return
    const where = `${path}:${index + 1}`
    let value: Record<string, unknown>
    try {
      value = JSON.parse(line)
    } catch {
      throw new FactsiftError('E_BAD_DATA_ROW', `${where}: not valid JSON`)
    }
    const label = typeof value.label === 'string' ? value.label.toLowerCase() : ''
    if (!LABELS.has(label as CredibilityLabel)) throw new FactsiftError('E_BAD_DATA_ROW', `${where}: label must be fake, real or satire`)
    let text = typeof value.text === 'string' ? value.text : ''
    let title = typeof value.title === 'string' && value.title.trim() ? value.title : null
    // FakeNewsAMT has 30 fake rows whose whole article sits in `title` with an empty `text` (their source files had no
    // headline line). Left as is, "empty text" alone would give those rows away; read the article as the text instead.
    if (!text.trim() && title && title.split(/\s+/).length >= 20) {
      text = title
      title = null
    }
    if (!text.trim()) throw new FactsiftError('E_BAD_DATA_ROW', `${where}: text must be a non-empty string`)
    rows.push({
      id: typeof value.id === 'string' ? value.id : `${fallbackDataset}:${index + 1}`,
      text,
      title,
      label: label as CredibilityLabel,
      domain: typeof value.domain === 'string' ? value.domain : null,
      ...(typeof value.url === 'string' && value.url.trim() ? { url: value.url.trim() } : {}),
      dataset: typeof value.dataset === 'string' ? value.dataset : fallbackDataset,
      group: typeof value.group === 'string' ? value.group : storyOf(typeof value.id === 'string' ? value.id : `${fallbackDataset}:${index + 1}`),
    })
  })
  if (rows.length === 0) throw new FactsiftError('E_BAD_DATA_ROW', `${path}: no rows`)
  return rows
}

/** 1 = unreliable (fake, and satire unless the policy says reliable), 0 = reliable. */
export function targetOf(label: CredibilityLabel, satire: SatirePolicy = 'unreliable'): 0 | 1 {
  if (label === 'satire') return satire === 'unreliable' ? 1 : 0
  return label === 'fake' ? 1 : 0
}

/** 'fakenewsamt/biz01.fake.txt' → 'fakenewsamt/biz01', 'celebrity/001legit.txt' → 'celebrity/001'; other ids stay whole. */
export function storyOf(id: string): string {
  return id.replace(/\.txt$/i, '').replace(/[._-]?(?:fake|legit|real|satire)$/i, '')
}
