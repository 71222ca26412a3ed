// Outlet identity for the corpus: one canonical name per outlet, from its spelling or its web domain (data/outlet-aliases.json).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

interface AliasEntry {
  aliases?: string[]
  domains?: string[]
}

interface AliasIndex {
  byFolded: Map<string, string>
  byDomain: Map<string, string>
}

let index: AliasIndex | null = null

/** Folds case, a leading "the", spaces and punctuation, so "The News-Week" and "newsweek" compare equal. */
export function foldOutlet(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/^\s*the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '')
}

/** The canonical outlet name for a written name ("AP" → "Associated Press"), else the name as written, trimmed. */
export function canonicalOutlet(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ')
  return aliases().byFolded.get(foldOutlet(trimmed)) ?? aliases().byDomain.get(domainOf(trimmed) ?? '') ?? trimmed
}

/** The outlet an article URL belongs to: a known domain's canonical name, else the host without "www.". */
export function outletFromUrl(url: string): string | null {
  const host = hostOf(url)
  if (!host) return null
  const known = aliases().byDomain
  for (let candidate = host; candidate.includes('.'); candidate = candidate.slice(candidate.indexOf('.') + 1)) {
    const name = known.get(candidate)
    if (name) return name
  }
  return host.replace(/^www\./, '')
}

/** The key outlets are grouped, filtered and counted by: the folded canonical name. */
export function outletKey(name: string): string {
  return foldOutlet(canonicalOutlet(name))
}

function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname.toLowerCase() : null
  } catch {
    return null
  }
}

function domainOf(name: string): string | null {
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(name) ? name.toLowerCase().replace(/^www\./, '') : null
}

function aliases(): AliasIndex {
  if (index) return index
  const byFolded = new Map<string, string>()
  const byDomain = new Map<string, string>()
  let table: Record<string, AliasEntry | string> = {}
  try {
    table = JSON.parse(readFileSync(fileURLToPath(new URL('../../data/outlet-aliases.json', import.meta.url)), 'utf8'))
  } catch {
    // Without the table, outlets are still compared by their folded spelling.
  }
  for (const [name, entry] of Object.entries(table)) {
    if (name.startsWith('$') || typeof entry !== 'object') continue
    byFolded.set(foldOutlet(name), name)
    for (const alias of entry.aliases ?? []) byFolded.set(foldOutlet(alias), name)
    for (const domain of entry.domains ?? []) byDomain.set(domain.toLowerCase(), name)
  }
  index = { byFolded, byDomain }
  return index
}
