// Step 1 of coreference: start from the annotator's entities, give them known-entity names, add known aliases it missed.
import type { AnnotatedDocument, Entity, EntityType } from '../../document/types.js'
import type { MentionKind } from './types.js'
import { isAllCaps, isCapitalized, tokenAtOrAfter, tokenEndingBy } from '../shared/doc-index.js'
import { leadRun, type KnownEntity, type KnownEntityTable } from '../shared/known-entities.js'
import { knownOutlet, type OutletTable } from '../../nlp/outlets.js'
import { lexicon } from '../shared/lexicon.js'
import { roleWordBeforeGivenName } from '../shared/common-noun.js'
import { FIRST_NAMES } from '../../nlp/gazetteer.js'

export interface WorkMention {
  start: number
  end: number
  kind: MentionKind
  sentence: number
  tokenStart: number
  tokenEnd: number
}

export interface Cluster {
  name: string
  type: EntityType
  gender: 'm' | 'f' | null
  known: KnownEntity | null
  titles: Set<string>
  mentions: WorkMention[]
}

/** Clusters seeded from `doc.entities`, renamed and merged through the known-entity table, plus alias mentions. */
export function seedClusters(doc: AnnotatedDocument, table: KnownEntityTable, outlets: OutletTable): Cluster[] {
  const clusters: Cluster[] = []
  const byKnown = new Map<KnownEntity, Cluster>()
  const covered = new Uint8Array(doc.tokens.length)
  for (const raw of doc.entities) {
    const entity = withSentenceStarts(doc, raw, table)
    const mentions = entity.mentions.map((m) => toWorkMention(doc, m.start, m.end, m.sentence, kindOf(entity.name, m.text)))
    for (const m of mentions) covered.fill(1, m.tokenStart, m.tokenEnd)
    const known = entity.type === 'date' || entity.type === 'place' ? null : knownFor(entity, table)
    const existing = known ? byKnown.get(known) : undefined
    if (existing) {
      for (const m of mentions) existing.mentions.push(m)
      continue
    }
    const cluster: Cluster = {
      name: known?.name ?? entity.name,
      type: known && known.type !== 'other' ? known.type : personByEvidence(doc, entity),
      gender: known?.gender ?? null,
      known,
      titles: new Set(known?.titles ?? []),
      mentions,
    }
    if (!known && cluster.type === 'organization') cluster.name = knownOutlet(outlets, entity.name) ?? entity.name
    if (known) byKnown.set(known, cluster)
    clusters.push(cluster)
  }
  addAliasMentions(doc, table, clusters, byKnown, covered)
  addSentenceStartNames(doc, clusters, covered)
  return clusters
}

/**
 * "Velora Motors recalled 80,000 cars": two to four capitalized proper nouns opening a sentence, which the annotator
 * left out as possibly ordinary capitalized words, make a name when a lower-case word follows them.
 */
function addSentenceStartNames(doc: AnnotatedDocument, clusters: Cluster[], covered: Uint8Array): void {
  const { tokens, text } = doc
  const lex = lexicon()
  // The first cluster of each name (what clusters.find by name returns), kept up to date as clusters are added.
  const byName = new Map<string, Cluster>()
  for (const c of clusters) if (!byName.has(c.name)) byName.set(c.name, c)
  for (const s of doc.sentences) {
    let end = s.tokenStart
    while (end < s.tokenEnd && end - s.tokenStart < 4 && !covered[end] && tokens[end]!.pos === 'PROPN' && tokens[end]!.kind === 'word' && isCapitalized(text, tokens[end]!)) end++
    if (end - s.tokenStart < 2 || end >= s.tokenEnd || isCapitalized(text, tokens[end]!) || tokens[end]!.kind !== 'word') continue
    if (lex.titleIndex.has(tokens[s.tokenStart]!.lower) || lex.honorifics.has(tokens[s.tokenStart]!.lower)) continue
    const start = tokens[s.tokenStart]!.start
    const name = text.slice(start, tokens[end - 1]!.end)
    const words = name.toLowerCase().split(' ')
    const verb = lex.verbs.get(tokens[end]!.lower)
    const type: EntityType = words.some((w) => lex.organizationHeads.has(w) || lex.outletWords.has(w))
      ? 'organization'
      : FIRST_NAMES.has(words[0]!) || (verb && (verb.classes.has('speech') || verb.classes.has('stance')))
        ? 'person'
        : 'other'
    const mention: WorkMention = { start, end: tokens[end - 1]!.end, kind: 'name', sentence: s.index, tokenStart: s.tokenStart, tokenEnd: end }
    const existing = byName.get(name)
    if (existing) existing.mentions.push(mention)
    else {
      const cluster: Cluster = { name, type, gender: null, known: null, titles: new Set(), mentions: [mention] }
      clusters.push(cluster)
      byName.set(name, cluster)
    }
    covered.fill(1, s.tokenStart, end)
  }
}

