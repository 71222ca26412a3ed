import { test } from 'node:test'
import assert from 'node:assert/strict'
import { minimizeLbfgs } from './lbfgs.js'

test('minimises a separable quadratic to its known minimum (3, −1)', () => {
  const result = minimizeLbfgs((x, g) => {
    g[0] = 2 * (x[0] - 3)
    g[1] = 20 * (x[1] + 1)
    return (x[0] - 3) ** 2 + 10 * (x[1] + 1) ** 2
  }, new Float64Array(2))
  assert.ok(result.converged)
  assert.ok(Math.abs(result.x[0] - 3) < 1e-5 && Math.abs(result.x[1] + 1) < 1e-5)
})

test('finds the Rosenbrock minimum (1, 1)', () => {
  const result = minimizeLbfgs((x, g) => {
    const [a, b] = [x[0], x[1]]
    g[0] = -2 * (1 - a) - 400 * a * (b - a * a)
    g[1] = 200 * (b - a * a)
    return (1 - a) ** 2 + 100 * (b - a * a) ** 2
  }, Float64Array.from([-1.2, 1]), { maxIterations: 500, gradientTolerance: 1e-8, valueTolerance: 0 })
  assert.ok(Math.abs(result.x[0] - 1) < 1e-4 && Math.abs(result.x[1] - 1) < 1e-4, `${result.x}`)
})
