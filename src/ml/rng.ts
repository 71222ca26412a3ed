// Seeded pseudo-random numbers so that every shuffle, split and weight initialisation is reproducible.

/** A generator of floats in [0, 1); the same seed always yields the same sequence. */
export type Rng = () => number

/** mulberry32: a tiny 32-bit generator, fast and good enough for shuffling and initialising weights. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** An integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n)
}

/** A standard normal sample (Box–Muller); used for weight initialisation. */
export function randomNormal(rng: Rng): number {
  const u = 1 - rng() // (0, 1]: log stays finite
  const v = rng()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}

/** Shuffles `array` in place (Fisher–Yates) and returns it. */
export function shuffle<T>(array: T[], rng: Rng): T[] {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1))
    const tmp = array[i]
    array[i] = array[j]
    array[j] = tmp
  }
  return array
}

/** 0, 1, …, n − 1 in a seeded random order. */
export function permutation(n: number, rng: Rng): number[] {
  return shuffle(Array.from({ length: n }, (_, i) => i), rng)
}
