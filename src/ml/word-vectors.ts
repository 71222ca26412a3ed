// Word vectors stored compactly (int8 per component, one float scale per word) and idf-weighted sentence vectors built from them.
import { FactsiftError } from '../errors.js'
import { fnv1a32 } from './hashing.js'

/** The stored form: words in vocabulary order, per-word scale and idf, components as base64 int8 (row-major words × dims). */
export interface WordVectorsJSON {
  dims: number
  words: string[]
  scales: number[]
  idf: number[]
  data: string
}

export interface WordVectors {
  dims: number
  index: Map<string, number>
  /** Row-major words × dims; component = data · scale of the word. */
  data: Int8Array
  scales: Float32Array
  idf: Float32Array
}

/** The form a token is looked up by: its lower-cased text with digits folded to 0 (as the hashed n-grams do). */
export function wordForm(lower: string): string {
  return /\d/.test(lower) ? lower.replace(/\d/g, '0') : lower
}

/** Quantizes row-major vectors (words × dims) to int8 with a per-word scale (max |component| / 127). idf = ln((docs + 1) / (df + 1)) + 1. */
export function quantizeWordVectors(words: readonly string[], vectors: ArrayLike<number>, dims: number, df: readonly number[], docs: number): WordVectorsJSON {
  if (vectors.length !== words.length * dims || df.length !== words.length) throw new FactsiftError('E_BAD_ARGUMENT', 'word vectors: sizes differ')
  const data = new Int8Array(words.length * dims)
  const scales: number[] = []
  for (let r = 0; r < words.length; r++) {
    let max = 0
    for (let c = 0; c < dims; c++) max = Math.max(max, Math.abs(vectors[r * dims + c]))
    const scale = Number((max / 127).toPrecision(6)) || 1
    scales.push(scale)
    for (let c = 0; c < dims; c++) data[r * dims + c] = Math.max(-127, Math.min(127, Math.round(vectors[r * dims + c] / scale)))
  }
  const idf = df.map((d) => Number((Math.log((docs + 1) / (d + 1)) + 1).toPrecision(5)))
  return { dims, words: [...words], scales, idf, data: Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64') }
}

function fail(what: string, message: string): never {
  throw new FactsiftError('E_MODEL_INVALID', `${what}: ${message}`)
}

/** Validates and decodes the stored form. */
export function wordVectorsFromJSON(value: unknown, what = 'word vectors'): WordVectors {
  const v = value as Partial<WordVectorsJSON> | null
  if (!v || !Number.isInteger(v.dims) || v.dims! < 1) fail(what, 'dims must be a positive integer')
  const n = Array.isArray(v.words) ? v.words.length : -1
  if (n < 1 || !v.words!.every((w) => typeof w === 'string')) fail(what, 'words must be a non-empty list of strings')
  if (!Array.isArray(v.scales) || v.scales.length !== n || !v.scales.every((x) => Number.isFinite(x) && x > 0)) fail(what, 'scales must be one positive number per word')
  if (!Array.isArray(v.idf) || v.idf.length !== n || !v.idf.every(Number.isFinite)) fail(what, 'idf must be one number per word')
  if (typeof v.data !== 'string') fail(what, 'data must be base64 text')
  const bytes = Buffer.from(v.data, 'base64')
  if (bytes.length !== n * v.dims!) fail(what, `data holds ${bytes.length} bytes, expected ${n * v.dims!}`)
  const index = new Map<string, number>()
  v.words!.forEach((w, i) => index.set(w, i))
  if (index.size !== n) fail(what, 'words must be distinct')
  return { dims: v.dims!, index, data: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length), scales: Float32Array.from(v.scales), idf: Float32Array.from(v.idf) }
}

/**
 * The idf-weighted mean of the vectors of the known forms, scaled to unit length; all zeros when no form is known.
 * Written into `out` when given (length dims).
 */
export function sentenceVector(wv: WordVectors, forms: Iterable<string>, out = new Float64Array(wv.dims)): Float64Array {
  out.fill(0)
  const { dims, data, scales, idf } = wv
  for (const form of forms) {
    const w = wv.index.get(form)
    if (w === undefined) continue
    const f = idf[w] * scales[w]
    const o = w * dims
    for (let j = 0; j < dims; j++) out[j] += f * data[o + j]
  }
  let norm = 0
  for (let j = 0; j < dims; j++) norm += out[j] * out[j]
  if (norm > 0) {
    norm = Math.sqrt(norm)
    for (let j = 0; j < dims; j++) out[j] /= norm
  }
  return out
}

