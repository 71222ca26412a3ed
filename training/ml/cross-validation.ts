// Seeded data splits for honest evaluation: stratified k-fold, group k-fold and leave-one-group-out.
import { FactsiftError } from '../../src/errors.js'
import { createRng, shuffle } from '../../src/ml/rng.js'

/** Row indices (ascending) used to train and to test in one fold. */
export interface Fold {
  train: number[]
  test: number[]
  /** For group splits: the group(s) held out. */
  groups?: string[]
}

/**
 * k folds with each label's rows spread evenly: rows of each label are shuffled (seeded) and dealt round-robin,
 * continuing across labels so fold sizes differ by at most one.
 */
export function stratifiedKFold(labels: ArrayLike<number | string>, k: number, seed = 1): Fold[] {
  if (!Number.isInteger(k) || k < 2 || k > labels.length) {
    throw new FactsiftError('E_BAD_ARGUMENT', `k-fold needs 2 ≤ k ≤ ${labels.length} rows, got k = ${k}`)
  }
  const byLabel = new Map<number | string, number[]>()
  for (let i = 0; i < labels.length; i++) {
    const rows = byLabel.get(labels[i]) ?? []
    rows.push(i)
    byLabel.set(labels[i], rows)
  }
  const rng = createRng(seed)
  const foldOf = new Int32Array(labels.length)
  let next = 0
  const keys = [...byLabel.keys()].sort((a, b) => String(a).localeCompare(String(b)))
  for (const key of keys) {
    for (const row of shuffle(byLabel.get(key)!, rng)) {
      foldOf[row] = next
      next = (next + 1) % k
    }
  }
  return foldsFrom(foldOf, k)
}

/** One fold per distinct group (sorted by name), testing on that group and training on all others. */
export function leaveOneGroupOut(groups: readonly string[]): Fold[] {
  const names = [...new Set(groups)].sort()
  if (names.length < 2) throw new FactsiftError('E_BAD_ARGUMENT', `leave-one-group-out needs at least 2 groups, got ${names.length}`)
  return names.map((name) => {
    const fold: Fold = { train: [], test: [], groups: [name] }
    groups.forEach((g, i) => (g === name ? fold.test : fold.train).push(i))
    return fold
  })
}

/** k folds that never split a group: groups, largest first, go to the currently smallest fold (deterministic). */
export function groupKFold(groups: readonly string[], k: number): Fold[] {
  const sizes = new Map<string, number>()
  for (const g of groups) sizes.set(g, (sizes.get(g) ?? 0) + 1)
  if (!Number.isInteger(k) || k < 2 || k > sizes.size) {
    throw new FactsiftError('E_BAD_ARGUMENT', `group k-fold needs 2 ≤ k ≤ ${sizes.size} groups, got k = ${k}`)
  }
  const order = [...sizes.keys()].sort((a, b) => sizes.get(b)! - sizes.get(a)! || a.localeCompare(b))
  const foldSize = new Array<number>(k).fill(0)
  const foldOfGroup = new Map<string, number>()
  const foldGroups: string[][] = Array.from({ length: k }, () => [])
  for (const g of order) {
    let target = 0
    for (let f = 1; f < k; f++) if (foldSize[f] < foldSize[target]) target = f
    foldOfGroup.set(g, target)
    foldSize[target] += sizes.get(g)!
    foldGroups[target].push(g)
  }
  const folds = foldsFrom(Int32Array.from(groups, (g) => foldOfGroup.get(g)!), k)
  folds.forEach((fold, f) => (fold.groups = foldGroups[f].sort()))
  return folds
}

function foldsFrom(foldOf: Int32Array, k: number): Fold[] {
  const folds: Fold[] = Array.from({ length: k }, () => ({ train: [], test: [] }))
  for (let i = 0; i < foldOf.length; i++) {
    for (let f = 0; f < k; f++) (f === foldOf[i] ? folds[f].test : folds[f].train).push(i)
  }
  return folds
}
