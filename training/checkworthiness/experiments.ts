// Scratch harness for issue 4 (not part of the shipped pipeline): compares learner/feature ideas by transcript CV on train/.
// Usage: npx tsx training/checkworthiness/experiments.ts <data> <variant,...> [--loto] [--dev]
import { readFileSync } from 'node:fs'
import { annotate } from '../../src/nlp/annotate.js'
import { trainLogistic } from '../../src/ml/logistic.js'
import { trainGradientBoosting, compileGradientBoosting } from '../../src/ml/gradient-boosting.js'
import { groupKFold, leaveOneGroupOut } from '../ml/cross-validation.js'
import { SparseVectorBuilder, dot, type SparseVector } from '../../src/ml/sparse-vector.js'
import { createRng } from '../../src/ml/rng.js'
import { fnv1a32, mix32 } from '../../src/ml/hashing.js'
import { CUE_COUNT } from '../../src/analyzers/checkworthiness/cues.js'
import { featureDims, emitFeatures } from '../../src/analyzers/checkworthiness/features.js'
import { cueBlocks } from '../../src/analyzers/checkworthiness/scorer.js'
import { rankingFigures } from './evaluate.js'
import { loadSplits, type PreparedTranscript } from './dataset.js'
import { SHIPPED } from './configs.js'
import { formatRow } from './pipeline.js'

type Scores = Float64Array[]
type Method = (train: PreparedTranscript[], test: PreparedTranscript[]) => Scores

const args = process.argv.slice(2)
const data = args[0]
const variants = args[1].split(',')
const useLoto = args.includes('--loto')
const useDev = args.includes('--dev')

function zscore(xs: Float64Array): Float64Array {
  let m = 0
  for (const x of xs) m += x / xs.length
  let v = 0
  for (const x of xs) v += (x - m) ** 2 / xs.length
  const s = Math.sqrt(v) || 1
  return xs.map((x) => (x - m) / s)
}

/** Extra dense "turn" features: position within the speaker turn, size of the turn. */
function turnFeatures(t: PreparedTranscript, k: number): number[] {
  const units = t.units
  const p = units[k].paragraph
  let a = k
  while (a > 0 && units[a - 1].paragraph === p) a--
  let b = k
  while (b + 1 < units.length && units[b + 1].paragraph === p) b++
  const size = b - a + 1
  const pos = k - a
  return [
    Math.min(1, Math.log1p(size) / Math.log(41)),
    size > 1 ? pos / (size - 1) : 0,
    pos === 1 ? 1 : 0,
    pos === 2 ? 1 : 0,
    pos >= 3 ? 1 : 0,
    size >= 5 ? 1 : 0,
  ]
}

