// data/outlet-domains.json (proposed for issue 18): every domain it names is rated, it does not repeat an outlet's
// alias-table domains, and the outlets the seed article cites by name resolve to rated domains.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { foldOutletName } from '../nlp/outlets.js'
import { createRatingsRegistry, isRated } from './registry.js'

const read = (file: string) => JSON.parse(readFileSync(new URL(`../../data/${file}`, import.meta.url), 'utf8')) as Record<string, unknown>
const aliases = read('outlet-aliases.json') as Record<string, { aliases?: string[]; domains?: string[] }>
const extra = read('outlet-domains.json') as Record<string, string[]>
const registry = createRatingsRegistry()

/** Folded outlet name (canonical or alias) → all its domains, from both files. */
function domainsByName(): Map<string, string[]> {
  const out = new Map<string, string[]>()
  const add = (name: string, domains: readonly string[]) => out.set(foldOutletName(name), [...(out.get(foldOutletName(name)) ?? []), ...domains])
  for (const [name, entry] of Object.entries(aliases)) {
    if (name.startsWith('$')) continue
    for (const n of [name, ...(entry.aliases ?? [])]) add(n, entry.domains ?? [])
  }
  for (const [name, domains] of Object.entries(extra)) if (!name.startsWith('$')) add(name, domains)
  return out
}

test('every domain in outlet-domains.json is rated by the shipped table', () => {
  for (const [name, domains] of Object.entries(extra)) {
    if (name.startsWith('$')) continue
    assert.ok(Array.isArray(domains) && domains.length > 0, `${name}: domains must be a non-empty array`)
    for (const d of domains) assert.ok(isRated(registry.lookup(d)), `${name}: ${d} is not rated`)
  }
})

test('outlet-domains.json adds domains only: none repeats one the alias table already gives that outlet', () => {
  const known = new Map<string, Set<string>>()
  for (const [name, entry] of Object.entries(aliases)) if (!name.startsWith('$')) known.set(foldOutletName(name), new Set(entry.domains ?? []))
  for (const [name, domains] of Object.entries(extra)) {
    if (name.startsWith('$')) continue
    for (const d of domains) assert.ok(!known.get(foldOutletName(name))?.has(d), `${name}: ${d} is in outlet-aliases.json already`)
  }
})

test('the seed article\'s outlets, as it writes them, resolve to rated domains', () => {
  const byName = domainsByName()
  const expected: [string, string, number][] = [
    ['News Week', 'newsweek.com', 0.82],
    ['Yellow Hammer News', 'yellowhammernews.com', 0.65],
    ['Washington Post', 'washingtonpost.com', 0.82],
    ['The Washington Post', 'washingtonpost.com', 0.82],
    ['Newsweek', 'newsweek.com', 0.82],
    ['Yellowhammer News', 'yellowhammernews.com', 0.65],
  ]
  for (const [written, domain, score] of expected) {
    const domains = byName.get(foldOutletName(written)) ?? []
    const rating = domains.map((d) => registry.lookup(d)).find(isRated)
    assert.ok(rating, `${written} does not resolve to a rated domain`)
    assert.deepEqual([rating.domain, rating.score, rating.list], [domain, score, 'lin2023'], written)
  }
})

test('the shipped table rates the issue\'s reference domains as the data README lists them', () => {
  const cases: [string, number, string][] = [
    ['reuters.com', 1, 'high'],
    ['https://www.washingtonpost.com/politics/x', 0.82, 'high'],
    ['newsweek.com', 0.82, 'high'],
    ['yellowhammernews.com', 0.65, 'mixed'],
    ['breitbart.com', 0.3, 'low'],
    ['https://www.infowars.com/posts/x', 0.05, 'low'],
  ]
  for (const [input, score, band] of cases) {
    const r = registry.lookup(input)
    assert.ok(isRated(r), input)
    assert.deepEqual([r.score, r.band, r.citation], [score, band, 'Lin et al. 2023'], input)
  }
})
