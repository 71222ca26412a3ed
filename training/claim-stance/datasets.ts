// Labelled claim–evidence pairs from the three formats we score: CLIMATE-FEVER JSONL, SICK TSV and our news-pairs JSONL.
import { FactsiftError } from '../../src/errors.js'
import { fnv1a32 } from '../../src/ml/hashing.js'
import { claimStanceIndex } from '../../src/analyzers/lateral-reading/claim-stance/labels.js'

export interface LabelledPair {
  claim: string
  evidence: string
  /** Class index in CLAIM_STANCES order. */
  label: number
  /** Pairs that share a group (a CLIMATE-FEVER claim, a SICK first sentence) stay on one side of any split. */
  group: string
}

export type DatasetFormat = 'climate-fever' | 'sick' | 'news-pairs'
export type SickSplit = 'all' | 'train' | 'heldout'

const SICK_LABELS: Record<string, string> = { ENTAILMENT: 'supports', CONTRADICTION: 'refutes', NEUTRAL: 'nei' }

/**
 * The SICK split we never train on. This copy has no SemEval_set column, so a fifth of the pairs, chosen by an FNV-1a
 * hash of the lower-cased first sentence, is held out (pairs built from one sentence stay together). With a
 * SemEval_set column, its TEST part is the held-out split instead.
 */
export function isSickHeldOut(sentenceA: string, semEvalSet?: string): boolean {
  if (semEvalSet) return semEvalSet.trim().toUpperCase() === 'TEST'
  return fnv1a32(sentenceA.trim().toLowerCase()) % 5 === 0
}

/** Guesses the format from the first non-empty line. */
export function detectFormat(text: string, source: string): DatasetFormat {
  const first = text.split('\n').find((line) => line.trim().length > 0) ?? ''
  if (first.includes('\t') && /entailment_judgment/i.test(first)) return 'sick'
  if (first.trim().startsWith('{')) {
    let row: Record<string, unknown>
    try {
      row = JSON.parse(first) as Record<string, unknown>
    } catch {
      throw new FactsiftError('E_INPUT_INVALID', `${source}: line 1 is not valid JSON`)
    }
    if (Array.isArray(row.evidences)) return 'climate-fever'
    if (typeof row.claim === 'string' && typeof row.evidence === 'string') return 'news-pairs'
  }
  throw new FactsiftError('E_INPUT_INVALID', `${source}: not CLIMATE-FEVER JSONL (claim, evidences[]), SICK TSV (entailment_judgment column) or news-pairs JSONL (claim, evidence, label)`)
}

/** Parses any of the three formats; `split` selects SICK pairs (ignored for the others). */
export function parsePairs(text: string, source: string, split: SickSplit = 'all'): { format: DatasetFormat; pairs: LabelledPair[] } {
  const format = detectFormat(text, source)
  if (format === 'sick') return { format, pairs: parseSick(text, source, split) }
  return { format, pairs: format === 'climate-fever' ? parseClimateFever(text, source) : parseNewsPairs(text, source) }
}

function jsonLines(text: string, source: string): { row: Record<string, unknown>; line: number }[] {
  const out: { row: Record<string, unknown>; line: number }[] = []
  text.split('\n').forEach((raw, i) => {
    if (!raw.trim()) return
    try {
      out.push({ row: JSON.parse(raw) as Record<string, unknown>, line: i + 1 })
    } catch {
      throw new FactsiftError('E_BAD_DATA_ROW', `${source}:${i + 1}: not valid JSON`)
    }
  })
  return out
}

function label(value: unknown, source: string, line: number): number {
  const index = typeof value === 'string' ? claimStanceIndex(value) : -1
  if (index < 0) throw new FactsiftError('E_BAD_DATA_ROW', `${source}:${line}: unknown label ${JSON.stringify(value)}`)
  return index
}

export function parseClimateFever(text: string, source: string): LabelledPair[] {
  const pairs: LabelledPair[] = []
  for (const { row, line } of jsonLines(text, source)) {
    if (typeof row.claim !== 'string' || !Array.isArray(row.evidences)) throw new FactsiftError('E_BAD_DATA_ROW', `${source}:${line}: expected claim and evidences[]`)
    for (const e of row.evidences as Record<string, unknown>[]) {
      if (!e || typeof e.evidence !== 'string') throw new FactsiftError('E_BAD_DATA_ROW', `${source}:${line}: an evidence lacks its sentence`)
      pairs.push({ claim: row.claim, evidence: e.evidence, label: label(e.evidence_label, source, line), group: String(row.claim_id ?? line) })
    }
  }
  return pairs
}

export function parseNewsPairs(text: string, source: string): LabelledPair[] {
  return jsonLines(text, source).map(({ row, line }) => {
    if (typeof row.claim !== 'string' || typeof row.evidence !== 'string') throw new FactsiftError('E_BAD_DATA_ROW', `${source}:${line}: expected claim, evidence and label`)
    return { claim: row.claim, evidence: row.evidence, label: label(row.label, source, line), group: String(row.id ?? line) }
  })
}

export function parseSick(text: string, source: string, split: SickSplit): LabelledPair[] {
  const lines = text.split('\n')
  const header = lines[0]!.split('\t').map((h) => h.trim())
  const col = (name: string) => header.findIndex((h) => h.toLowerCase() === name.toLowerCase())
  const [a, b, judgment, set] = [col('sentence_A'), col('sentence_B'), col('entailment_judgment'), col('SemEval_set')]
  if (a < 0 || b < 0 || judgment < 0) throw new FactsiftError('E_INPUT_INVALID', `${source}: SICK TSV needs sentence_A, sentence_B and entailment_judgment columns`)
  const pairs: LabelledPair[] = []
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]!.trim()) continue
    const f = lines[i]!.split('\t')
    const mapped = SICK_LABELS[(f[judgment] ?? '').trim().toUpperCase()]
    if (f[a] === undefined || f[b] === undefined || !mapped) throw new FactsiftError('E_BAD_DATA_ROW', `${source}:${i + 1}: expected sentence_A, sentence_B and a SICK label`)
    const heldOut = isSickHeldOut(f[a]!, set >= 0 ? f[set] : undefined)
    if ((split === 'heldout' && !heldOut) || (split === 'train' && heldOut)) continue
    pairs.push({ claim: f[a]!, evidence: f[b]!, label: claimStanceIndex(mapped), group: f[a]!.trim().toLowerCase() })
  }
  return pairs
}