// ---- issue 4, word-vector experiment: vectors from scratch/cw/build-vectors.ts (path in $CW_EMB; see scratch/cw/README.md) ----
interface Embeddings { dims: number; index: Map<string, number>; vectors: Float32Array[]; idf: Float64Array }
let embCache: Embeddings | null = null
function embeddings(): Embeddings {
  if (embCache) return embCache
  const j = JSON.parse(readFileSync(process.env.CW_EMB ?? 'scratch/cw/vec-noclef-150-q.json', 'utf8'))
  embCache = {
    dims: j.dims,
    index: new Map((j.words as string[]).map((w, i) => [w, i])),
    vectors: (j.vectors as number[][]).map((v) => Float32Array.from(v)),
    idf: Float64Array.from(j.df as number[], (d) => Math.log((j.docs + 1) / (d + 1)) + 1),
  }
  return embCache
}
const sentCache = new Map<string, Float64Array[]>()
/** idf-weighted mean of the unit's word vectors, unit length (and, with `max`, the max-pool appended, also unit length). */
function sentenceVectors(t: PreparedTranscript, max: boolean): Float64Array[] {
  const key = t.name + (max ? ':max' : '')
  let out = sentCache.get(key)
  if (out) return out
  const E = embeddings()
  out = t.units.map((u) => {
    const mean = new Float64Array(E.dims)
    const mx = new Float64Array(E.dims).fill(-Infinity)
    let any = false
    for (let i = u.tokenStart; i < u.tokenEnd; i++) {
      const tok = t.doc.tokens[i]
      if (tok.kind !== 'word' && tok.kind !== 'number') continue
      const w = E.index.get(tok.lower.replace(/\d/g, '0'))
      if (w === undefined) continue
      any = true
      const v = E.vectors[w]
      const f = E.idf[w]
      for (let j = 0; j < E.dims; j++) { mean[j] += f * v[j]; if (v[j] > mx[j]) mx[j] = v[j] }
    }
    const unit = (a: Float64Array) => { let n = 0; for (const x of a) n += x * x; n = Math.sqrt(n) || 1; return a.map((x) => x / n) }
    if (!any) return new Float64Array(E.dims * (max ? 2 : 1))
    const m = unit(mean)
    if (!max) return m
    const r = new Float64Array(2 * E.dims)
    r.set(m)
    r.set(unit(mx), E.dims)
    return r
  })
  sentCache.set(key, out)
  return out
}
/** idf-weighted mean (divided by the idf total, not unit length): linear in per-word terms, so a model over it collapses to one number per word. */
const meanCache = new Map<string, Float64Array[]>()
function meanVectors(t: PreparedTranscript): Float64Array[] {
  let out = meanCache.get(t.name)
  if (out) return out
  const E = embeddings()
  out = t.units.map((u) => {
    const mean = new Float64Array(E.dims)
    let total = 0
    for (let i = u.tokenStart; i < u.tokenEnd; i++) {
      const tok = t.doc.tokens[i]
      if (tok.kind !== 'word' && tok.kind !== 'number') continue
      const w = E.index.get(tok.lower.replace(/\d/g, '0'))
      if (w === undefined) continue
      const f = E.idf[w]
      total += f
      for (let j = 0; j < E.dims; j++) mean[j] += f * E.vectors[w][j]
    }
    return total ? mean.map((x) => x / total) : mean
  })
  meanCache.set(t.name, out)
  return out
}
/** Cosine of each line's sentence vector to the centroid of the training check-worthy lines minus that of the others. */
function centroid(): Method {
  return (train, test) => {
    const E = embeddings()
    const pos = new Float64Array(E.dims), neg = new Float64Array(E.dims)
    let np = 0, nn = 0
    for (const t of train) sentenceVectors(t, false).forEach((v, k) => { if (t.labels[k]) { np++; v.forEach((x, j) => (pos[j] += x)) } else { nn++; v.forEach((x, j) => (neg[j] += x)) } })
    const dir = pos.map((x, j) => x / np - neg[j] / nn)
    return test.map((t) => Float64Array.from(sentenceVectors(t, false), (v) => v.reduce((a, x, j) => a + x * dir[j], 0)))
  }
}
/** Max cosine of the line's sentence vector to the training check-worthy lines. */
function embKnn(): Method {
  return (train, test) => {
    const pos = train.flatMap((t) => sentenceVectors(t, false).filter((_, k) => t.labels[k]))
    return test.map((t) => Float64Array.from(sentenceVectors(t, false), (v) => { let best = -1; for (const p of pos) { let s = 0; for (let j = 0; j < v.length; j++) s += v[j] * p[j]; if (s > best) best = s } return best }))
  }
}

const EXTRA_BITS = 16
const EXTRA_OFFSET = 6 + 2 * CUE_COUNT
interface VecOpts { emb?: number; embMax?: boolean; embMean?: boolean; turn?: boolean; ctx2?: boolean; featureOverrides?: object; lemma?: boolean; masked?: boolean; trigram?: boolean; nb?: Float64Array | null; cueScale?: number; hashScale?: number }
function h(s: string, ns: number): number {
  return mix32((fnv1a32(s) ^ ns) >>> 0) & ((1 << EXTRA_BITS) - 1)
}
function maskedForm(tok: { pos: string; lower: string; kind: string }): string {
  if (tok.kind === 'number' || /\d/.test(tok.lower)) return '<num>'
  if (tok.pos === 'PROPN') return '<propn>'
  return tok.lower
}
function extraHashed(t: PreparedTranscript, k: number, opts: VecOpts, base: number, b: SparseVectorBuilder): void {
  const u = t.units[k]
  const toks = t.doc.tokens.slice(u.tokenStart, u.tokenEnd)
  const n = toks.length
  if (!n) return
  const v = 1 / Math.sqrt(2 * n + 1)
  if (opts.lemma) for (const tok of toks) b.add(base + h(tok.lemma, 11), v)
  if (opts.masked) {
    const f = ['<s>', ...toks.map(maskedForm), '</s>']
    for (let i = 0; i + 1 < f.length; i++) b.add(base + h(f[i] + ' ' + f[i + 1], 13), v)
    for (let i = 0; i + 2 < f.length; i++) b.add(base + h(f[i] + ' ' + f[i + 1] + ' ' + f[i + 2], 17), v)
  }
  if (opts.trigram) {
    const f = ['<s>', ...toks.map((x) => x.lower.replace(/\d/g, '0')), '</s>']
    for (let i = 0; i + 2 < f.length; i++) b.add(base + h(f[i] + ' ' + f[i + 1] + ' ' + f[i + 2], 19), v)
  }
}

