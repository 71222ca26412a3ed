// Step 3 of coreference: "the company", "the airline", "the ministry" → the organization the article just named.
import type { AnnotatedDocument } from '../../document/types.js'
import { firstStartingAt, insideSorted } from '../shared/doc-index.js'
import { knownOutlet, type OutletTable } from '../../nlp/outlets.js'
import type { QuoteRegion } from '../shared/quote-marks.js'
import type { Cluster } from './clusters.js'
import nominals from './org-nominals.json' with { type: 'json' }

const NOUNS: ReadonlySet<string> = new Set(nominals.nouns)
// How far back an organization may be to be "the company" now: name match / any organization.
const NAMED_REACH = 6
const ANY_REACH = 2

function opensSentence(doc: AnnotatedDocument, token: number): boolean {
  const start = doc.sentences[doc.tokens[token]?.sentence ?? -1]?.tokenStart
  return start === token || (start === token - 1 && doc.tokens[start]!.lower === 'the')
}

/** Adds 'nominal' mentions for "the" + organization noun to the organization they refer back to. */
export function resolveNominals(doc: AnnotatedDocument, clusters: Cluster[], quotes: readonly QuoteRegion[], outlets: OutletTable): void {
  const { tokens } = doc
  const top = quotes.filter((q) => q.depth === 0)
  const orgs: { cluster: number; start: number; sentence: number; subject: boolean }[] = []
  clusters.forEach((c, index) => {
    const candidate = c.type === 'organization' || (c.type === 'other' && c.name.includes(' '))
    if (!candidate || knownOutlet(outlets, c.name)) return
    for (const m of c.mentions) orgs.push({ cluster: index, start: m.start, sentence: m.sentence, subject: opensSentence(doc, m.tokenStart) })
  })
  if (orgs.length === 0) return
  orgs.sort((a, b) => a.start - b.start)
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!
    if (tokens[i - 1]!.lower !== 'the' || !NOUNS.has(t.lower)) continue
    const next = tokens[i + 1]
    if (next && (next.lower === 'of' || next.lower === "'s" || (next.kind === 'word' && /^\p{Lu}/u.test(doc.text.slice(next.start, next.end))))) continue
    if (insideSorted(top, t.start, t.end)) continue
    let target = -1
    // Organizations mentioned before the noun, nearest first (orgs is sorted by start).
    for (let k = firstStartingAt(orgs, t.start) - 1; k >= 0; k--) {
      const o = orgs[k]!
      if (t.sentence - o.sentence > NAMED_REACH) break
      if (clusters[o.cluster]!.name.toLowerCase().includes(t.lower)) {
        target = o.cluster
        break
      }
      // Without a matching name, only an organization that was the subject of a recent sentence ("Nimbus Cloud lost …",
      // not "a filing with the SEC").
      if (target < 0 && o.subject && t.sentence - o.sentence <= ANY_REACH) target = o.cluster
    }
    if (target < 0) continue
    clusters[target]!.mentions.push({ start: t.start, end: t.end, kind: 'nominal', sentence: t.sentence, tokenStart: i, tokenEnd: i + 1 })
  }
}
