import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRng, permutation, randomInt, randomNormal, shuffle } from './rng.js'

test('mulberry32 reproduces the reference sequence', () => {
  // Reference outputs of mulberry32 (seed 0 and seed 1), as 32-bit integers.
  assert.equal(createRng(0)() * 2 ** 32, 1144304738)
  const r = createRng(1)
  assert.deepEqual([r(), r(), r()].map((v) => v * 2 ** 32), [2693262067, 11749833, 2265367787])
})

test('same seed gives the same stream; other seeds differ', () => {
  const a = createRng(42)
  const b = createRng(42)
  const c = createRng(43)
  const xs = Array.from({ length: 5 }, () => a())
  assert.deepEqual(Array.from({ length: 5 }, () => b()), xs)
  assert.notDeepEqual(Array.from({ length: 5 }, () => c()), xs)
  for (const x of xs) assert.ok(x >= 0 && x < 1)
})

test('shuffle is an in-place permutation, deterministic by seed', () => {
  const input = [1, 2, 3, 4, 5, 6, 7, 8]
  const out = shuffle([...input], createRng(7))
  assert.deepEqual([...out].sort((x, y) => x - y), input)
  assert.deepEqual(shuffle([...input], createRng(7)), out)
  assert.deepEqual(permutation(8, createRng(7)).map((i) => input[i]), out)
  const arr = [1, 2, 3]
  assert.equal(shuffle(arr, createRng(1)), arr)
})

test('randomInt stays in range and randomNormal is finite with mean near 0', () => {
  const r = createRng(3)
  let sum = 0
  for (let i = 0; i < 2000; i++) {
    const k = randomInt(r, 5)
    assert.ok(Number.isInteger(k) && k >= 0 && k < 5)
    const z = randomNormal(r)
    assert.ok(Number.isFinite(z))
    sum += z
  }
  assert.ok(Math.abs(sum / 2000) < 0.1)
})
