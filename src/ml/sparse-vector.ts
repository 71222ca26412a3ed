// Sparse feature vectors (sorted indices, no duplicates) and the few operations the learners need on them.

/** Sorted, duplicate-free indices with their values; `indices.length === values.length`. */
export interface SparseVector {
  indices: Int32Array
  values: Float32Array
}

/** What the learners accept as one example: a sparse vector or a dense array of feature values. */
export type FeatureVector = SparseVector | Float32Array | Float64Array | readonly number[]

export function isSparse(x: FeatureVector): x is SparseVector {
  return (x as SparseVector).indices instanceof Int32Array
}

/** Collects (index, value) pairs in any order; `build()` sorts them, sums duplicates and drops zeros. */
export class SparseVectorBuilder {
  private readonly entries = new Map<number, number>()

  /** Adds `value` to feature `index` (duplicates are summed). */
  add(index: number, value = 1): this {
    if (!Number.isInteger(index) || index < 0) throw new RangeError(`sparse index must be a non-negative integer, got ${index}`)
    this.entries.set(index, (this.entries.get(index) ?? 0) + value)
    return this
  }

  get size(): number {
    return this.entries.size
  }

  build(): SparseVector {
    const keys = [...this.entries.keys()].filter((k) => this.entries.get(k) !== 0).sort((a, b) => a - b)
    const indices = new Int32Array(keys.length)
    const values = new Float32Array(keys.length)
    keys.forEach((k, i) => {
      indices[i] = k
      values[i] = this.entries.get(k)!
    })
    return { indices, values }
  }
}

/** Builds a sparse vector from pairs; duplicates are summed. */
export function sparseFromPairs(pairs: Iterable<readonly [number, number]>): SparseVector {
  const builder = new SparseVectorBuilder()
  for (const [index, value] of pairs) builder.add(index, value)
  return builder.build()
}

/** The vector scaled to unit Euclidean length (a zero vector is returned unchanged). */
export function l2Normalize(x: SparseVector): SparseVector {
  let sum = 0
  for (let i = 0; i < x.values.length; i++) sum += x.values[i] * x.values[i]
  if (sum === 0) return { indices: x.indices, values: x.values.slice() }
  const norm = Math.sqrt(sum)
  const values = new Float32Array(x.values.length)
  for (let i = 0; i < values.length; i++) values[i] = x.values[i] / norm
  return { indices: x.indices, values }
}

/** Σ x[i]·w[offset + i]; indices past the end of `weights` count as zero. Works for sparse and dense `x`. */
export function dot(x: FeatureVector, weights: ArrayLike<number>, offset = 0): number {
  let sum = 0
  if (isSparse(x)) {
    const { indices, values } = x
    for (let i = 0; i < indices.length; i++) {
      const w = weights[offset + indices[i]]
      if (w !== undefined) sum += values[i] * w
    }
  } else {
    for (let i = 0; i < x.length; i++) sum += x[i] * weights[offset + i]
  }
  return sum
}

/** target[offset + i] += scale · x[i], for sparse or dense `x`. */
export function addScaled(target: Float64Array | Float32Array, x: FeatureVector, scale: number, offset = 0): void {
  if (isSparse(x)) {
    for (let i = 0; i < x.indices.length; i++) target[offset + x.indices[i]] += scale * x.values[i]
  } else {
    for (let i = 0; i < x.length; i++) target[offset + i] += scale * x[i]
  }
}

/** Cosine similarity of two sparse vectors (0 when either is all zeros). */
export function cosineSparse(a: SparseVector, b: SparseVector): number {
  let dotAB = 0
  let i = 0
  let j = 0
  while (i < a.indices.length && j < b.indices.length) {
    const ai = a.indices[i]
    const bj = b.indices[j]
    if (ai === bj) dotAB += a.values[i++] * b.values[j++]
    else if (ai < bj) i++
    else j++
  }
  const na = squaredNorm(a)
  const nb = squaredNorm(b)
  return na === 0 || nb === 0 ? 0 : dotAB / Math.sqrt(na * nb)
}

function squaredNorm(x: SparseVector): number {
  let sum = 0
  for (let i = 0; i < x.values.length; i++) sum += x.values[i] * x.values[i]
  return sum
}

/** Largest index + 1 over the examples (the dimension a learner needs), or the length of dense vectors. */
export function inferDims(examples: readonly FeatureVector[]): number {
  let dims = 0
  for (const x of examples) {
    if (isSparse(x)) dims = Math.max(dims, x.indices.length ? x.indices[x.indices.length - 1] + 1 : 0)
    else dims = Math.max(dims, x.length)
  }
  return dims
}
