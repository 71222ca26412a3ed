// Feature vectors for check-worthiness: dense cues of a unit and its neighbours, then hashed word, character and POS n-grams.
import type { AnnotatedDocument, Sentence } from '../../document/types.js'
import { fnv1a32, mix32 } from '../../ml/hashing.js'
import { SparseVectorBuilder, type SparseVector } from '../../ml/sparse-vector.js'
import { meanVector, wordForm as vectorForm, wordKey, type WordTable, type WordVectors } from '../../ml/word-vectors.js'
import { CUE_COUNT, tokenRecords, unitCues, type WordRecord } from './cues.js'

/** Which feature groups are on, and the size of the hashed part. Stored in the model file. */
export interface FeatureOptions {
  /** Hashed dimensions (a power of two). */
  hashBits: number
  /** Dense cues of the unit itself. */
  cues: boolean
  words: boolean
  chars: boolean
  pos: boolean
  /** Dense cues of the previous and next unit. */
  context: boolean
  /** Word unigrams of the previous and next unit. */
  contextWords: boolean
  /**
   * Length of the sentence-vector block (idf-weighted mean of word vectors); 0 or absent: none. Only training emits it: a
   * model file stores its weights collapsed into a per-word table (see `wordTableTerm`), so the block's weights are zero.
   */
  embeddingDims?: number
  /** The sentence vector is multiplied by this before it meets the weights (it sets how strongly L2 holds the block back). */
  embeddingScale?: number
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  hashBits: 16,
  cues: true,
  words: true,
  chars: false,
  pos: true,
  context: true,
  contextWords: false,
}

/** Receives (index, value) pairs; duplicates are summed by whoever consumes them. */
export interface FeatureSink {
  add(index: number, value: number): void
}

/** Total vector length: three cue blocks (unit, previous, next), the hashed block, then the sentence-vector block. */
export function featureDims(options: FeatureOptions): number {
  return 3 * CUE_COUNT + (1 << options.hashBits) + (options.embeddingDims ?? 0)
}

const NS_WORD = fnv1a32('w:')
const NS_CHAR = fnv1a32('c:')
const NS_POS = fnv1a32('p:')
const NS_PREV = 0x9e3779b9
const NS_NEXT = 0x85ebca6b
const NS_BIGRAM = 0x27d4eb2f
const NS_TRIGRAM = 0x165667b1
const BOUNDARY = fnv1a32('<s>', NS_WORD)
const POS_BOUNDARY = fnv1a32('<s>', NS_POS)
const DIGITS = /\d/g

/** Per-document state shared by every unit: token hashes and cue vectors, computed once. */
export interface FeatureState {
  doc: AnnotatedDocument
  units: readonly Sentence[]
  cues: Float32Array[]
  wordHash: Uint32Array
  posHash: Uint32Array
  /** Sentence vector of each unit (training, when word vectors are given). */
  sentenceVectors?: Float64Array[]
}

/** Word form used for n-grams: digits folded so "$52,000" and "$700,000" share a feature. */
function wordForm(lower: string): string {
  return lower.replace(DIGITS, '0')
}

// Hashes of word forms (in the word's record, cues.ts) and POS tags, shared across documents.
const posHashes = new Map<string, number>()

function wordHashOf(record: WordRecord, lower: string): number {
  if (record.hash < 0) record.hash = fnv1a32(wordForm(lower), NS_WORD)
  return record.hash
}

function posHashOf(pos: string): number {
  let h = posHashes.get(pos)
  if (h === undefined) {
    h = fnv1a32(pos, NS_POS)
    posHashes.set(pos, h)
  }
  return h
}

/**
 * Prepares the per-document state (token hashes, cues, sentence vectors when `wordVectors` is given); call once per
 * document. With `needed`, only the units it marks (and their tokens) are prepared: emitFeatures may then be called for
 * a unit whose neighbours are marked too, and gives what it gives without `needed`.
 */
export function prepareFeatures(doc: AnnotatedDocument, units: readonly Sentence[], wordVectors?: WordVectors, needed?: readonly boolean[]): FeatureState {
  const n = doc.tokens.length
  const wordHash = new Uint32Array(n)
  const posHash = new Uint32Array(n)
  const records = tokenRecords(doc)
  const hash = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const t = doc.tokens[i]
      wordHash[i] = wordHashOf(records[i]!, t.lower)
      posHash[i] = posHashOf(t.pos)
    }
  }
  if (needed) units.forEach((u, k) => needed[k] && hash(u.tokenStart, u.tokenEnd))
  else hash(0, n)
  const state: FeatureState = { doc, units, cues: unitCues(doc, units, needed), wordHash, posHash }
  if (wordVectors) state.sentenceVectors = units.map((u) => meanVector(wordVectors, unitForms(doc, u)))
  return state
}

// A table's row of a lower-cased token (-1: none), kept in the word's record for the table last asked about, so a word
// seen before costs the one lookup its record costs instead of digit folding and hashing.
function rowOf(table: WordTable, record: WordRecord, lower: string): number {
  if (record.rowTable !== table) {
    record.row = table.index.get(wordKey(vectorForm(lower))) ?? -1
    record.rowTable = table
  }
  return record.row
}

/** The collapsed sentence-vector term of a unit under a model's word table. */
export function sentenceTerm(doc: AnnotatedDocument, unit: Sentence, table: WordTable): number {
  // wordTableTerm over unitForms, inlined (this runs for every sentence of every article).
  let sum = 0
  let total = 0
  const records = tokenRecords(doc)
  for (let i = unit.tokenStart; i < unit.tokenEnd; i++) {
    const t = doc.tokens[i]
    if (t.kind !== 'word' && t.kind !== 'number') continue
    const w = rowOf(table, records[i]!, t.lower)
    if (w < 0) continue
    sum += table.idf[w] * table.scores[w]
    total += table.idf[w]
  }
  return total > 0 ? sum / total : 0
}

