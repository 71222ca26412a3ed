// Hashed word unigrams and bigrams (log counts, unit length): the "wording" half of the full credibility model.
import { fnv1a32, mix32 } from '../ml/hashing.js'
import { SparseVectorBuilder, type SparseVector } from '../ml/sparse-vector.js'

// Open-addressing table reused across calls (no allocation per article): keys are n-gram hashes (0 = empty slot).
let tableKeys = new Uint32Array(4096)
let tableCounts = new Int32Array(4096)
const used: number[] = []

/**
 * Counts per n-gram, keyed by a 32-bit hash: unigram key = mix(h(w)), bigram key = mix(h(w₁)·31 ⊕ h(w₂) ⊕ salt), so no
 * bigram string is ever built. Two different n-grams sharing a key (≈ 2⁻³² per pair) are counted together.
 * Calls `visit(key, count)` once per distinct n-gram, in first-seen order.
 */
function forEachNgram(words: readonly string[], visit: (key: number, count: number) => void): void {
  const needed = 4 * (2 * words.length + 1)
  if (tableKeys.length < needed) {
    let size = tableKeys.length
    while (size < needed) size *= 2
    tableKeys = new Uint32Array(size)
    tableCounts = new Int32Array(size)
  }
  const mask = tableKeys.length - 1
  const add = (key: number) => {
    const k = key === 0 ? 1 : key
    let i = k & mask
    while (tableKeys[i] !== 0 && tableKeys[i] !== k) i = (i + 1) & mask
    if (tableKeys[i] === 0) {
      tableKeys[i] = k
      used.push(i)
    }
    tableCounts[i]!++
  }
  let previous = 0
  for (let i = 0; i < words.length; i++) {
    const h = fnv1a32(words[i]!)
    add(mix32(h))
    if (i > 0) add(mix32((Math.imul(previous, 31) ^ h ^ 0x5bd1e995) >>> 0))
    previous = h
  }
  for (const i of used) {
    visit(tableKeys[i]!, tableCounts[i]!)
    tableKeys[i] = 0
    tableCounts[i] = 0
  }
  used.length = 0
}

function slot(key: number, dims: number): { index: number; sign: number } {
  return { index: key % dims, sign: mix32((key ^ 0x85ebca6b) >>> 0) >>> 31 === 1 ? -1 : 1 }
}

/** The n-gram vector: Σ sign·log(1 + count) at each n-gram's slot, divided by √Σ log(1 + count)² (unit length before folding). */
export function ngramVector(words: readonly string[], dims: number): SparseVector {
  const entries: [number, number][] = []
  let norm = 0
  forEachNgram(words, (key, count) => {
    const value = Math.log1p(count)
    norm += value * value
    entries.push([key, value])
  })
  norm = Math.sqrt(norm) || 1
  const builder = new SparseVectorBuilder()
  for (const [key, value] of entries) {
    const { index, sign } = slot(key, dims)
    builder.add(index, (sign * value) / norm)
  }
  return builder.build()
}

/** weights · ngramVector(words, dims), computed without building the vector (the run-time path). */
export function ngramDot(words: readonly string[], dims: number, weights: ArrayLike<number>): number {
  let norm = 0
  let sum = 0
  forEachNgram(words, (key, count) => {
    const value = Math.log1p(count)
    norm += value * value
    const index = key % dims
    const sign = mix32((key ^ 0x85ebca6b) >>> 0) >>> 31 === 1 ? -1 : 1
    sum += sign * value * weights[index]!
  })
  return norm === 0 ? 0 : sum / Math.sqrt(norm)
}
