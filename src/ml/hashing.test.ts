import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fnv1a32, hashFeature, hashFeatures } from './hashing.js'

function referenceFnv(bytes: Uint8Array): number {
  let h = 0x811c9dc5
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0
  return h >>> 0
}

test('FNV-1a 32 matches the published test vectors', () => {
  assert.equal(fnv1a32(''), 0x811c9dc5)
  assert.equal(fnv1a32('a'), 0xe40c292c)
  assert.equal(fnv1a32('foobar'), 0xbf9cf968)
})

test('non-ASCII text hashes its UTF-8 bytes (2-, 3- and 4-byte characters)', () => {
  for (const text of ['café', '€uro', 'emoji 😀 here', 'naïve—quote']) {
    assert.equal(fnv1a32(text), referenceFnv(new TextEncoder().encode(text)), text)
  }
})

test('hashFeature: index = hash mod dims; the sign trick gives both signs, deterministically', () => {
  assert.deepEqual(hashFeature('a', 10), { index: 0xe40c292c % 10, sign: 1 })
  assert.throws(() => hashFeature('a', 0), RangeError)
  const signs = new Set<number>()
  for (let i = 0; i < 200; i++) {
    const f = hashFeature(`w=${i}`, 1024, true)
    assert.ok(f.index >= 0 && f.index < 1024)
    assert.deepEqual(hashFeature(`w=${i}`, 1024, true), f)
    signs.add(f.sign)
  }
  assert.deepEqual([...signs].sort(), [-1, 1])
})

test('hashFeatures sums repeated names into one sorted sparse vector', () => {
  const v = hashFeatures(['x', ['y', 2], 'x'], { dims: 1 << 20 })
  const ix = hashFeature('x', 1 << 20).index
  const iy = hashFeature('y', 1 << 20).index
  const expected = new Map([[ix, 2], [iy, 2]])
  assert.deepEqual([...v.indices], [...expected.keys()].sort((a, b) => a - b))
  for (let i = 0; i < v.indices.length; i++) assert.equal(v.values[i], expected.get(v.indices[i]))
})
