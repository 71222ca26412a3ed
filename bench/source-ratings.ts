// bench:source-ratings — CPU time per registry lookup (target ≤ 5 µs) beside a bare Map.get over the same table and the
// same lookups read through the WHATWG URL parser only (the reference the string fast path must agree with), one run.
// Usage: npm run bench:source-ratings -- [--lookups 200000] [--json]
import { loadRatingsTable } from '../src/source-ratings/default-table.js'
import { createRatingsRegistry } from '../src/source-ratings/registry.js'

const args = process.argv.slice(2)
const at = args.indexOf('--lookups')
const lookups = at >= 0 ? Number(args[at + 1]) : 200_000
const table = loadRatingsTable()
const registry = createRatingsRegistry({ table })
const reference = createRatingsRegistry({ table, slowAddresses: true })
const domains = [...table.list.entries.keys()].filter((k) => !k.includes('/'))
// Inputs as callers pass them: bare domains, www. hosts of rated and unknown domains, article URLs, wrapped URLs.
const inputs = {
  'bare domain (rated)': domains,
  'www. host': domains.map((d) => `www.${d}`),
  'unknown domain': domains.map((d) => `x${d.replace(/\./g, '-')}.example`),
  'article URL': domains.map((d) => `https://www.${d}/2024/01/02/some-story-slug.html?utm_source=x`),
  'archived URL': domains.map((d) => `https://web.archive.org/web/20200101000000/https://${d}/a/story`),
  'AMP cache URL': domains.map((d) => `https://${d.replace(/-/g, '--').replace(/\./g, '-')}.cdn.ampproject.org/c/s/${d}/a/story`),
  'google.com/url?q=': domains.map((d) => `https://www.google.com/url?q=https%3A%2F%2F${d}%2Fa&sa=D`),
}
const baselineMap = new Map([...table.list.entries].map(([k, v]) => [k, v.score]))

function time(fn: (s: string) => unknown, keys: readonly string[]): number {
  let sink = 0
  for (let i = 0; i < Math.min(20_000, lookups); i++) sink += fn(keys[i % keys.length]) ? 1 : 0 // warm the JIT
  // CPU time of this process (user + system), not wall time: the machine may be loaded.
  const start = process.cpuUsage()
  for (let i = 0; i < lookups; i++) sink += fn(keys[i % keys.length]) ? 1 : 0
  const used = process.cpuUsage(start)
  if (sink < 0) throw new Error('unreachable')
  return (used.user + used.system) / lookups
}

const rows: { case: string; usPerLookup: number; referenceUs?: number }[] = []
rows.push({ case: 'baseline: Map.get(domain)', usPerLookup: time((d) => baselineMap.get(d), domains) })
for (const [name, keys] of Object.entries(inputs)) {
  for (const k of keys.slice(0, 2000)) {
    if (JSON.stringify(registry.lookup(k)) !== JSON.stringify(reference.lookup(k))) throw new Error(`fast and URL() lookups differ on ${k}`)
  }
  rows.push({ case: `registry.lookup: ${name}`, usPerLookup: time((s) => registry.lookup(s), keys), referenceUs: time((s) => reference.lookup(s), keys) })
}

if (args.includes('--json')) process.stdout.write(`${JSON.stringify({ lookups, domains: domains.length, rows }, null, 2)}\n`)
else {
  process.stdout.write(`${lookups} lookups per case over ${domains.length} domains (Node ${process.version}); CPU µs per lookup, target ≤ 5\n`)
  process.stdout.write(`${'case'.padEnd(40)}${'lookup'.padStart(9)}${'URL() only'.padStart(12)}\n`)
  for (const r of rows) process.stdout.write(`${r.case.padEnd(40)}${r.usPerLookup.toFixed(3).padStart(9)}${r.referenceUs === undefined ? '' : r.referenceUs.toFixed(3).padStart(12)}\n`)
}
