// The known-entity table (data/known-entities.json plus the user's own): canonical names, aliases, titles, gender.
import { FactsiftError } from '../../errors.js'
import type { EntityType } from '../../document/types.js'
import { createTableCache, mergedTable, stringList } from '../../nlp/data-file.js'
import { addTitle, canonicalTitle } from './lexicon.js'

export interface KnownEntity {
  name: string
  type: EntityType
  gender: 'm' | 'f' | null
  aliases: string[]
  /** Canonical title keys ("president", "attorney general"). */
  titles: string[]
}

/** The shape of one entry in a known-entities file. */
export interface KnownEntityEntry {
  type?: string
  gender?: string
  aliases?: string[]
  titles?: string[]
}

/** A known-entities extension: a path to a JSON file, or the table itself ({ "Name": { aliases, titles, … } }). */
export type KnownEntitiesSource = string | Record<string, KnownEntityEntry>

export interface KnownEntityTable {
  entities: KnownEntity[]
  /** Surface form (alias or name, leading "the " dropped) → entities it may denote. */
  bySurface: Map<string, KnownEntity[]>
  /** First letter/digit run of a surface form → surface forms starting with it, longest first. */
  byLead: Map<string, string[]>
  /** Canonical title key → entities holding it. */
  byTitle: Map<string, KnownEntity[]>
  /** Extra title keys as token sequences, for the title matcher. */
  titleIndex: Map<string, string[][]>
}

const tables = createTableCache<KnownEntityTable>()

/** The bundled table merged with `extra` (later entries with the same name replace earlier ones), built once. */
export function knownEntityTable(extra?: KnownEntitiesSource): KnownEntityTable {
  return mergedTable('known-entities.json', extra, 'known entities', tables, build)
}

const TYPES: ReadonlySet<string> = new Set(['person', 'organization', 'place', 'date', 'other'])

function build(raw: Record<string, unknown>, where: string): KnownEntityTable {
  const entities: KnownEntity[] = []
  for (const [name, value] of Object.entries(raw)) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new FactsiftError('E_CONFIG', `${where}: entry "${name}" must be an object`)
    }
    const entry = value as Record<string, unknown>
    const type = entry.type === undefined ? 'person' : String(entry.type)
    if (!TYPES.has(type)) throw new FactsiftError('E_CONFIG', `${where}: entry "${name}" has unknown type "${type}"`)
    const gender = entry.gender === 'm' || entry.gender === 'f' ? entry.gender : null
    entities.push({
      name,
      type: type as EntityType,
      gender,
      aliases: stringList(entry, 'aliases', `${where}: "${name}"`),
      titles: stringList(entry, 'titles', `${where}: "${name}"`).map((t) => canonicalTitle(t.replace(/^the\s+/i, ''))),
    })
  }
  const bySurface = new Map<string, KnownEntity[]>()
  const byTitle = new Map<string, KnownEntity[]>()
  const titleIndex = new Map<string, string[][]>()
  for (const entity of entities) {
    for (const surface of new Set([entity.name, ...entity.aliases].map(stripArticle))) {
      if (!surface) continue
      const list = bySurface.get(surface) ?? []
      list.push(entity)
      bySurface.set(surface, list)
    }
    for (const title of entity.titles) {
      const list = byTitle.get(title) ?? []
      list.push(entity)
      byTitle.set(title, list)
      addTitle(titleIndex, title)
    }
  }
  const byLead = new Map<string, string[]>()
  for (const surface of bySurface.keys()) {
    const lead = leadRun(surface)
    if (!lead) continue
    const list = byLead.get(lead) ?? []
    list.push(surface)
    byLead.set(lead, list)
  }
  for (const list of byLead.values()) list.sort((a, b) => b.length - a.length)
  return { entities, bySurface, byLead, byTitle, titleIndex }
}

function stripArticle(surface: string): string {
  return surface.replace(/^the\s+/i, '').replace(/’/g, "'").trim()
}

/** The leading run of letters and digits: the lookup key shared by surface forms and the tokens that start them. */
export function leadRun(s: string): string {
  let i = 0
  while (i < s.length) {
    const c = s.charCodeAt(i)
    const ascii = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
    if (!ascii && (c < 128 || !LETTER.test(s[i]!))) break
    i++
  }
  return i === s.length ? s : s.slice(0, i)
}

const LETTER = /[\p{L}\p{N}]/u
