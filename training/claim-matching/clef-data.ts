// Readers for the CLEF CheckThat! 2020 Task 2 files: tweets (queries TSV) and relevance judgements (TREC qrels).
import { readFileSync } from 'node:fs'
import { FactsiftError } from '../../src/errors.js'
import { CsvReader } from '../../src/util/csv.js'

export interface ClefQuery {
  id: string
  text: string
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw new FactsiftError('E_INPUT_NOT_FOUND', `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`)
  }
}

/** `<id>\t<tweet>` rows after a header line. */
export function readClefQueries(path: string): ClefQuery[] {
  const reader = new CsvReader('\t')
  const rows = [...reader.push(read(path)), ...reader.end()]
  return rows.slice(1).map((row) => {
    if (row.fields.length < 2) throw new FactsiftError('E_BAD_DATA_ROW', `${path}:${row.line}: expected id and tweet`)
    return { id: row.fields[0]!.trim(), text: row.fields.slice(1).join('\t') }
  })
}

/** TREC qrels `<query> 0 <vclaim_id> <relevance>` → query id → relevant vclaim ids. */
export function readQrels(path: string): Map<string, Set<string>> {
  const qrels = new Map<string, Set<string>>()
  read(path)
    .split('\n')
    .forEach((line, index) => {
      if (!line.trim()) return
      const parts = line.trim().split(/\s+/)
      if (parts.length !== 4) throw new FactsiftError('E_BAD_DATA_ROW', `${path}:${index + 1}: expected 4 columns`)
      const [query, , doc, rel] = parts as [string, string, string, string]
      if (Number(rel) <= 0) return
      const set = qrels.get(query) ?? new Set<string>()
      set.add(doc)
      qrels.set(query, set)
    })
  return qrels
}
