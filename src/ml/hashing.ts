// Feature hashing: strings → indices in a fixed-size space, with an optional sign bit to cancel collisions on average.
import { SparseVectorBuilder, type SparseVector } from './sparse-vector.js'

export { SparseVectorBuilder, l2Normalize, dot, cosineSparse, type SparseVector } from './sparse-vector.js'

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

/** FNV-1a 32-bit over the UTF-8 bytes of `text` (unsigned result; matches the reference test vectors). */
export function fnv1a32(text: string, seed = FNV_OFFSET): number {
  let h = seed >>> 0
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i)
    if (c < 0x80) {
      h = Math.imul(h ^ c, FNV_PRIME)
      continue
    }
    // Encode the code point as UTF-8 on the fly so the hash does not depend on JavaScript's UTF-16 storage.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1)
      if (low >= 0xdc00 && low <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00)
        i++
      }
    }
    if (c < 0x800) {
      h = Math.imul(h ^ (0xc0 | (c >> 6)), FNV_PRIME)
    } else if (c < 0x10000) {
      h = Math.imul(h ^ (0xe0 | (c >> 12)), FNV_PRIME)
      h = Math.imul(h ^ (0x80 | ((c >> 6) & 0x3f)), FNV_PRIME)
    } else {
      h = Math.imul(h ^ (0xf0 | (c >> 18)), FNV_PRIME)
      h = Math.imul(h ^ (0x80 | ((c >> 12) & 0x3f)), FNV_PRIME)
      h = Math.imul(h ^ (0x80 | ((c >> 6) & 0x3f)), FNV_PRIME)
    }
    h = Math.imul(h ^ (0x80 | (c & 0x3f)), FNV_PRIME)
  }
  return h >>> 0
}

/** murmur3's finaliser: spreads the bits of a 32-bit hash (used to derive an independent sign bit). */
export function mix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

export interface HashedFeature {
  index: number
  /** +1 or −1 with the sign trick, always +1 without it. */
  sign: 1 | -1
}

/** Maps a feature name to an index in [0, dims) and, when `signed`, a ±1 sign from independent hash bits. */
export function hashFeature(name: string, dims: number, signed = false): HashedFeature {
  if (!Number.isInteger(dims) || dims <= 0) throw new RangeError(`dims must be a positive integer, got ${dims}`)
  const h = fnv1a32(name)
  return { index: h % dims, sign: signed && mix32(h) >>> 31 === 1 ? -1 : 1 }
}

export interface HashOptions {
  dims: number
  /** Apply the sign trick (default false). */
  signed?: boolean
}

/** Hashes weighted feature names into one sparse vector; names may repeat (counts add up). */
export function hashFeatures(features: Iterable<string | readonly [string, number]>, options: HashOptions): SparseVector {
  const builder = new SparseVectorBuilder()
  for (const feature of features) {
    const [name, value] = typeof feature === 'string' ? [feature, 1] : feature
    const { index, sign } = hashFeature(name, options.dims, options.signed ?? false)
    builder.add(index, sign * value)
  }
  return builder.build()
}
