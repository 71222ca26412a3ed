import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fitTemperature, applyTemperature } from './temperature-scaling.js'
import { createRng } from './rng.js'

test('recovers the temperature that made over-confident margins', () => {
  // True probabilities come from margins z; the model reports 3·z (over-confident), so the best temperature is about 3.
  const rng = createRng(9)
  const margins: number[][] = []
  const labels: number[] = []
  for (let i = 0; i < 4000; i++) {
    const z = [rng() * 4 - 2, rng() * 4 - 2, 0]
    const p = applyTemperature(z, 1)
    const u = rng()
    labels.push(u < p[0]! ? 0 : u < p[0]! + p[1]! ? 1 : 2)
    margins.push(z.map((v) => 3 * v))
  }
  const t = fitTemperature(margins, labels)
  assert.ok(Math.abs(t - 3) < 0.3, `temperature ${t}`)
})

test('temperature keeps the ranking of classes and sums to one', () => {
  const p = applyTemperature([2, 1, -1], 2)
  assert.ok(p[0]! > p[1]! && p[1]! > p[2]!)
  assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-12)
  assert.throws(() => fitTemperature([], []))
})
