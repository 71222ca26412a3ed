// Step 2 of coreference: link titles to people ("President Trump", "the Attorney General, Jeff Sessions") and resolve
// later "the president" / "the A.G." to the person the article (or the known-entity table) links the title to.
import type { AnnotatedDocument, Token } from '../../document/types.js'
import { canonicalTitle, lexicon } from '../shared/lexicon.js'
import type { KnownEntityTable } from '../shared/known-entities.js'
import type { Cluster, WorkMention } from './clusters.js'

interface TitleMatch {
  first: number
  last: number
  key: string
}

interface Link {
  cluster: number
  at: number
}

/** Adds title links to clusters and resolved title mentions (kind 'title', span without "the") to their clusters. */
export function resolveTitles(doc: AnnotatedDocument, clusters: Cluster[], table: KnownEntityTable): void {
  const { tokens } = doc
  const personAt = new Int32Array(tokens.length).fill(-1) // token → cluster index, at the first token of a person mention
  const personEndingAt = new Int32Array(tokens.length).fill(-1)
  clusters.forEach((c, index) => {
    if (c.type !== 'person') return
    for (const m of c.mentions) {
      if (m.tokenStart < tokens.length) personAt[m.tokenStart] = index
      if (m.tokenEnd > 0) personEndingAt[m.tokenEnd - 1] = index
    }
  })
  const links = new Map<string, Link[]>()
  const index = titleEntries(table)
  const link = (key: string, cluster: number, at: number) => {
    // "French President Emmanuel Macron" also makes him "the president".
    const base = baseTitle(key, index)
    if (base !== key) link(base, cluster, at)
    const list = links.get(key) ?? []
    list.push({ cluster, at })
    links.set(key, list)
    clusters[cluster]!.titles.add(key)
    const lex = lexicon()
    const word = key.split(' ').at(-1)!
    if (clusters[cluster]!.gender === null) {
      if (lex.femaleWords.has(word)) clusters[cluster]!.gender = 'f'
      else if (lex.maleWords.has(word)) clusters[cluster]!.gender = 'm'
    }
  }
  const pending: { match: TitleMatch; cluster: number }[] = []
  for (let i = 0; i < tokens.length; i++) {
    const match = matchTitle(tokens, i, table, index)
    if (!match) continue
    const after = match.last + 1
    const theAt = determinerBefore(tokens, i)
    const the = theAt >= 0
    if (after < tokens.length && personAt[after] >= 0 && sameSentence(tokens, i, after)) {
      // "President Trump", "former president Barack Obama": a title written before the name.
      link(match.key, personAt[after], tokens[i]!.start)
      i = match.last
      continue
    }
    if (the && tokens[after]?.lower === ',' && after + 1 < tokens.length && personAt[after + 1] >= 0) {
      // "the Attorney General, Jeff Sessions"
      link(match.key, personAt[after + 1], tokens[i]!.start)
      pending.push({ match, cluster: personAt[after + 1] })
      i = match.last
      continue
    }
    if (the && theAt >= 2 && tokens[theAt - 1]!.lower === ',' && personEndingAt[theAt - 2] >= 0) {
      // "Jeff Sessions, the attorney general", "Rosa Delgado, the state attorney general"
      link(match.key, personEndingAt[theAt - 2], tokens[i]!.start)
      pending.push({ match, cluster: personEndingAt[theAt - 2] })
      i = match.last
      continue
    }
    if (the && tokens[after]?.lower !== 'of') pending.push({ match, cluster: -1 })
    i = match.last
  }
  for (const list of links.values()) list.sort((a, b) => a.at - b.at)
  const roles = new Map<string, number>()
  for (const { match, cluster } of pending) {
    const at = tokens[match.first]!.start
    let target = cluster >= 0 ? cluster : resolve(match.key, at, links, clusters, table)
    if (target < 0) target = roleEntity(match.key, doc.text.slice(tokens[match.first]!.start, tokens[match.last]!.end), clusters, roles)
    if (target < 0) continue
    const first = tokens[match.first]!
    const last = tokens[match.last]!
    const mention: WorkMention = {
      start: first.start,
      end: last.end,
      kind: 'title',
      sentence: first.sentence,
      tokenStart: match.first,
      tokenEnd: match.last + 1,
    }
    clusters[target]!.mentions.push(mention)
  }
}

interface TitleEntry {
  words: string[]
  key: string
}

const merged = new WeakMap<object, Map<string, TitleEntry[]>>()
let lexiconOnly: Map<string, TitleEntry[]> | undefined

// One index per known-entity table: the lexicon's titles plus the table's, each with its canonical key, longest first.
function titleEntries(table?: KnownEntityTable): Map<string, TitleEntry[]> {
  const cached = table ? merged.get(table) : lexiconOnly
  if (cached) return cached
  const index = new Map<string, TitleEntry[]>()
  for (const source of table ? [lexicon().titleIndex, table.titleIndex] : [lexicon().titleIndex]) {
    for (const [first, list] of source) {
      const entries = index.get(first) ?? []
      for (const words of list) {
        const key = canonicalTitle(words.join(' '))
        if (!entries.some((e) => e.words.join(' ') === words.join(' '))) entries.push({ words, key })
      }
      entries.sort((a, b) => b.words.length - a.words.length)
      index.set(first, entries)
    }
  }
  if (table) merged.set(table, index)
  else lexiconOnly = index
  return index
}

