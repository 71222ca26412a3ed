import { test } from 'node:test'
import assert from 'node:assert/strict'
import { cooccurrence, multiply, orthonormalize, ppmi, randomizedSvd, symmetricEigen, trainPpmiSvd, transpose, type Csr } from './ppmi-svd.js'

const close = (a: number, b: number, eps = 1e-6) => assert.ok(Math.abs(a - b) < eps, `${a} ≉ ${b}`)

function csr(rows: number[][]): Csr {
  const rowPtr = [0]
  const colIdx: number[] = []
  const values: number[] = []
  for (const r of rows) {
    r.forEach((v, c) => { if (v) { colIdx.push(c); values.push(v) } })
    rowPtr.push(colIdx.length)
  }
  return { rows: rows.length, cols: rows[0].length, rowPtr: Int32Array.from(rowPtr), colIdx: Int32Array.from(colIdx), values: Float64Array.from(values) }
}

test('co-occurrence: window 2 on "0 1 2" counts neighbours at distance 1 fully and at distance 2 by half, symmetrically', () => {
  const m = cooccurrence([Int32Array.from([0, 1, 2])], 3, 2)
  const dense = [0, 1, 2].map((r) => [0, 1, 2].map((c) => { for (let j = m.rowPtr[r]; j < m.rowPtr[r + 1]; j++) if (m.colIdx[j] === c) return m.values[j]; return 0 }))
  assert.deepEqual(dense, [[0, 1, 0.5], [1, 0, 1], [0.5, 1, 0]])
  const skip = cooccurrence([Int32Array.from([0, -1, 1])], 2, 1) // out-of-vocabulary tokens keep their place but count for nothing
  assert.equal(skip.values.length, 0)
})

test('PPMI of a hand-made 2×2 count matrix (alpha 1): only the cells seen more often than chance stay', () => {
  // counts [[3,1],[1,3]], total 8: pmi(0,0) = ln(3/8 / (1/2 · 1/2)) = ln 1.5; pmi(0,1) = ln 0.5 < 0 → dropped
  const p = ppmi(csr([[3, 1], [1, 3]]), 1)
  assert.deepEqual(Array.from(p.colIdx), [0, 1])
  close(p.values[0], Math.log(1.5))
  close(p.values[1], Math.log(1.5))
})

test('transpose and multiply agree with the dense definitions', () => {
  const a = csr([[1, 0, 2], [0, 3, 0]])
  const x = Float64Array.from([1, 2, 3, /* second column */ 0, 1, 0]) // column-major 3×2
  assert.deepEqual(Array.from(multiply(a, x, 2)), [7, 6, 0, 3])
  const t = transpose(a)
  assert.deepEqual(Array.from(multiply(t, Float64Array.from([1, 1]), 1)), [1, 3, 2])
})

test('orthonormalize gives orthonormal columns spanning the same space', () => {
  const x = orthonormalize(Float64Array.from([1, 1, 0, 1, 0, 1]), 3, 2)
  close(Math.hypot(x[0], x[1], x[2]), 1)
  close(Math.hypot(x[3], x[4], x[5]), 1)
  close(x[0] * x[3] + x[1] * x[4] + x[2] * x[5], 0)
})

test('Jacobi eigen-decomposition of [[2,1],[1,2]]: eigenvalues 3 and 1, eigenvectors (1,1)/√2 and (1,−1)/√2', () => {
  const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2)
  close(values[0], 3)
  close(values[1], 1)
  close(Math.abs(vectors[0]), Math.SQRT1_2)
  close(vectors[0] * vectors[2], 0.5) // first column is ±(1,1)/√2
})

test('randomized SVD recovers the singular values of a small diagonal matrix and its top singular vectors', () => {
  const a = csr([[5, 0, 0, 0], [0, 0, 0, 0], [0, 0, 3, 0], [0, 0, 0, 1]])
  const { u, s } = randomizedSvd(a, 2, { oversample: 2, powerIterations: 2, seed: 1 })
  close(s[0], 5, 1e-9)
  close(s[1], 3, 1e-9)
  close(u[0], 1, 1e-9) // first left vector is e0 (sign fixed positive)
  close(u[4 + 2], 1, 1e-9) // second is e2
})

test('trainPpmiSvd is deterministic and places words that share contexts near each other', () => {
  const docs: string[][] = []
  for (let i = 0; i < 40; i++) docs.push(['the', i % 2 ? 'cat' : 'dog', 'ate', 'food', 'and', i % 2 ? 'tax' : 'levy', 'rose', 'by', 'percent'])
  const a = trainPpmiSvd(docs, { dims: 4, minCount: 1 })
  const b = trainPpmiSvd(docs, { dims: 4, minCount: 1 })
  assert.deepEqual(Array.from(a.vectors), Array.from(b.vectors))
  const vec = (w: string) => a.vectors.subarray(a.words.indexOf(w) * a.dims, (a.words.indexOf(w) + 1) * a.dims)
  const cos = (x: Float64Array, y: Float64Array) => x.reduce((s, v, j) => s + v * y[j], 0)
  assert.ok(cos(vec('cat'), vec('dog')) > cos(vec('cat'), vec('tax')), 'cat is closer to dog than to tax')
  assert.equal(a.df[a.words.indexOf('the')], 40)
})