/**
 * "Brightline Energy admitted …": the annotator may leave out a sentence's first word as a possibly ordinary word. A
 * first word the tagger reads as a proper noun, written right before the mention, belongs to the name.
 */
function withSentenceStarts(doc: AnnotatedDocument, entity: Entity, table: KnownEntityTable): Entity {
  if (entity.type === 'date' || entity.type === 'place') return entity
  const { tokens, text } = doc
  let changed = false
  const mentions = entity.mentions.map((m) => {
    const s = doc.sentences[m.sentence]
    if (!s || s.tokenEnd - s.tokenStart < 2) return m
    const first = tokens[s.tokenStart]!
    const second = tokens[s.tokenStart + 1]!
    if (second.start !== m.start || !isCapitalized(text, first) || text.slice(first.end, second.start) !== ' ') return m
    // "Downing Street said": the tagger may read the first word as a verb; a known name settles it.
    if (first.pos !== 'PROPN' && !table.bySurface.has(text.slice(first.start, m.end))) return m
    if (lexicon().titleIndex.has(first.lower) || lexicon().honorifics.has(first.lower)) return m
    // "Shopkeeper Declan Moore sees it differently": a role word before a person's given name stays outside the name.
    if (entity.type === 'person' && second.end < m.end && roleWordBeforeGivenName(first.lower, second.lower)) return m
    changed = true
    return { ...m, start: first.start, text: text.slice(first.start, m.end) }
  })
  if (!changed) return entity
  let name = entity.name
  for (const m of mentions) if (m.text.length > name.length) name = m.text
  const words = name.toLowerCase().split(/\s+/)
  const type = words.some((w) => lexicon().organizationHeads.has(w)) ? 'organization' : entity.type
  return { ...entity, name, type, mentions }
}

// "Ravi Menon" typed 'other' by the annotator: a two- or three-word name is a person when it starts with a known
// first name, or when a speech verb follows one of its mentions ("Ravi Menon accused …") and no word says organization.
function personByEvidence(doc: AnnotatedDocument, entity: Entity): EntityType {
  if (entity.type !== 'other') return entity.type
  const words = entity.name.split(' ')
  if (words.length < 2 || words.length > 3) return entity.type
  if (FIRST_NAMES.has(words[0]!.toLowerCase())) return 'person'
  const lex = lexicon()
  if (words.some((w) => lex.organizationHeads.has(w.toLowerCase()) || lex.outletWords.has(w.toLowerCase()))) return entity.type
  for (const m of entity.mentions) {
    const next = doc.tokens[tokenAtOrAfter(doc.tokens, m.end)]
    const verb = next ? lex.verbs.get(next.lower) : undefined
    if (verb && (verb.classes.has('speech') || verb.classes.has('stance') || verb.classes.has('cognition'))) return 'person'
  }
  return entity.type
}

function toWorkMention(doc: AnnotatedDocument, start: number, end: number, sentence: number, kind: MentionKind): WorkMention {
  return { start, end, kind, sentence, tokenStart: tokenAtOrAfter(doc.tokens, start), tokenEnd: tokenEndingBy(doc.tokens, end) + 1 }
}