function lrVectors(t: PreparedTranscript, opts: VecOpts): SparseVector[] {
  const features = { ...SHIPPED.features, ...(opts.featureOverrides ?? {}) }
  const dims = featureDims(features)
  return t.units.map((_, k) => {
    const b = new SparseVectorBuilder()
    emitFeatures(t.state, k, features, b)
    if (opts.turn) turnFeatures(t, k).forEach((v, j) => v && b.add(dims + j, v))
    if (opts.ctx2) {
      // cues of k-2 and k+2
      for (const [off, kk] of [[6, k - 2], [6 + CUE_COUNT, k + 2]] as const) {
        const c = t.state.cues[kk]
        if (c) for (let j = 0; j < CUE_COUNT; j++) if (c[j]) b.add(dims + off + j, c[j])
      }
    }
    extraHashed(t, k, opts, dims + EXTRA_OFFSET, b)
    if (opts.emb) {
      const e = opts.embMean ? meanVectors(t)[k] : sentenceVectors(t, opts.embMax ?? false)[k]
      for (let j = 0; j < e.length; j++) if (e[j]) b.add(dims + EXTRA_OFFSET + (1 << EXTRA_BITS) + j, opts.emb * e[j])
    }
    const vec = b.build()
    if (opts.cueScale || opts.hashScale) {
      const values = Float32Array.from(vec.values)
      vec.indices.forEach((i, j) => (values[j] *= i < 3 * CUE_COUNT ? (opts.cueScale ?? 1) : i < dims ? (opts.hashScale ?? 1) : 1))
      return { indices: vec.indices, values }
    }
    return vec
  })
}

function lr(opts: VecOpts & { l2?: number; balanced?: boolean }): Method {
  return (train, test) => {
    const features = { ...SHIPPED.features, ...(opts.featureOverrides ?? {}) }
    const dims = featureDims(features) + EXTRA_OFFSET + (1 << EXTRA_BITS) + (opts.emb ? embeddings().dims * (opts.embMax ? 2 : 1) : 0)
    const x = train.flatMap((t) => lrVectors(t, opts))
    const y = train.flatMap((t) => t.labels)
    const m = trainLogistic(x, y, { dims, l2: opts.l2 ?? SHIPPED.l2, classWeights: opts.balanced === false ? [1, 1] : 'balanced', maxIterations: 300 })
    const w = Float64Array.from(m.weights)
    return test.map((t) => Float64Array.from(lrVectors(t, opts).map((v) => dot(v, w) + m.bias)))
  }
}

