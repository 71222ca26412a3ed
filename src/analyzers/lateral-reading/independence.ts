// Independent sources among related coverage: one outlet counts once, and syndicated copies of one story count once.
import type { Evidence, EvidenceSummary, Stance } from '../../report/types.js'
import { outletKey } from '../../nlp/outlet-identity.js'
import { letterDigitRuns } from '../../nlp/words.js'

/** Words per shingle and the words of a body that are fingerprinted (syndicated copies share their opening). */
const SHINGLE = 4
const FINGERPRINT_WORDS = 200
/** Share of the smaller fingerprint found in the other above which two bodies are one story (wire copy, light edits). */
const SAME_STORY = 0.5

/** Hashed word shingles of a body's opening. */
export function storyFingerprint(body: string): Set<number> {
  const words = letterDigitRuns(body.toLowerCase()).slice(0, FINGERPRINT_WORDS)
  const shingles = new Set<number>()
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    let h = 0x811c9dc5
    for (let k = i; k < i + SHINGLE; k++) {
      const word = words[k]!
      for (let c = 0; c < word.length; c++) h = Math.imul(h ^ word.charCodeAt(c), 0x01000193)
      h = Math.imul(h ^ 32, 0x01000193)
    }
    shingles.add(h >>> 0)
  }
  return shingles
}

/** True when two fingerprints are copies of one story. */
export function sameStory(a: Set<number>, b: Set<number>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  if (small.size === 0) return false
  let shared = 0
  for (const shingle of small) if (large.has(shingle)) shared++
  return shared / small.size >= SAME_STORY
}

/**
 * Groups items into independent sources: two items are one source when they share an outlet or are copies of one story
 * (transitively). Returns a group id per item, in input order; items without an outlet are grouped by story only.
 */
export function sourceGroups(items: readonly { outlet: string | null; fingerprint: Set<number> }[]): number[] {
  const parent = items.map((_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!
    return i
  }
  const union = (a: number, b: number) => {
    const ra = find(a)
    const rb = find(b)
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb)
  }
  const byOutlet = new Map<string, number>()
  items.forEach((item, i) => {
    if (!item.outlet) return
    const key = outletKey(item.outlet)
    const first = byOutlet.get(key)
    if (first === undefined) byOutlet.set(key, i)
    else union(first, i)
  })
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (find(i) !== find(j) && sameStory(items[i]!.fingerprint, items[j]!.fingerprint)) union(i, j)
    }
  }
  return items.map((_, i) => find(i))
}

/** Distinct outlets per stance; the evidence list has one item per independent source (see related.ts). */
export function summarizeEvidence(evidence: readonly Evidence[]): EvidenceSummary {
  const outlets: Record<Stance, Set<string>> = { agree: new Set(), disagree: new Set(), discuss: new Set(), unrelated: new Set() }
  evidence.forEach((item, i) => outlets[item.stance].add(item.outlet ? outletKey(item.outlet) : `#${i}`))
  return { corroboratedBy: outlets.agree.size, contradictedBy: outlets.disagree.size, discussedBy: outlets.discuss.size }
}
