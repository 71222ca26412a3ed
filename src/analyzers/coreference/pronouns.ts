// Step 3 of coreference: third-person singular pronouns (he, his, she, her, …) outside quotes → a person mentioned before.
import type { AnnotatedDocument } from '../../document/types.js'
import { insideSorted } from '../shared/doc-index.js'
import type { QuoteRegion } from '../shared/quote-marks.js'
import type { Cluster } from './clusters.js'

const PRONOUNS = new Map<string, { gender: 'm' | 'f'; reflexive: boolean }>([
  ['he', { gender: 'm', reflexive: false }],
  ['him', { gender: 'm', reflexive: false }],
  ['his', { gender: 'm', reflexive: false }],
  ['himself', { gender: 'm', reflexive: true }],
  ['she', { gender: 'f', reflexive: false }],
  ['her', { gender: 'f', reflexive: false }],
  ['hers', { gender: 'f', reflexive: false }],
  ['herself', { gender: 'f', reflexive: true }],
])
// What every key above shares (first letters, longest length), derived from it: most tokens are ruled out by these
// before the map lookup.
const PRONOUN_FIRST_CODES = new Set([...PRONOUNS.keys()].map((p) => p.charCodeAt(0)))
const PRONOUN_MAX_LENGTH = Math.max(...[...PRONOUNS.keys()].map((p) => p.length))

// How many sentences back a pronoun may look for its person.
const LOOKBACK = 3

interface PersonMention {
  cluster: number
  start: number
  sentence: number
}

/**
 * Resolves pronouns by salience: in the pronoun's own sentence the first compatible person before it (the subject;
 * the closest one for reflexives), else the first compatible person of the nearest earlier sentence that has one.
 * Mentions inside quotes are skipped: "I" and "he" there belong to the speaker's world, not the article's.
 */
export function resolvePronouns(doc: AnnotatedDocument, clusters: Cluster[], quotes: readonly QuoteRegion[]): void {
  const topLevel = quotes.filter((q) => q.depth === 0)
  const bySentence = new Map<number, PersonMention[]>()
  clusters.forEach((c, index) => {
    if (c.type !== 'person') return
    for (const m of c.mentions) {
      if (insideSorted(topLevel, m.start, m.end)) continue
      const list = bySentence.get(m.sentence) ?? []
      list.push({ cluster: index, start: m.start, sentence: m.sentence })
      bySentence.set(m.sentence, list)
    }
  })
  for (const list of bySentence.values()) list.sort((a, b) => a.start - b.start)
  const compatible = (m: PersonMention, gender: 'm' | 'f') => {
    const g = clusters[m.cluster]!.gender
    return g === null || g === gender
  }
  const { tokens } = doc
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (token.lower.length > PRONOUN_MAX_LENGTH || !PRONOUN_FIRST_CODES.has(token.lower.charCodeAt(0))) continue
    const pronoun = PRONOUNS.get(token.lower)
    if (!pronoun || insideSorted(topLevel, token.start, token.end)) continue
    let target = -1
    const own = bySentence.get(token.sentence) ?? []
    for (const m of own) {
      if (m.start >= token.start) break
      if (!compatible(m, pronoun.gender)) continue
      target = m.cluster
      if (!pronoun.reflexive) break
    }
    for (let s = token.sentence - 1; target < 0 && s >= 0 && s >= token.sentence - LOOKBACK; s--) {
      const found = (bySentence.get(s) ?? []).find((m) => compatible(m, pronoun.gender))
      if (found) target = found.cluster
    }
    if (target < 0) continue
    const cluster = clusters[target]!
    cluster.gender ??= pronoun.gender
    cluster.mentions.push({ start: token.start, end: token.end, kind: 'pronoun', sentence: token.sentence, tokenStart: i, tokenEnd: i + 1 })
  }
}
