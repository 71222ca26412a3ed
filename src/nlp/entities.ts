// Group name and date mentions into the entities of one article: "Jeff Sessions" / "Sessions" / "Session", "DNC" ↔
// "Democratic National Committee", "the Clintons" → "Clinton family".

import type { Entity, EntityMention, EntityType, Token } from '../document/types.js'
import { ORG_CUES, PLACES } from './gazetteer.js'
import type { NameCandidate, NameType } from './names.js'
import { lowerBound, upperBound } from '../util/sorted.js'

/** A mention with a type decided before grouping (dates, "Source:" outlet names). */
export interface TypedMention {
  start: number
  end: number
  key: string
  type: EntityType
  sentence: number
}

interface Group {
  type: EntityType | null
  personHint: boolean
  mentions: EntityMention[]
  /** Lower-cased words of the longest form, for surname / first-name lookups. */
  words: string[]
  firstAt: number
  /** A fixed canonical name ("Clinton family"); otherwise the longest mention. */
  name?: string
}

/** Build entities (ids in order of first mention) from name candidates and pre-typed mentions. */
export function groupEntities(text: string, tokens: Token[], names: NameCandidate[], typed: TypedMention[]): Entity[] {
  const groups: Group[] = []
  const byKey = new Map<string, Group>()
  // One string per distinct surface form: a long article repeats the same names thousands of times.
  const surfaces = new Map<string, string>()
  // Multi-word groups by first and last word, in creation order (samePerson).
  const byEnds = new Map<string, Group[]>()
  // Built once the multi-word names are in (step 1); from then on it follows every mention added to its groups.
  let persons: PersonIndex | undefined
  const add = (group: Group, start: number, end: number, sentence: number) => {
    const slice = text.slice(start, end)
    let surface = surfaces.get(slice)
    if (surface === undefined) surfaces.set(slice, (surface = slice))
    group.mentions.push({ start, end, text: surface, sentence })
    if (start < group.firstAt) group.firstAt = start
    persons?.noteMention(group, start)
  }
  const newGroup = (key: string, type: EntityType | null, hint: boolean): Group => {
    const group: Group = { type, personHint: hint, mentions: [], words: key.split(' '), firstAt: Infinity }
    groups.push(group)
    byKey.set(key, group)
    if (group.words.length > 1) push(byEnds, endsKey(group.words), group)
    return group
  }

  for (const m of typed) add(byKey.get(m.key) ?? newGroup(m.key, m.type, false), m.start, m.end, m.sentence)

  // 1. Multi-word names first, so that single words can attach to them whatever the order of mention.
  const singles: NameCandidate[] = []
  for (const c of names) {
    if (c.tokenEnd - c.tokenStart === 1 && !c.key.includes(' ')) {
      singles.push(c)
      continue
    }
    let group = byKey.get(c.key)
    if (!group && c.type === 'person') group = samePerson(byEnds, c.key)
    if (!group) group = newGroup(c.key, c.type, c.personHint)
    mergeType(group, c.type, c.personHint)
    add(group, c.start, c.end, c.sentence)
  }
  persons = new PersonIndex(groups.filter((g) => g.type === 'person' && g.words.length > 1))
  const acronymOf = new Map<string, Group>()
  // "Northwind" for "Northwind Energy Inc.", "Thorns" for "Portland Thorns": a distinctive first or last word.
  const orgWord = new Map<string, Group | null>()
  for (const g of groups) {
    if (g.type !== 'organization' || g.words.length < 2) continue
    acronymOf.set(initials(g, text), g)
    for (const w of [g.words[0], g.words[g.words.length - 1]]) {
      if (ORG_CUES.has(w) || PLACES.has(w) || w.length < 3) continue
      orgWord.set(w, orgWord.has(w) && orgWord.get(w) !== g ? null : g)
    }
  }

  // 2. Single words: surname, first name, acronym, "the Clintons", or an entity of their own.
  for (const c of singles) {
    let group = byKey.get(c.key)
    if (!group && c.type !== 'place' && c.type !== 'other') {
      const orgOwner = c.type === null || c.bySpeechOnly ? orgWord.get(c.key) ?? undefined : undefined
      group = persons.owner(c) ?? acronymOf.get(c.key) ?? orgOwner
      if (!group && c.tokenStart > 0 && tokens[c.tokenStart - 1].lower === 'the' && c.key.endsWith('s')) {
        const surname = persons.familyName(c.key)
        if (surname) {
          const key = `${surname.toLowerCase()} family`
          group = byKey.get(key)
          if (!group) {
            group = newGroup(key, 'person', true)
            group.name = `${surname} family`
          }
        }
      }
    }
    group ??= newGroup(c.key, c.type, c.personHint)
    if (!persons.has(group)) mergeType(group, c.type, c.personHint)
    add(group, c.start, c.end, c.sentence)
  }

  groups.sort((x, y) => x.firstAt - y.firstAt)
  return groups.map((g, i) => toEntity(g, i))
}

