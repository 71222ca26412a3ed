// Word vectors from a PPMI co-occurrence matrix factorised by randomized SVD (Levy & Goldberg 2014; Halko et al. 2011): deterministic, pure TypeScript.
import { createRng, randomNormal } from '../../src/ml/rng.js'

/** Sparse matrix in compressed-row form. */
export interface Csr { rows: number; cols: number; rowPtr: Int32Array; colIdx: Int32Array; values: Float64Array }

/** Vocabulary: the `maxSize` most frequent forms with count ≥ minCount (ties broken by the form, so the order is stable). */
export function buildVocab(docs: string[][], maxSize: number, minCount: number): { words: string[]; counts: number[] } {
  const counts = new Map<string, number>()
  for (const d of docs) for (const w of d) counts.set(w, (counts.get(w) ?? 0) + 1)
  const entries = [...counts].filter(([, c]) => c >= minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, maxSize)
  return { words: entries.map((e) => e[0]), counts: entries.map((e) => e[1]) }
}

/** Symmetric window co-occurrence counts; a context at distance d weighs (window - d + 1) / window (word2vec's dynamic window in expectation). */
export function cooccurrence(docs: Int32Array[], vocabSize: number, window: number): Csr {
  let pairs = 0
  for (const d of docs) for (let dist = 1; dist <= window; dist++) pairs += 2 * Math.max(0, d.length - dist)
  // key = (row * V + col) * 8 + dist, exact in a float64 for V up to ~1e5
  const keys = new Float64Array(pairs)
  let p = 0
  for (const d of docs) {
    for (let i = 0; i < d.length; i++) {
      const a = d[i]
      if (a < 0) continue
      for (let dist = 1; dist <= window && i + dist < d.length; dist++) {
        const b = d[i + dist]
        if (b < 0) continue
        keys[p++] = (a * vocabSize + b) * 8 + dist
        keys[p++] = (b * vocabSize + a) * 8 + dist
      }
    }
  }
  const sorted = keys.subarray(0, p).sort()
  const rowCounts = new Int32Array(vocabSize + 1)
  const colIdx: number[] = []
  const values: number[] = []
  let last = -1
  for (let j = 0; j < sorted.length; j++) {
    const k = sorted[j]
    const dist = k % 8
    const cell = (k - dist) / 8
    const w = (window - dist + 1) / window
    if (cell !== last) {
      const row = Math.floor(cell / vocabSize)
      rowCounts[row + 1]++
      colIdx.push(cell - row * vocabSize)
      values.push(w)
      last = cell
    } else values[values.length - 1] += w
  }
  for (let r = 0; r < vocabSize; r++) rowCounts[r + 1] += rowCounts[r]
  return { rows: vocabSize, cols: vocabSize, rowPtr: rowCounts, colIdx: Int32Array.from(colIdx), values: Float64Array.from(values) }
}

/** Positive PMI with context-distribution smoothing (context counts raised to `alpha`), optionally shifted by log(shift). */
export function ppmi(counts: Csr, alpha = 0.75, shift = 1): Csr {
  const rowSum = new Float64Array(counts.rows)
  const colSum = new Float64Array(counts.cols)
  let total = 0
  for (let r = 0; r < counts.rows; r++)
    for (let j = counts.rowPtr[r]; j < counts.rowPtr[r + 1]; j++) {
      rowSum[r] += counts.values[j]
      colSum[counts.colIdx[j]] += counts.values[j]
      total += counts.values[j]
    }
  let smoothTotal = 0
  const ctx = colSum.map((c) => Math.pow(c, alpha))
  for (const c of ctx) smoothTotal += c
  const rowPtr = new Int32Array(counts.rows + 1)
  const colIdx: number[] = []
  const values: number[] = []
  for (let r = 0; r < counts.rows; r++) {
    for (let j = counts.rowPtr[r]; j < counts.rowPtr[r + 1]; j++) {
      const c = counts.colIdx[j]
      const pmi = Math.log((counts.values[j] / total) / ((rowSum[r] / total) * (ctx[c] / smoothTotal))) - Math.log(shift)
      if (pmi > 0) { colIdx.push(c); values.push(pmi) }
    }
    rowPtr[r + 1] = colIdx.length
  }
  return { rows: counts.rows, cols: counts.cols, rowPtr, colIdx: Int32Array.from(colIdx), values: Float64Array.from(values) }
}

