// Turns (headline, body) pairs into feature vectors, profiling each body once and keeping recent bodies in an LRU cache.
import { profileText, type IdfTable, type TextProfile } from './profile.js'
import { stanceFeatures } from './pair-features.js'

export interface StanceFeaturizer {
  /** The profile of a body, cached under `key` (a body id, an article key). */
  body(key: string, text: string): TextProfile
  /** The profile of a headline or claim (short, not cached). */
  headline(text: string): TextProfile
  features(headline: TextProfile, body: TextProfile): Float64Array
}

/** A featurizer over one IDF table; `cacheSize` bodies stay profiled (default 2,000). */
export function createStanceFeaturizer(idf: IdfTable, cacheSize = 2000): StanceFeaturizer {
  const cache = new Map<string, TextProfile>()
  return {
    body(key, text) {
      const hit = cache.get(key)
      if (hit) {
        cache.delete(key)
        cache.set(key, hit)
        return hit
      }
      const profile = profileText(text, idf)
      cache.set(key, profile)
      if (cache.size > cacheSize) cache.delete(cache.keys().next().value!)
      return profile
    },
    headline: (text) => profileText(text, idf),
    features: stanceFeatures,
  }
}