function* unitForms(doc: AnnotatedDocument, unit: Sentence): Iterable<string> {
  for (let i = unit.tokenStart; i < unit.tokenEnd; i++) {
    const t = doc.tokens[i]
    if (t.kind === 'word' || t.kind === 'number') yield vectorForm(t.lower)
  }
}

function combine(a: number, b: number, ns: number): number {
  return mix32((Math.imul(a, 31) ^ b ^ ns) >>> 0)
}

/** Emits the features of unit `k` into `sink`. */
export function emitFeatures(state: FeatureState, k: number, options: FeatureOptions, sink: FeatureSink): void {
  const { units, cues, wordHash, posHash } = state
  const unit = units[k]
  const offset = 3 * CUE_COUNT
  const mask = (1 << options.hashBits) - 1
  const own = cues[k]
  if (options.cues) for (let j = 0; j < CUE_COUNT; j++) if (own[j] !== 0) sink.add(j, own[j])
  if (options.context) {
    const prev = cues[k - 1]
    const next = cues[k + 1]
    if (prev) for (let j = 0; j < CUE_COUNT; j++) if (prev[j] !== 0) sink.add(CUE_COUNT + j, prev[j])
    if (next) for (let j = 0; j < CUE_COUNT; j++) if (next[j] !== 0) sink.add(2 * CUE_COUNT + j, next[j])
  }
  const embeddingDims = options.embeddingDims ?? 0
  const e = state.sentenceVectors?.[k]
  if (embeddingDims > 0 && e) {
    if (e.length !== embeddingDims) throw new Error(`features: sentence vectors have ${e.length} dimensions, the options ${embeddingDims}`)
    const base = offset + (1 << options.hashBits)
    const scale = options.embeddingScale ?? 1
    for (let j = 0; j < embeddingDims; j++) if (e[j] !== 0) sink.add(base + j, scale * e[j])
  }
  const start = unit.tokenStart
  const end = unit.tokenEnd
  const n = end - start
  if (n === 0) return
  if (options.words) {
    // Unigrams and bigrams (with sentence boundaries), scaled so long sentences do not dominate by volume.
    const v = 1 / Math.sqrt(2 * n + 1)
    let prevHash = BOUNDARY
    for (let t = start; t < end; t++) {
      const h = wordHash[t]
      sink.add(offset + (h & mask), v)
      sink.add(offset + (combine(prevHash, h, NS_BIGRAM) & mask), v)
      prevHash = h
    }
    sink.add(offset + (combine(prevHash, BOUNDARY, NS_BIGRAM) & mask), v)
  }
  if (options.pos) {
    const v = 1 / Math.sqrt(2 * n + 1)
    let p1 = POS_BOUNDARY
    let p2 = POS_BOUNDARY
    for (let t = start; t < end; t++) {
      const h = posHash[t]
      sink.add(offset + (combine(p1, h, NS_BIGRAM) & mask), v)
      sink.add(offset + (combine(combine(p2, p1, NS_BIGRAM), h, NS_TRIGRAM) & mask), v)
      p2 = p1
      p1 = h
    }
    sink.add(offset + (combine(p1, POS_BOUNDARY, NS_BIGRAM) & mask), v)
  }
  if (options.chars) emitCharNgrams(state, start, end, offset, mask, sink)
  if (options.contextWords) {
    for (const [other, ns] of [[units[k - 1], NS_PREV], [units[k + 1], NS_NEXT]] as const) {
      if (!other || other.tokenEnd === other.tokenStart) continue
      const v = 0.5 / Math.sqrt(other.tokenEnd - other.tokenStart)
      for (let t = other.tokenStart; t < other.tokenEnd; t++) sink.add(offset + (mix32((wordHash[t] ^ ns) >>> 0) & mask), v)
    }
  }
}

/** Character 3- to 5-grams inside each word token (with boundary marks), hashed without building substrings. */
function emitCharNgrams(state: FeatureState, start: number, end: number, offset: number, mask: number, sink: FeatureSink): void {
  const tokens = state.doc.tokens
  let total = 0
  for (let t = start; t < end; t++) total += Math.max(0, tokens[t].lower.length)
  if (total === 0) return
  const v = 1 / Math.sqrt(3 * total)
  for (let t = start; t < end; t++) {
    const w = tokens[t].lower
    if (tokens[t].kind !== 'word') continue
    const len = w.length + 2
    for (let i = 0; i + 3 <= len; i++) {
      let h = NS_CHAR
      for (let j = i; j < i + 5 && j < len; j++) {
        const c = j === 0 || j === len - 1 ? 32 : w.charCodeAt(j - 1)
        h = Math.imul(h ^ c, 0x01000193)
        if (j - i >= 2) sink.add(offset + (mix32(h >>> 0) & mask), v)
      }
    }
  }
}

/** Sparse vectors for every unit of a document (for training and evaluation; scoring uses the sink directly). */
export function featureVectors(doc: AnnotatedDocument, units: readonly Sentence[], options: FeatureOptions, wordVectors?: WordVectors): SparseVector[] {
  return vectorsFromState(prepareFeatures(doc, units, wordVectors), options)
}

/** Sparse vectors for every unit from already prepared per-document state. */
export function vectorsFromState(state: FeatureState, options: FeatureOptions): SparseVector[] {
  const vectors: SparseVector[] = []
  for (let k = 0; k < state.units.length; k++) {
    const builder = new SparseVectorBuilder()
    emitFeatures(state, k, options, builder)
    vectors.push(builder.build())
  }
  return vectors
}