export function transpose(a: Csr): Csr {
  const rowPtr = new Int32Array(a.cols + 1)
  for (let j = 0; j < a.colIdx.length; j++) rowPtr[a.colIdx[j] + 1]++
  for (let c = 0; c < a.cols; c++) rowPtr[c + 1] += rowPtr[c]
  const fill = rowPtr.slice(0, a.cols)
  const colIdx = new Int32Array(a.colIdx.length)
  const values = new Float64Array(a.colIdx.length)
  for (let r = 0; r < a.rows; r++)
    for (let j = a.rowPtr[r]; j < a.rowPtr[r + 1]; j++) {
      const p = fill[a.colIdx[j]]++
      colIdx[p] = r
      values[p] = a.values[j]
    }
  return { rows: a.cols, cols: a.rows, rowPtr, colIdx, values }
}

/** A · X for X dense column-major (a.cols × m); the result is column-major (a.rows × m). */
export function multiply(a: Csr, x: Float64Array, m: number): Float64Array {
  const y = new Float64Array(a.rows * m)
  for (let c = 0; c < m; c++) {
    const xo = c * a.cols
    const yo = c * a.rows
    for (let r = 0; r < a.rows; r++) {
      let s = 0
      for (let j = a.rowPtr[r]; j < a.rowPtr[r + 1]; j++) s += a.values[j] * x[xo + a.colIdx[j]]
      y[yo + r] = s
    }
  }
  return y
}

/** Modified Gram–Schmidt, in place, on the m columns (length n) of a column-major matrix; run twice for stability. Dependent columns become zero. */
export function orthonormalize(x: Float64Array, n: number, m: number): Float64Array {
  for (let pass = 0; pass < 2; pass++)
    for (let c = 0; c < m; c++) {
      const co = c * n
      let before = 0
      for (let i = 0; i < n; i++) before += x[co + i] ** 2
      for (let p = 0; p < c; p++) {
        const po = p * n
        let d = 0
        for (let i = 0; i < n; i++) d += x[co + i] * x[po + i]
        for (let i = 0; i < n; i++) x[co + i] -= d * x[po + i]
      }
      let norm = 0
      for (let i = 0; i < n; i++) norm += x[co + i] ** 2
      // A column (numerically) inside the span of the earlier ones is set to zero rather than normalised noise.
      if (norm <= 1e-20 * before || norm === 0) x.fill(0, co, co + n)
      else {
        norm = Math.sqrt(norm)
        for (let i = 0; i < n; i++) x[co + i] /= norm
      }
    }
  return x
}

/** Eigen-decomposition of a symmetric n×n matrix (row-major) by cyclic Jacobi; eigenvalues descending, vectors as columns (row-major n×n). */
export function symmetricEigen(input: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(input)
  const v = new Float64Array(n * n)
  for (let i = 0; i < n; i++) v[i * n + i] = 1
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0
    let diag = 0
    for (let i = 0; i < n; i++) { diag += a[i * n + i] ** 2; for (let j = i + 1; j < n; j++) off += a[i * n + j] ** 2 }
    if (off <= 1e-26 * Math.max(diag, 1e-300)) break
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]
        if (Math.abs(apq) < 1e-300) continue
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq)
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1))
        const c = 1 / Math.sqrt(t * t + 1)
        const s = t * c
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p], akq = a[k * n + q]
          a[k * n + p] = c * akp - s * akq
          a[k * n + q] = s * akp + c * akq
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k], aqk = a[q * n + k]
          a[p * n + k] = c * apk - s * aqk
          a[q * n + k] = s * apk + c * aqk
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p], vkq = v[k * n + q]
          v[k * n + p] = c * vkp - s * vkq
          v[k * n + q] = s * vkp + c * vkq
        }
      }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j * n + j] - a[i * n + i])
  const values = Float64Array.from(order, (i) => a[i * n + i])
  const vectors = new Float64Array(n * n)
  for (let r = 0; r < n; r++) order.forEach((i, c) => (vectors[r * n + c] = v[r * n + i]))
  return { values, vectors }
}