/** Pairwise ranking logistic regression: differences of (positive, negative) pairs inside a transcript. */
function pairwise(opts: VecOpts & { l2?: number; negPerPos?: number }): Method {
  return (train, test) => {
    const dims = featureDims(SHIPPED.features) + EXTRA_OFFSET + (1 << EXTRA_BITS)
    const rng = createRng(20261124)
    const x: SparseVector[] = []
    const y: number[] = []
    for (const t of train) {
      const v = lrVectors(t, opts)
      const pos = t.labels.flatMap((l, i) => (l ? [i] : []))
      const neg = t.labels.flatMap((l, i) => (l ? [] : [i]))
      for (const p of pos) {
        for (let r = 0; r < (opts.negPerPos ?? 30); r++) {
          const q = neg[Math.floor(rng() * neg.length)]
          const b = new SparseVectorBuilder()
          const sign = x.length % 2 === 0 ? 1 : -1
          v[p].indices.forEach((i, j) => b.add(i, sign * v[p].values[j]))
          v[q].indices.forEach((i, j) => b.add(i, -sign * v[q].values[j]))
          x.push(b.build())
          y.push(sign > 0 ? 1 : 0)
        }
      }
    }
    const m = trainLogistic(x, y, { dims, l2: opts.l2 ?? 1e-2, classWeights: [1, 1], maxIterations: 300 })
    const w = Float64Array.from(m.weights)
    return test.map((t) => Float64Array.from(lrVectors(t, opts).map((v) => dot(v, w))))
  }
}

function denseRow(t: PreparedTranscript, k: number, turn: boolean): number[] {
  const row = Array.from(cueBlocks(t.state.cues, k))
  if (turn) row.push(...turnFeatures(t, k))
  return row
}

function gbm(opts: { rounds?: number; depth?: number; eta?: number; turn?: boolean; balanced?: boolean; mcw?: number; sub?: number; col?: number }): Method {
  return (train, test) => {
    const rows = train.flatMap((t) => t.units.map((_, k) => denseRow(t, k, opts.turn ?? false)))
    const y = train.flatMap((t) => t.labels)
    const model = trainGradientBoosting(rows, y, {
      classes: 2,
      rounds: opts.rounds ?? 200,
      maxDepth: opts.depth ?? 3,
      learningRate: opts.eta ?? 0.05,
      minChildWeight: opts.mcw ?? 5,
      subsample: opts.sub ?? 0.8,
      colsample: opts.col ?? 0.5,
      classWeights: opts.balanced === false ? undefined : 'balanced',
      seed: 7,
    })
    const f = compileGradientBoosting(model)
    return test.map((t) => Float64Array.from(t.units.map((_, k) => { const m = f(denseRow(t, k, opts.turn ?? false)); return m[1] - m[0] })))
  }
}

function blend(parts: [Method, number][]): Method {
  return (train, test) => {
    const outs = parts.map(([m]) => m(train, test))
    return test.map((_, i) => {
      const s = new Float64Array(test[i].units.length)
      parts.forEach(([, w], p) => {
        const z = zscore(outs[p][i])
        for (let k = 0; k < s.length; k++) s[k] += w * z[k]
      })
      return s
    })
  }
}

/** Adds a share of the neighbours' (z-scored) scores: check-worthy lines cluster. */
function smooth(method: Method, a: number, a2 = 0, turnOnly = false): Method {
  return (train, test) => {
    const out = method(train, test)
    return out.map((raw, i) => {
      const z = zscore(raw)
      const units = test[i].units
      const same = (k: number, j: number) => j >= 0 && j < z.length && (!turnOnly || units[j].paragraph === units[k].paragraph)
      return z.map((x, k) => {
        let s = x
        for (const [d, w] of [[1, a], [2, a2]] as const) {
          if (!w) continue
          if (same(k, k - d)) s += (w / 2) * z[k - d]
          if (same(k, k + d)) s += (w / 2) * z[k + d]
        }
        return s
      })
    })
  }
}

/** Max idf-weighted cosine similarity of a line to the check-worthy lines of the training transcripts. */
function knn(): Method {
  return (train, test) => {
    const df = new Map<number, number>()
    let docs = 0
    const bag = (t: PreparedTranscript, k: number) => {
      const m = new Map<number, number>()
      const u = t.units[k]
      for (let i = u.tokenStart; i < u.tokenEnd; i++) if (t.doc.tokens[i].kind === 'word' || t.doc.tokens[i].kind === 'number') m.set(t.state.wordHash[i], 1)
      return m
    }
    for (const t of train) for (let k = 0; k < t.units.length; k++) { docs++; for (const h of bag(t, k).keys()) df.set(h, (df.get(h) ?? 0) + 1) }
    const idf = (h: number) => Math.log((docs + 1) / ((df.get(h) ?? 0) + 1))
    const vec = (t: PreparedTranscript, k: number) => {
      const m = bag(t, k)
      let norm = 0
      for (const h of m.keys()) { const w = idf(h); m.set(h, w); norm += w * w }
      norm = Math.sqrt(norm) || 1
      for (const [h, w] of m) m.set(h, w / norm)
      return m
    }
    const positives = train.flatMap((t) => t.labels.flatMap((l, k) => (l ? [vec(t, k)] : [])))
    return test.map((t) => Float64Array.from(t.units.map((_, k) => {
      const v = vec(t, k)
      let best = 0
      for (const p of positives) { let s = 0; for (const [h, w] of v) { const q = p.get(h); if (q) s += w * q } if (s > best) best = s }
      return best
    })))
  }
}

