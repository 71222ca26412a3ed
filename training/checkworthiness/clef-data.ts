// Reads CLEF CheckThat! 2019 Task 1 transcripts: one TSV per debate or speech with line, speaker, sentence, label.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { FactsiftError } from '../../src/errors.js'

/** One transcript line: a sentence with its speaker and gold label (1 = check-worthy). */
export interface TranscriptLine {
  line: number
  speaker: string
  text: string
  label: 0 | 1
}

/** One debate or speech, named after its file (without `.tsv`). */
export interface Transcript {
  name: string
  lines: TranscriptLine[]
}

/** Parses the text of one CLEF TSV file; a malformed row throws E_BAD_DATA_ROW naming the file and line. */
export function parseTranscript(name: string, content: string): Transcript {
  const lines: TranscriptLine[] = []
  const rows = content.split(/\r?\n/)
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]
    if (row.trim() === '') continue
    const cells = row.split('\t')
    const lineNo = Number(cells[0])
    const label = cells[3]?.trim()
    if (cells.length !== 4 || !Number.isInteger(lineNo) || (label !== '0' && label !== '1')) {
      throw new FactsiftError('E_BAD_DATA_ROW', `${name}:${i + 1}: expected "line<TAB>speaker<TAB>sentence<TAB>0|1"`)
    }
    lines.push({ line: lineNo, speaker: cells[1].trim(), text: cells[2], label: label === '1' ? 1 : 0 })
  }
  return { name, lines }
}

/** Reads every `.tsv` file in `dir` (and, when it has none, in its immediate subfolders), sorted by path. */
export function readTranscripts(dir: string): Transcript[] {
  let entries: string[]
  try {
    entries = readdirSync(dir).sort()
  } catch {
    throw new FactsiftError('E_INPUT_NOT_FOUND', `cannot read data directory ${dir}`)
  }
  let files = entries.filter((f) => f.endsWith('.tsv')).map((f) => join(dir, f))
  if (files.length === 0) {
    files = entries
      .map((f) => join(dir, f))
      .filter((p) => statSync(p).isDirectory())
      .flatMap((sub) => readdirSync(sub).sort().filter((f) => f.endsWith('.tsv')).map((f) => join(sub, f)))
  }
  if (files.length === 0) throw new FactsiftError('E_INPUT_NOT_FOUND', `no .tsv transcripts in ${dir}`)
  return files.map((file) => parseTranscript(basename(file, '.tsv'), readFileSync(file, 'utf8')))
}