/** The idf-weighted mean of the vectors of the known forms (divided by the idf total, not scaled to unit length); zeros when none is known. */
export function meanVector(wv: WordVectors, forms: Iterable<string>, out = new Float64Array(wv.dims)): Float64Array {
  out.fill(0)
  const { dims, data, scales, idf } = wv
  let total = 0
  for (const form of forms) {
    const w = wv.index.get(form)
    if (w === undefined) continue
    total += idf[w]
    const f = idf[w] * scales[w]
    const o = w * dims
    for (let j = 0; j < dims; j++) out[j] += f * data[o + j]
  }
  if (total > 0) for (let j = 0; j < dims; j++) out[j] /= total
  return out
}

/**
 * A linear model over `meanVector` collapsed to one number per word: with score_w = weights · vector_w, the model's term for a
 * sentence is Σ idf_w · score_w / Σ idf_w over its known forms. Stored instead of the vectors (a few hundred KB, O(tokens) to apply).
 * Words are stored as FNV-1a hashes of their form (`wordKey`), like the hashed n-grams: a model file holds no vocabulary
 * taken from the training data.
 */
export interface WordTableJSON {
  hashes: number[]
  idf: number[]
  scores: number[]
}

export interface WordTable {
  index: Map<number, number>
  idf: Float32Array
  scores: Float32Array
}

/** The key a word table stores and looks a form up by. */
export function wordKey(form: string): number {
  return fnv1a32(form)
}

/**
 * Collapses `weights` (length dims) over the vectors into the per-word table; scores rounded to `digits` significant digits.
 * Two forms with the same hash (rare: ~20k words in 2³²) keep the more frequent one, the first in vocabulary order.
 */
export function collapseWordVectors(wv: WordVectors, words: readonly string[], weights: ArrayLike<number>, digits = 4): WordTableJSON {
  if (weights.length !== wv.dims || words.length !== wv.scales.length) throw new FactsiftError('E_BAD_ARGUMENT', 'word table: sizes differ')
  const table: WordTableJSON = { hashes: [], idf: [], scores: [] }
  const seen = new Set<number>()
  words.forEach((word, w) => {
    const key = wordKey(word)
    if (seen.has(key)) return
    seen.add(key)
    let s = 0
    for (let j = 0; j < wv.dims; j++) s += weights[j] * wv.data[w * wv.dims + j]
    table.hashes.push(key)
    table.idf.push(Number(wv.idf[w]!.toPrecision(5)))
    table.scores.push(Number((s * wv.scales[w]!).toPrecision(digits)))
  })
  return table
}

// A model's table is validated when the model loads and used again by its scorer: parse each stored object once.
const parsedTables = new WeakMap<object, WordTable>()

export function wordTableFromJSON(value: unknown, what = 'word table'): WordTable {
  const cached = value !== null && typeof value === 'object' ? parsedTables.get(value) : undefined
  if (cached) return cached
  const table = parseWordTable(value, what)
  parsedTables.set(value as object, table)
  return table
}

function parseWordTable(value: unknown, what: string): WordTable {
  const v = value as Partial<WordTableJSON> | null
  const n = Array.isArray(v?.hashes) ? v!.hashes.length : -1
  if (n < 1 || !v!.hashes!.every((h) => Number.isInteger(h) && h >= 0 && h <= 0xffffffff)) fail(what, 'hashes must be a non-empty list of 32-bit unsigned integers')
  if (!Array.isArray(v!.idf) || v!.idf.length !== n || !v!.idf.every((x) => Number.isFinite(x) && x > 0)) fail(what, 'idf must be one positive number per word')
  if (!Array.isArray(v!.scores) || v!.scores.length !== n || !v!.scores.every(Number.isFinite)) fail(what, 'scores must be one number per word')
  const index = new Map<number, number>()
  v!.hashes!.forEach((h, i) => index.set(h, i))
  if (index.size !== n) fail(what, 'hashes must be distinct')
  return { index, idf: Float32Array.from(v!.idf!), scores: Float32Array.from(v!.scores!) }
}

/** Σ idf_w · score_w / Σ idf_w over the known forms; 0 when none is known. */
export function wordTableTerm(table: WordTable, forms: Iterable<string>): number {
  let sum = 0
  let total = 0
  for (const form of forms) {
    const w = table.index.get(wordKey(form))
    if (w === undefined) continue
    sum += table.idf[w]! * table.scores[w]!
    total += table.idf[w]!
  }
  return total > 0 ? sum / total : 0
}