const BASE = { balanced: false, l2: 3e-3 } as const
const METHODS: Record<string, Method> = {
  'emb-only': lr({ ...BASE, emb: 1, featureOverrides: { cues: false, words: false, pos: false, context: false } }),
  'emb-cent': centroid(),
  'emb-knn': embKnn(),
  'lr-emb1': lr({ ...BASE, emb: 1 }),
  'lr-emb3-mean': lr({ ...BASE, emb: 3, embMean: true }),
  'lr-emb6-mean': lr({ ...BASE, emb: 6, embMean: true }),
  'lr-emb10-mean': lr({ ...BASE, emb: 10, embMean: true }),
  'lr-emb3': lr({ ...BASE, emb: 3 }),
  'lr-emb10': lr({ ...BASE, emb: 10 }),
  'lr-emb3-max': lr({ ...BASE, emb: 3, embMax: true }),
  'lr-cent0.2': blend([[lr(BASE), 1], [centroid(), 0.2]]),
  'lr-cent0.4': blend([[lr(BASE), 1], [centroid(), 0.4]]),
  'lr-embknn0.3': blend([[lr(BASE), 1], [embKnn(), 0.3]]),
  knn: knn(),
  'lr-knn0.2': blend([[lr({ balanced: false, l2: 3e-3 }), 1], [knn(), 0.2]]),
  'lr-knn0.45': blend([[lr({ balanced: false, l2: 3e-3 }), 1], [knn(), 0.45]]),
  'lr-knn0.3': blend([[lr({ balanced: false, l2: 3e-3 }), 1], [knn(), 0.3]]),
  'lr-knn0.6': blend([[lr({ balanced: false, l2: 3e-3 }), 1], [knn(), 0.6]]),
  'blend-bal-unbal': blend([[lr({}), 0.5], [lr({ balanced: false }), 0.5]]),
  'lr-unbal-ctx2-hash2': lr({ balanced: false, ctx2: true, hashScale: 2 }),
  'lr-unbal-ctx2-l2=3e-2': lr({ balanced: false, ctx2: true, l2: 3e-2 }),
  'lr-unbal-ctx2-s0.4': smooth(lr({ balanced: false, ctx2: true }), 0.4),
  'lr-unbal-l2=3e-3': lr({ balanced: false, l2: 3e-3 }),
  'lr-unbal-l2=3e-2': lr({ balanced: false, l2: 3e-2 }),
  'lr-unbal-l2=1e-3': lr({ balanced: false, l2: 1e-3 }),
  'lr-unbal-hash2': lr({ balanced: false, hashScale: 2 }),
  'lr-unbal-masked': lr({ balanced: false, masked: true }),
  'lr-unbal-ctx2': lr({ balanced: false, ctx2: true }),
  'lr-l2=3e-1': lr({ l2: 3e-1 }),
  'lr-cue2': lr({ cueScale: 2 }),
  'blend-lr-gbm-0.3-s0.6': smooth(blend([[lr({}), 0.7], [gbm({}), 0.3]]), 0.6),
  'blend-lr-pair-s0.6': smooth(blend([[lr({}), 0.5], [pairwise({}), 0.5]]), 0.6),
  'lr-cue3': lr({ cueScale: 3 }),
  'lr-hash0.5': lr({ hashScale: 0.5 }),
  'lr-hash2': lr({ hashScale: 2 }),
  'lr-cue2-l2=3e-2': lr({ cueScale: 2, l2: 3e-2 }),
  'lr-s0.2': smooth(lr({}), 0.2),
  'lr-s0.4': smooth(lr({}), 0.4),
  'lr-s0.6': smooth(lr({}), 0.6),
  'lr-s0.4-0.2': smooth(lr({}), 0.4, 0.2),
  'lr-s0.4t': smooth(lr({}), 0.4, 0, true),
  lr: lr({}),
  'lr-l2=3e-3': lr({ l2: 3e-3 }),
  'lr-l2=3e-2': lr({ l2: 3e-2 }),
  'lr-turn': lr({ turn: true }),
  'lr-ctx2': lr({ ctx2: true }),
  'lr-turn-ctx2': lr({ turn: true, ctx2: true }),
  'lr-chars': lr({ featureOverrides: { chars: true } }),
  'lr-ctxw': lr({ featureOverrides: { contextWords: true } }),
  'lr-lemma': lr({ lemma: true }),
  'lr-masked': lr({ masked: true }),
  'lr-trigram': lr({ trigram: true }),
  'lr-masked-l2=3e-2': lr({ masked: true, l2: 3e-2 }),
  'lr-unbal': lr({ balanced: false }),
  'lr-l2=1e-1': lr({ l2: 1e-1 }),
  pair: pairwise({}),
  'pair-l2=1e-3': pairwise({ l2: 1e-3 }),
  'pair-l2=1e-1': pairwise({ l2: 1e-1 }),
  gbm: gbm({}),
  'gbm-turn': gbm({ turn: true }),
  'gbm-d4': gbm({ depth: 4, rounds: 300 }),
  'blend-lr-gbm': blend([[lr({}), 0.5], [gbm({}), 0.5]]),
  'blend-lr-gbm-0.3': blend([[lr({}), 0.7], [gbm({}), 0.3]]),
  'blend-lr-pair': blend([[lr({}), 0.5], [pairwise({}), 0.5]]),
  'blend-lr-pair-gbm': blend([[lr({}), 0.4], [pairwise({}), 0.3], [gbm({}), 0.3]]),
}