// "Hillary Rodham Clinton" and "Hillary Clinton" share first and last words: the first such group (in creation order)
// that is a person. Looked up by those words: a scan of every group per name grew with the square of a long text.
function samePerson(byEnds: Map<string, Group[]>, key: string): Group | undefined {
  return byEnds.get(endsKey(key.split(' ')))?.find((g) => g.type === 'person')
}

function endsKey(words: string[]): string {
  return `${words[0]}\u0000${words[words.length - 1]}`
}

// Multi-word person names by last and first word, for attaching "Sessions" and "Hillary" to "Jeff Sessions" and
// "Hillary Clinton".
class PersonIndex {
  private readonly all: Set<Group>
  private readonly bySurname = new Map<string, Group[]>()
  private readonly byFirst = new Map<string, Group[]>()
  /** Each group's mention starts, ascending: "the most recent Clinton before here" by binary search, not a scan. */
  private readonly starts = new Map<Group, number[]>()

  constructor(persons: Group[]) {
    this.all = new Set(persons)
    for (const g of persons) {
      push(this.bySurname, g.words[g.words.length - 1], g)
      push(this.byFirst, g.words[0], g)
      this.starts.set(g, g.mentions.map((m) => m.start).sort((a, b) => a - b))
    }
  }

  /** A mention added to one of these groups after the index was built (single words attach in text order: appended). */
  noteMention(group: Group, start: number): void {
    const starts = this.starts.get(group)
    if (!starts) return
    if (starts.length === 0 || starts[starts.length - 1]! <= start) starts.push(start)
    else starts.splice(upperBound(starts, start), 0, start)
  }

  /**
   * The group mentioned last before `offset` (the first in list order on a tie); the first group when none is. Was a
   * scan of every mention of every group per single-word mention: quadratic in a long text with shared surnames.
   */
  private mostRecentBefore(groups: Group[], offset: number): Group {
    let best = groups[0]!
    let bestAt = -1
    for (const g of groups) {
      const starts = this.starts.get(g)!
      const below = lowerBound(starts, offset) - 1
      if (below >= 0 && starts[below]! > bestAt) {
        best = g
        bestAt = starts[below]!
      }
    }
    return best
  }

  has(group: Group): boolean {
    return this.all.has(group)
  }

  owner(c: NameCandidate): Group | undefined {
    const w = c.key
    const bySurname = this.bySurname.get(w)
    if (bySurname) return bySurname.length === 1 ? bySurname[0] : this.mostRecentBefore(bySurname, c.start)
    const byFirst = this.byFirst.get(w)
    if (byFirst?.length === 1) return byFirst[0]
    // A dropped final "s" ("Session" for "Sessions") in a name long enough not to collide by chance.
    const typo = w.length >= 5 ? this.bySurname.get(`${w}s`) : undefined
    return typo?.length === 1 ? typo[0] : undefined
  }

  /** "clintons" → "Clinton" when an article person is called Clinton, as the article capitalizes it. */
  familyName(key: string): string | undefined {
    const stem = key.slice(0, -1)
    const owner = this.bySurname.get(stem)?.[0]
    if (!owner) return undefined
    const surname = owner.mentions[0].text.split(' ').at(-1) ?? stem
    return surname.toLowerCase() === stem ? surname : stem
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function initials(g: Group, text: string): string {
  const longest = g.mentions.reduce((a, b) => (b.text.length > a.text.length ? b : a))
  let s = ''
  for (const word of text.slice(longest.start, longest.end).split(/[\s-]+/)) {
    const ch = word[0]
    if (ch && ch !== ch.toLowerCase()) s += ch.toLowerCase()
  }
  return s
}

// Stronger evidence wins: a typed mention beats none, a person hint makes an untyped group a person.
function mergeType(group: Group, type: NameType | null, hint: boolean): void {
  if (hint) group.personHint = true
  if (group.type === null && type !== null) group.type = type
}

function toEntity(g: Group, index: number): Entity {
  g.mentions.sort((a, b) => a.start - b.start)
  let name = g.mentions[0].text
  for (const m of g.mentions) if (m.text.length > name.length) name = m.text
  const type: EntityType = g.type ?? (g.personHint ? 'person' : 'other')
  return { id: `e${index + 1}`, name: g.name ?? name, type, mentions: g.mentions }
}
