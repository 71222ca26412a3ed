// The outlet alias table (data/outlet-aliases.json plus the user's own): one canonical name per outlet and domain.
import { FactsiftError } from '../errors.js'
import { bundledDataPath, createTableCache, mergedTable, readTableFile, stringList } from './data-file.js'

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
  /**
   * Canonical name → its web domains from the alias table; "~" + folded name → those data/outlet-domains.json adds.
   * Read through `outletDomains`, for rating an outlet named in text.
   */
  domainsOf: Map<string, string[]>
}

const tables = createTableCache<OutletTable>()

/** The bundled table merged with `extra` (same names replace), built once per path or table object. */
export function outletTable(extra?: OutletAliasesSource): OutletTable {
  return mergedTable('outlet-aliases.json', extra, 'outlet aliases', tables, build)
}

function build(merged: Record<string, unknown>, where: string): OutletTable {
  const byFolded = new Map<string, string>()
  const byDomain = new Map<string, string>()
  const domainsOf = new Map<string, string[]>()
  for (const [name, value] of Object.entries(merged)) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new FactsiftError('E_CONFIG', `${where}: entry "${name}" must be an object`)
    }
    const entry = value as Record<string, unknown>
    byFolded.set(foldOutletName(name), name)
    for (const alias of stringList(entry, 'aliases', `${where}: "${name}"`)) byFolded.set(foldOutletName(alias), name)
    const domains = stringList(entry, 'domains', `${where}: "${name}"`).map((d) => d.toLowerCase().replace(/^www\./, ''))
    for (const domain of domains) byDomain.set(domain, name)
    domainsOf.set(name, domains)
  }
  // data/outlet-domains.json: more domains for an outlet by any of its names, and outlets the alias table lacks. Kept
  // apart from byFolded: naming a domain does not make a name a known outlet to attribution and sources.
  for (const [name, value] of Object.entries(readTableFile(bundledDataPath('outlet-domains.json')))) {
    if (!Array.isArray(value) || value.some((d) => typeof d !== 'string')) throw new FactsiftError('E_CONFIG', `outlet-domains.json: "${name}" must be an array of domains`)
    const key = `~${foldOutletName(byFolded.get(foldOutletName(name)) ?? name)}`
    domainsOf.set(key, [...(domainsOf.get(key) ?? []), ...(value as string[]).map((d) => d.toLowerCase().replace(/^www\./, ''))])
  }
  return { byFolded, byDomain, domainsOf }
}

/** The web domains of an outlet named as written (canonical name or alias), [] when the tables give none. */
export function outletDomains(table: OutletTable, written: string): readonly string[] {
  const canonical = knownOutlet(table, written) ?? written
  const out = [...(table.domainsOf.get(canonical) ?? []), ...(table.domainsOf.get(`~${foldOutletName(canonical)}`) ?? [])]
  return [...new Set(out)]
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