// By the name's first and last space-separated words, compared in place (no split per entity): for a text without a
// space, text === last word ⇔ the name ends with " " + text, and likewise for the first word.
function kindOf(name: string, text: string): MentionKind {
  if (text.includes(' ') || !name.includes(' ')) return 'name'
  if (name.endsWith(text) && name.charCodeAt(name.length - text.length - 1) === 32) return 'surname'
  if (name.startsWith(text) && name.charCodeAt(text.length) === 32) return 'first-name'
  return text.length >= 2 && text === text.toUpperCase() && text !== text.toLowerCase() ? 'acronym' : 'name'
}

/** The one known entity the annotator's entity names (by its name or any mention), or null when none or ambiguous. */
function knownFor(entity: Entity, table: KnownEntityTable): KnownEntity | null {
  let best: KnownEntity | null = null
  let bestLength = 0
  let ambiguous = false
  // "Harris" names Kamala Harris only when the article gives no fuller name ("Mel Harris") for this entity.
  const multiWord = entity.name.includes(' ') || entity.mentions.some((m) => m.text.includes(' '))
  const surfaces = new Set([entity.name, ...entity.mentions.map((m) => m.text)].filter((t) => !multiWord || t.includes(' ')))
  for (const raw of surfaces) {
    const surface = raw.includes('’') || /^the\s/i.test(raw) ? raw.replace(/’/g, "'").replace(/^the\s+/i, '') : raw
    const found = table.bySurface.get(surface)
    if (!found) continue
    if (found.length > 1) {
      if (surface.length > bestLength) ambiguous = true
      continue
    }
    if (surface.length > bestLength) {
      best = found[0]!
      bestLength = surface.length
      ambiguous = false
    }
  }
  return ambiguous ? null : best
}

// Known aliases the annotator did not mark ("the Fed", "GOP", "Mr. Trump"): one pass, a map lookup per capitalized token.
function addAliasMentions(
  doc: AnnotatedDocument,
  table: KnownEntityTable,
  clusters: Cluster[],
  byKnown: Map<KnownEntity, Cluster>,
  covered: Uint8Array,
): void {
  const { text, tokens } = doc
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (covered[i] || token.kind !== 'word' || !isCapitalized(text, token)) continue
    const candidates = table.byLead.get(leadRun(text.slice(token.start, token.end)))
    if (!candidates) continue
    for (const surface of candidates) {
      const end = token.start + surface.length
      if (!sameText(text, token.start, surface) || /[\p{L}\p{N}]/u.test(text[end] ?? ' ')) continue
      const last = tokenEndingBy(tokens, end)
      if (last < i || tokens[last]!.end !== end) continue
      let free = true
      for (let k = i; k <= last; k++) if (covered[k]) free = false
      const owners = table.bySurface.get(surface)!
      // A lone all-caps word at sentence start may be a shouted word rather than an acronym.
      if (!free || owners.length !== 1 || (last === i && isAllCaps(text, token) && surface.length < 2)) break
      const known = owners[0]!
      let cluster = byKnown.get(known)
      if (!cluster) {
        cluster = { name: known.name, type: known.type, gender: known.gender, known, titles: new Set(known.titles), mentions: [] }
        byKnown.set(known, cluster)
        clusters.push(cluster)
      }
      const kind: MentionKind = surface === known.name ? 'name' : /^[\p{Lu}.&]+$/u.test(surface) ? 'acronym' : 'alias'
      cluster.mentions.push({ start: token.start, end, kind, sentence: token.sentence, tokenStart: i, tokenEnd: last + 1 })
      covered.fill(1, i, last + 1)
      i = last
      break
    }
  }
}

function sameText(text: string, at: number, surface: string): boolean {
  if (text.startsWith(surface, at)) return true
  return surface.includes("'") && text.startsWith(surface.replace(/'/g, '’'), at)
}
