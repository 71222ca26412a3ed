// The outlet alias table (data/outlet-aliases.json plus the user's own): one canonical name per outlet and domain.
import { FactsiftError } from '../errors.js'
import { createTableCache, mergedTable, stringList } from './data-file.js'

/** The shape of one entry in an outlet-aliases file. */
export interface OutletEntry {
  aliases?: string[]
  domains?: string[]
  wire?: boolean
}

/** An outlet-aliases extension: a path to a JSON file, or the table itself ({ "Canonical": { aliases, domains } }). */
export type OutletAliasesSource = string | Record<string, OutletEntry>

export interface OutletTable {
  /** Folded spelling → canonical name. */
  byFolded: Map<string, string>
  /** Web domain (no "www.") → canonical name. */
  byDomain: Map<string, string>
}

const tables = createTableCache<OutletTable>()

/** The bundled table merged with `extra` (same names replace), built once per path or table object. */
export function outletTable(extra?: OutletAliasesSource): OutletTable {
  return mergedTable('outlet-aliases.json', extra, 'outlet aliases', tables, build)
}

function build(merged: Record<string, unknown>, where: string): OutletTable {
  const byFolded = new Map<string, string>()
  const byDomain = new Map<string, string>()
  for (const [name, value] of Object.entries(merged)) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new FactsiftError('E_CONFIG', `${where}: entry "${name}" must be an object`)
    }
    const entry = value as Record<string, unknown>
    byFolded.set(foldOutletName(name), name)
    for (const alias of stringList(entry, 'aliases', `${where}: "${name}"`)) byFolded.set(foldOutletName(alias), name)
    for (const domain of stringList(entry, 'domains', `${where}: "${name}"`)) byDomain.set(domain.toLowerCase().replace(/^www\./, ''), name)
  }
  return { byFolded, byDomain }
}

const folded = new Map<string, string>()

/** Folds case, accents, a leading "the", spaces and punctuation: "The News-Week" and "newsweek" compare equal. */
export function foldOutletName(name: string): string {
  let key = folded.get(name)
  if (key === undefined) {
    // Names repeat across articles; a bounded cache spares the Unicode normalization.
    if (folded.size > 20_000) folded.clear()
    key = fold(name)
    folded.set(name, key)
  }
  return key
}

function fold(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/^\s*the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '')
}

/** The canonical name of a known outlet as written, or null when the table does not know it. */
export function knownOutlet(table: OutletTable, written: string): string | null {
  return table.byFolded.get(foldOutletName(written)) ?? null
}

/** The outlet behind a web address or bare domain: a known domain (or parent domain) → its name, else null. */
export function outletOfDomain(table: OutletTable, host: string): string | null {
  for (let d = host.toLowerCase().replace(/^www\./, ''); d.includes('.'); d = d.slice(d.indexOf('.') + 1)) {
    const name = table.byDomain.get(d)
    if (name) return name
  }
  return null
}
