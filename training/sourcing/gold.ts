// The sourcing gold set: hand-written news passages with their quotes, speakers, per-sentence attribution and sources.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { FactsiftError } from '../../src/errors.js'
import type { AttributionType, SourceKind } from '../../src/report/types.js'
import { normalizeText } from '../../src/document/normalize.js'

export interface GoldSentence {
  text: string
  attribution: AttributionType
  /** Who vouches for it (named/quote: canonical name; vague: the label, optional). */
  source?: string | null
  opinion?: boolean
}

export interface GoldQuote {
  /** The quoted words exactly as between the marks (surrounding spaces trimmed). */
  text: string
  speaker: string | null
}

export interface GoldSource {
  name: string
  kind: SourceKind
}

/** One passage file: the text is its paragraphs' sentences joined by " ", paragraphs joined by a blank line. */
export interface GoldPassage {
  id: string
  /** Patterns the passage exercises (for coverage counts). */
  covers?: string[]
  paragraphs: GoldSentence[][]
  quotes: GoldQuote[]
  sources: GoldSource[]
  note?: string
}

export interface PreparedPassage {
  gold: GoldPassage
  file: string
  text: string
  sentences: (GoldSentence & { start: number; end: number })[]
  quotes: (GoldQuote & { start: number; end: number })[]
}

const TYPES = new Set(['named', 'vague', 'quote', 'none'])
const KINDS = new Set(['outlet', 'person', 'organization', 'document', 'unnamed'])

/** Reads every *.json file in `dir` (a passage object or an array of them), sorted by file name. */
export function loadGoldDirectory(dir: string): PreparedPassage[] {
  let files: string[]
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory')
    files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  } catch (error) {
    throw new FactsiftError('E_INPUT_NOT_FOUND', `cannot read gold folder ${dir}: ${(error as Error).message}`)
  }
  if (files.length === 0) throw new FactsiftError('E_INPUT_INVALID', `no *.json passage files in ${dir}`)
  const passages: PreparedPassage[] = []
  for (const file of files) {
    let parsed: unknown
    try {
      parsed = JSON.parse(readFileSync(join(dir, file), 'utf8'))
    } catch (error) {
      throw new FactsiftError('E_BAD_DATA_ROW', `${file}: not valid JSON (${(error as Error).message})`)
    }
    for (const raw of Array.isArray(parsed) ? parsed : [parsed]) passages.push(preparePassage(raw as GoldPassage, file))
  }
  return passages
}

/** Builds the passage text and locates every gold sentence and quote in it; malformed gold is E_BAD_DATA_ROW. */
export function preparePassage(gold: GoldPassage, file: string): PreparedPassage {
  const where = `${file}${gold?.id ? ` (${gold.id})` : ''}`
  const bad = (message: string) => new FactsiftError('E_BAD_DATA_ROW', `${where}: ${message}`)
  if (!gold || typeof gold.id !== 'string' || !Array.isArray(gold.paragraphs) || !Array.isArray(gold.quotes) || !Array.isArray(gold.sources)) {
    throw bad('needs id, paragraphs, quotes and sources')
  }
  let text = ''
  const sentences: PreparedPassage['sentences'] = []
  gold.paragraphs.forEach((paragraph, p) => {
    if (!Array.isArray(paragraph) || paragraph.length === 0) throw bad(`paragraph ${p + 1} must be a non-empty array`)
    if (p > 0) text += '\n\n'
    paragraph.forEach((s, k) => {
      if (!s || typeof s.text !== 'string' || !s.text.trim() || !TYPES.has(s.attribution)) throw bad(`paragraph ${p + 1} sentence ${k + 1}: needs text and attribution`)
      if (k > 0) text += ' '
      sentences.push({ ...s, start: text.length, end: text.length + s.text.length })
      text += s.text
    })
  })
  if (normalizeText(text) !== text) throw bad('the text changes under normalization (stray spaces or control characters)')
  const cursor = new Map<string, number>()
  const quotes: PreparedPassage['quotes'] = gold.quotes.map((q) => {
    if (!q || typeof q.text !== 'string' || !('speaker' in q)) throw bad('each quote needs text and speaker')
    const at = text.indexOf(q.text, cursor.get(q.text) ?? 0)
    if (at < 0) throw bad(`quote not found in the text: ${JSON.stringify(q.text)}`)
    cursor.set(q.text, at + q.text.length)
    return { ...q, start: at, end: at + q.text.length }
  })
  for (const s of gold.sources) {
    if (!s || typeof s.name !== 'string' || !KINDS.has(s.kind)) throw bad(`source ${JSON.stringify(s)} needs a name and a kind`)
  }
  return { gold, file, text, sentences, quotes }
}

/** Folds a name for comparison: case, accents, apostrophes, a leading article and punctuation. */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/^\s*(the|a|an)\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}