// "The minister supposedly offered … She has denied …": an office the article never names stays one entity, named by
// the office, so later pronouns and speakers can point to it. Only single offices (not "analyst", "lawyer").
function roleEntity(key: string, written: string, clusters: Cluster[], roles: Map<string, number>): number {
  if (!OFFICES.has(key) && !OFFICES.has(key.split(' ').at(-1)!)) return -1
  let index = roles.get(key)
  if (index === undefined) {
    index = clusters.length
    // Named as first written, minus a sentence-initial capital on a plain word ("Minister" → "minister").
    const name = /^\p{Lu}\p{Ll}+$/u.test(written) ? written.toLowerCase() : written
    clusters.push({ name, type: 'person', gender: null, known: null, titles: new Set([key]), mentions: [] })
    roles.set(key, index)
  }
  return index
}

const OFFICES = new Set([
  'president', 'minister', 'chancellor', 'premier', 'king', 'queen', 'pope', 'general', 'secretary', 'senator', 'governor',
  'mayor', 'speaker', 'judge', 'justice', 'sheriff', 'commissioner', 'ambassador', 'chair', 'director', 'chief executive',
  'prosecutor', 'attorney general', 'spokesman', 'spokeswoman', 'spokesperson', 'coach', 'captain', 'principal', 'superintendent',
])

/** The longest title starting at token i ("attorney general", "a.g.", "president"), or null. */
export function matchTitle(tokens: readonly Token[], i: number, table?: KnownEntityTable, index = titleEntries(table)): TitleMatch | null {
  const entries = index.get(tokens[i]!.lower)
  if (!entries) return null
  for (const { words, key } of entries) {
    let ok = i + words.length <= tokens.length
    for (let k = 1; ok && k < words.length; k++) ok = tokens[i + k]!.lower === words[k]
    if (ok) return { first: i, last: i + words.length - 1, key }
  }
  return null
}

// The title a modified one falls back to: "french president" → "president", "white house press secretary" → "press
// secretary". Modifiers that name another office ("vice president", "deputy attorney general") keep the full key.
// Per title index (one per known-entity table), each key's base title: the keys are the index's own, so it stays small.
const baseTitles = new WeakMap<Map<string, TitleEntry[]>, Map<string, string>>()

function baseTitle(key: string, index: Map<string, TitleEntry[]>): string {
  let bases = baseTitles.get(index)
  if (!bases) baseTitles.set(index, (bases = new Map()))
  let base = bases.get(key)
  if (base === undefined) bases.set(key, (base = baseTitleOf(key, index)))
  return base
}

function baseTitleOf(key: string, index: Map<string, TitleEntry[]>): string {
  const words = key.split(' ')
  for (let k = 1; k < words.length; k++) {
    if (OTHER_OFFICE.has(words[k - 1]!)) return key
    const tail = words.slice(k)
    if ((index.get(tail[0]!) ?? []).some((e) => e.words.join(' ') === tail.join(' '))) return canonicalTitle(tail.join(' '))
  }
  return key
}

const OTHER_OFFICE = new Set(['vice', 'deputy', 'assistant', 'former', 'acting', 'interim', 'lieutenant', 'under', 'associate', 'prime', 'first', 'co', 'chief', 'special', 'solicitor', 'surgeon', 'inspector', 'attorney'])

// "the attorney general", "the state attorney general", "the former president": "the" and at most two modifiers.
function determinerBefore(tokens: readonly Token[], i: number): number {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const t = tokens[k]!
    if (t.lower === 'the') return k
    if (t.kind !== 'word' || t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'ADP' || t.pos === 'PRON') return -1
  }
  return -1
}

function sameSentence(tokens: readonly Token[], a: number, b: number): boolean {
  return tokens[a]!.sentence === tokens[b]!.sentence
}

// Article links first (the latest before the mention, else the first after); else a known holder the article mentions.
function resolve(key: string, at: number, links: Map<string, Link[]>, clusters: Cluster[], table: KnownEntityTable): number {
  const list = links.get(key)
  if (list && list.length > 0) {
    let best = list[0]!
    for (const l of list) if (l.at < at) best = l
    return best.cluster
  }
  const holders = table.byTitle.get(key)
  if (!holders) return -1
  let best = -1
  let bestAt = -Infinity
  clusters.forEach((c, index) => {
    if (!c.known || !holders.includes(c.known)) return
    let latest = -Infinity
    for (const m of c.mentions) if (m.start < at && m.start > latest) latest = m.start
    if (best < 0 || latest > bestAt) {
      best = index
      bestAt = latest
    }
  })
  return best
}