const t0 = performance.now()
const train = loadSplits(data, ['train'], annotate)
const dev = useDev ? loadSplits(data, ['dev'], annotate) : []
process.stderr.write(`loaded in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`)

function cv(method: Method, folds: { train: number[]; test: number[] }[]): Scores {
  const scores: Scores = new Array(train.length)
  for (const fold of folds) {
    const out = method(fold.train.map((i) => train[i]), fold.test.map((i) => train[i]))
    fold.test.forEach((i, j) => (scores[i] = out[j]))
  }
  return scores
}

const names = train.map((t) => t.name)
const fourFold = groupKFold(train.flatMap((t) => t.units.map(() => t.name)), 4).map((fold) => ({
  train: names.map((_, i) => i).filter((i) => !fold.groups!.includes(names[i])),
  test: names.map((_, i) => i).filter((i) => fold.groups!.includes(names[i])),
}))
const loto = leaveOneGroupOut(names)

for (const v of variants) {
  const method = METHODS[v]
  if (!method) throw new Error(`unknown variant ${v}`)
  const started = performance.now()
  const s4 = cv(method, fourFold)
  console.log(formatRow(`${v} 4f`, rankingFigures(train.map((t, i) => ({ name: t.name, scores: s4[i], labels: t.labels })))))
  if (useLoto) {
    const sl = cv(method, loto)
    const fl = rankingFigures(train.map((t, i) => ({ name: t.name, scores: sl[i], labels: t.labels })))
    console.log(formatRow(`${v} loto`, fl), process.env.CW_PER_TRANSCRIPT ? fl.transcripts.map((t) => t.averagePrecision.toFixed(3)).join(' ') : '')
  }
  if (useDev) {
    const sd = method(train, dev)
    const fd = rankingFigures(dev.map((t, i) => ({ name: t.name, scores: sd[i], labels: t.labels })))
    console.log(formatRow(`${v} DEV`, fd), fd.transcripts.map((t) => t.averagePrecision.toFixed(3)).join(' '))
  }
  console.log(`  (${((performance.now() - started) / 1000).toFixed(0)} s)`)
}
