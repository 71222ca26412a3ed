// Limited-memory BFGS for smooth convex objectives: full-batch, so training is deterministic without a seed.

/** Computes the objective at `x`, writes its gradient into `grad` and returns the value. */
export type Objective = (x: Float64Array, grad: Float64Array) => number

export interface LbfgsOptions {
  /** Most iterations (default 200). */
  maxIterations?: number
  /** Correction pairs kept (default 10). */
  memory?: number
  /** Stop when ‖grad‖∞ falls below this (default 1e-6). */
  gradientTolerance?: number
  /** Stop when the relative decrease of the objective falls below this (default 1e-10). */
  valueTolerance?: number
}

export interface LbfgsResult {
  x: Float64Array
  value: number
  iterations: number
  converged: boolean
}

/** Minimises `objective` from `initial` (not modified) with L-BFGS and a backtracking Armijo line search. */
export function minimizeLbfgs(objective: Objective, initial: Float64Array, options: LbfgsOptions = {}): LbfgsResult {
  const maxIterations = options.maxIterations ?? 200
  const memory = options.memory ?? 10
  const gtol = options.gradientTolerance ?? 1e-6
  const ftol = options.valueTolerance ?? 1e-10
  const n = initial.length
  let x = Float64Array.from(initial)
  let g = new Float64Array(n)
  let f = objective(x, g)
  const sList: Float64Array[] = []
  const yList: Float64Array[] = []
  const rhoList: number[] = []
  const direction = new Float64Array(n)
  const alpha = new Float64Array(memory)
  let xNew = new Float64Array(n)
  let gNew = new Float64Array(n)
  let iterations = 0
  let converged = maxNorm(g) < gtol
  while (!converged && iterations < maxIterations) {
    iterations++
    // Two-loop recursion: direction = −H·g.
    for (let i = 0; i < n; i++) direction[i] = -g[i]
    for (let k = sList.length - 1; k >= 0; k--) {
      alpha[k] = rhoList[k] * dotDense(sList[k], direction)
      axpy(direction, yList[k], -alpha[k])
    }
    if (sList.length > 0) {
      const last = sList.length - 1
      const gamma = dotDense(sList[last], yList[last]) / dotDense(yList[last], yList[last])
      for (let i = 0; i < n; i++) direction[i] *= gamma
    }
    for (let k = 0; k < sList.length; k++) {
      const beta = rhoList[k] * dotDense(yList[k], direction)
      axpy(direction, sList[k], alpha[k] - beta)
    }
    let slope = dotDense(direction, g)
    if (!(slope < 0)) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      sList.length = yList.length = rhoList.length = 0
      for (let i = 0; i < n; i++) direction[i] = -g[i]
      slope = dotDense(direction, g)
    }
    let step = sList.length === 0 ? Math.min(1, 1 / Math.max(1e-12, l2Norm(g))) : 1
    let fNew = Infinity
    let accepted = false
    for (let tries = 0; tries < 50; tries++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + step * direction[i]
      fNew = objective(xNew, gNew)
      if (Number.isFinite(fNew) && fNew <= f + 1e-4 * step * slope) {
        accepted = true
        break
      }
      step *= 0.5
    }
    if (!accepted) break
    const s = new Float64Array(n)
    const y = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i]
      y[i] = gNew[i] - g[i]
    }
    const sy = dotDense(s, y)
    if (sy > 1e-12) {
      if (sList.length === memory) {
        sList.shift()
        yList.shift()
        rhoList.shift()
      }
      sList.push(s)
      yList.push(y)
      rhoList.push(1 / sy)
    }
    const decrease = (f - fNew) / Math.max(Math.abs(f), Math.abs(fNew), 1)
    ;[x, xNew] = [xNew, x]
    ;[g, gNew] = [gNew, g]
    f = fNew
    if (maxNorm(g) < gtol || decrease < ftol) converged = true
  }
  return { x, value: f, iterations, converged }
}

function dotDense(a: Float64Array, b: Float64Array): number {
  let sum = 0
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i]
  return sum
}

function axpy(target: Float64Array, x: Float64Array, scale: number): void {
  for (let i = 0; i < target.length; i++) target[i] += scale * x[i]
}

function l2Norm(a: Float64Array): number {
  return Math.sqrt(dotDense(a, a))
}

function maxNorm(a: Float64Array): number {
  let max = 0
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]))
  return max
}