/** Rank-k randomized SVD (Halko et al.): left singular vectors (column-major rows × k) and singular values. */
export function randomizedSvd(a: Csr, k: number, options: { oversample?: number; powerIterations?: number; seed?: number } = {}): { u: Float64Array; s: Float64Array } {
  const m = k + (options.oversample ?? 20)
  const rng = createRng(options.seed ?? 1)
  const at = transpose(a)
  const omega = new Float64Array(a.cols * m)
  for (let i = 0; i < omega.length; i++) omega[i] = randomNormal(rng)
  let q = orthonormalize(multiply(a, omega, m), a.rows, m)
  for (let it = 0; it < (options.powerIterations ?? 3); it++) {
    const z = orthonormalize(multiply(at, q, m), a.cols, m)
    q = orthonormalize(multiply(a, z, m), a.rows, m)
  }
  const bt = multiply(at, q, m) // (Qᵀ A)ᵀ, cols × m column-major
  const g = new Float64Array(m * m) // B Bᵀ
  for (let i = 0; i < m; i++)
    for (let j = i; j < m; j++) {
      let s = 0
      for (let r = 0; r < a.cols; r++) s += bt[i * a.cols + r] * bt[j * a.cols + r]
      g[i * m + j] = g[j * m + i] = s
    }
  const { values, vectors } = symmetricEigen(g, m)
  const u = new Float64Array(a.rows * k)
  for (let c = 0; c < k; c++)
    for (let p = 0; p < m; p++) {
      const w = vectors[p * m + c]
      if (!w) continue
      for (let r = 0; r < a.rows; r++) u[c * a.rows + r] += w * q[p * a.rows + r]
    }
  // Fix each vector's sign (largest-magnitude entry positive) so the output does not depend on rounding paths.
  for (let c = 0; c < k; c++) {
    let best = 0
    for (let r = 0; r < a.rows; r++) if (Math.abs(u[c * a.rows + r]) > Math.abs(best)) best = u[c * a.rows + r]
    if (best < 0) for (let r = 0; r < a.rows; r++) u[c * a.rows + r] *= -1
  }
  return { u, s: Float64Array.from(values.subarray(0, k), (x) => Math.sqrt(Math.max(0, x))) }
}

export interface PpmiSvdOptions {
  dims: number
  maxVocab: number
  minCount: number
  window: number
  /** Context-distribution smoothing exponent. */
  alpha: number
  /** Word vector = U · S^p (p = 0.5 weighs components by the square root of their singular value). */
  eigenWeight: number
  powerIterations: number
  seed: number
}

export const DEFAULT_PPMI_SVD: PpmiSvdOptions = { dims: 150, maxVocab: 30000, minCount: 3, window: 5, alpha: 0.75, eigenWeight: 0.5, powerIterations: 3, seed: 20261125 }

/** Trains unit-length word vectors (row-major words × dims) and document frequencies from tokenized documents. */
export function trainPpmiSvd(docs: string[][], options: Partial<PpmiSvdOptions> = {}): { words: string[]; df: number[]; docs: number; dims: number; vectors: Float64Array } {
  const o = { ...DEFAULT_PPMI_SVD, ...options }
  const { words } = buildVocab(docs, o.maxVocab, o.minCount)
  const index = new Map(words.map((w, i) => [w, i]))
  const ids = docs.map((d) => Int32Array.from(d, (w) => index.get(w) ?? -1))
  const V = words.length
  const dims = Math.min(o.dims, V)
  const { u, s } = randomizedSvd(ppmi(cooccurrence(ids, V, o.window), o.alpha), dims, { oversample: Math.min(20, V - dims), powerIterations: o.powerIterations, seed: o.seed })
  const vectors = new Float64Array(V * dims)
  for (let r = 0; r < V; r++) {
    let norm = 0
    for (let c = 0; c < dims; c++) norm += (vectors[r * dims + c] = u[c * V + r] * Math.pow(s[c], o.eigenWeight)) ** 2
    norm = Math.sqrt(norm) || 1
    for (let c = 0; c < dims; c++) vectors[r * dims + c] /= norm
  }
  const df = new Array<number>(V).fill(0)
  for (const d of ids) for (const w of new Set(d)) if (w >= 0) df[w]++
  return { words, df, docs: docs.length, dims, vectors }
}
