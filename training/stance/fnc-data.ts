// Reads FNC-1 style CSV files: bodies ("Body ID", articleBody) and stances (Headline, "Body ID", Stance).
import { createReadStream, existsSync } from 'node:fs'
import { FactsiftError } from '../../src/errors.js'
import { parseCsv } from '../../src/util/csv.js'
import { stanceIndex } from '../../src/analyzers/lateral-reading/stance/labels.js'

export interface StancePair {
  headline: string
  bodyId: string
  /** Class index in STANCES order; −1 when the file has no Stance column (unlabelled pairs). */
  label: number
  line: number
}

/** Body id → body text. */
export async function readFncBodies(path: string): Promise<Map<string, string>> {
  const bodies = new Map<string, string>()
  for await (const { fields, header } of records(path, ['body id', 'articlebody'])) {
    bodies.set(fields[header.indexOf('body id')]!.trim(), fields[header.indexOf('articlebody')]!)
  }
  return bodies
}

/** The (headline, body id, stance) rows; a stance outside the four labels is a bad row. */
export async function readFncStances(path: string): Promise<StancePair[]> {
  const pairs: StancePair[] = []
  for await (const { line, fields, header } of records(path, ['headline', 'body id'])) {
    const stanceColumn = header.indexOf('stance')
    let label = -1
    if (stanceColumn >= 0) {
      label = stanceIndex(fields[stanceColumn] ?? '')
      if (label < 0) throw new FactsiftError('E_BAD_DATA_ROW', `${path}:${line}: unknown stance ${JSON.stringify(fields[stanceColumn])}`)
    }
    pairs.push({ headline: fields[header.indexOf('headline')]!, bodyId: fields[header.indexOf('body id')]!.trim(), label, line })
  }
  return pairs
}

async function* records(path: string, required: string[]): AsyncGenerator<{ line: number; fields: string[]; header: string[] }> {
  if (!existsSync(path)) throw new FactsiftError('E_INPUT_NOT_FOUND', `${path} does not exist`)
  let header: string[] | null = null
  for await (const record of parseCsv(createReadStream(path, { encoding: 'utf8' }))) {
    if (record.error !== undefined) throw new FactsiftError('E_BAD_DATA_ROW', `${path}:${record.line}: ${record.error}`)
    if (header === null) {
      header = record.fields.map((name) => name.trim().toLowerCase())
      const missing = required.filter((name) => !header!.includes(name))
      if (missing.length) throw new FactsiftError('E_INPUT_INVALID', `${path}: missing column(s) ${missing.join(', ')} in the header`)
      continue
    }
    if (record.fields.length < header.length) {
      throw new FactsiftError('E_BAD_DATA_ROW', `${path}:${record.line}: expected ${header.length} fields, found ${record.fields.length}`)
    }
    yield { line: record.line, fields: record.fields, header }
  }
}
